/**
 * 简体中文. Terms follow src/i18n/glossary/zh-CN.md: CEAC's status words stay in English (they are what the person
 * sees on the CEAC page), each with a Chinese gloss the first time; 221(g) is never translated as a plain 拒签.
 */
import type { AreaCatalog } from '../../catalog.js';
import type { decode as source } from '../en/decode.js';

export const decode: AreaCatalog<typeof source> = {
  'source.change2020':
    'travel.state.gov，《CEAC case status change》（2020-03-03）：原先显示 "Administrative Processing" 的案件现在显示 "Refused"；"There has been no change in such applicants\' actual cases."（这些申请人的案件本身没有任何变化。）',
  'source.adminProcessing':
    'travel.state.gov，《Administrative Processing Information》（INA 221(g)）：行政审查结束后，签证官会签发或拒绝签证；所需时间因案而异。',
  'source.sixtyDays':
    '美国使领馆关于行政审查的页面："Most administrative processing is resolved within 60 days of the visa interview"（大多数行政审查在面谈后 60 天内结束；有的使领馆写 90 或 120 天）。',
  'source.wait180': 'ustraveldocs 的 221(g) 页面：面谈或最后一次递交材料后，至少等待 180 天再询问案件进展。',
  'source.twelveMonths': 'INA 203(e) 与 221(g) 相关规定：221(g) 要求补交的材料须在 12 个月内递交，否则申请终止。',
  'source.ceacStatuses':
    'ceac-watch 知识库（docs/ceac-statuses.md）：CEAC 的各种状态、说明文字和申请人报告的变化顺序，附出处。',
  'source.dropboxEnd':
    '美国国务院 2025-07-25 公告：自 2025-09-02 起，H、L、F、M、J、E、O 类签证取消免面谈（"dropbox"，代递）。',

  'guidance.no_status.headline': 'No Status（无状态）：你的申请还没有进入使领馆的系统',
  'guidance.no_status.meaning':
    'CEAC 还没有把你的 DS-160 与使领馆的案件关联起来。在面谈之前、或免面谈（dropbox）材料被接收之前，这是正常的；有的使领馆会一直保持这个状态直到面谈当天。它不代表任何好坏。',
  'guidance.no_status.next.1': '如果面谈或递交材料还没到，什么都不用做。',
  'guidance.no_status.next.2': '如果已经递交了材料，请再等几周：有一位 dropbox 申请人报告无状态持续了约 3 周才变化。',
  'guidance.no_status.next.3': '请确认查询时使用的申请编号（Application ID）和地点是正确的。',
  'guidance.no_status.watch.1':
    'Application Received（使领馆已收到材料），或面谈后的 Refused / Administrative Processing。',
  'guidance.application_received.headline': 'Application Received（已收到申请）：使领馆已经有你的申请',
  'guidance.application_received.meaning':
    '你的案件已在使领馆的系统里。对于免面谈（dropbox）申请，这通常表示你的材料和护照已经送到。目前还没有做出任何决定。',
  'guidance.application_received.next.1': '什么都不用做：留意邮箱和预约网站的消息，以防使领馆要求补充材料。',
  'guidance.application_received.watch.1':
    '对于 dropbox 案件，下一个状态常常是带长段说明的 Refused，这是正常的一步，不是最终拒签。',
  'guidance.application_received.watch.2': '如果不需要进一步审查，会变为 Approved 或 Issued。',
  'guidance.administrative_processing.headline':
    'Administrative Processing（行政审查）：你的案件正在审查中，尚未做出决定',
  'guidance.administrative_processing.meaning':
    '你的案件正在依据 221(g) 条款进行行政审查：使领馆在做决定前需要更多信息或更多核查。这不是拒签。审查结束后签证官会签发或拒绝签证，所需时间因案而异。',
  'guidance.administrative_processing.next.1':
    '如果被要求补交材料，请尽快递交。你有 12 个月时间；超过期限申请将被终止。',
  'guidance.administrative_processing.next.2':
    '如果没有要求你做任何事，那就只需等待。大多数行政审查在面谈后 60 天内结束。',
  'guidance.administrative_processing.next.3': '除非有紧急且有证明的理由，请至少等待 180 天再向使领馆询问案件。',
  'guidance.administrative_processing.watch.1': '审查顺利结束时，先变为 Approved，再变为 Issued。',
  'guidance.administrative_processing.watch.2': '一段时间显示 Refused（长段说明）也很常见，表示的是同一个审查过程。',
  'guidance.refused_221g.headline': 'Refused（221(g) 行政审查）：不是最终拒签，你的案件仍在进行中',
  'guidance.refused_221g.meaning':
    '自 2020 年 3 月起，所有处于 221(g) 行政审查的案件在 CEAC 上都显示 "Refused"；这段长说明就是识别方法。从技术上讲签证暂时被拒，但案件仍然开放，审查完成后会重新做出决定。美国国务院表示这些案件本身没有任何变化：它们以前只是显示为 "Administrative Processing"。',
  'guidance.refused_221g.next.1': '按照签证官给你的指示去做（221(g) 单、电子邮件或信件）。',
  'guidance.refused_221g.next.2': '如果被要求补交材料，请尽快递交。你有 12 个月时间；超过期限申请将被终止。',
  'guidance.refused_221g.next.3': '如果只提到审查，你什么都不用做。大多数行政审查在面谈后 60 天内结束。',
  'guidance.refused_221g.next.4': '请至少等待 180 天再向使领馆询问案件。',
  'guidance.refused_221g.watch.1': '审查顺利结束时，依次变为 Administrative Processing、Approved 和 Issued。',
  'guidance.refused_221g.watch.2':
    '状态仍是 Refused 但 "Case Last Updated"（最后更新日期）变化：说明有人处理过你的案件，但这本身不是决定。',
  'guidance.refused_letter.headline': 'Refused（短说明）：请阅读你拿到的信件；这可能是、也可能不是最终决定',
  'guidance.refused_letter.meaning':
    '签证官拒绝了签证，并给了你一封说明原因的信。如果信中引用 214(b) 条款或其他不符合资格的理由，本次申请的拒签是最终的。如果那是一张 221(g) 单（行政审查或要求补材料），案件仍然开放：有申请人报告这个短说明后来变成 Administrative Processing，再变成 Issued。只有那封信能确定是哪一种。',
  'guidance.refused_letter.next.1': '阅读那封信：上面写明了所依据的法律条款（214(b)、221(g) 或其他）。',
  'guidance.refused_letter.next.2': '如果是 221(g)，请按信上的指示去做，并在 12 个月内递交要求的材料。',
  'guidance.refused_letter.next.3':
    '如果是 214(b)，本次申请已经结束；当你的情况或你证明情况的方式有所改变时，可以重新申请。',
  'guidance.refused_letter.watch.1': 'Administrative Processing 或 Approved（说明其实是 221(g)）。',
  'guidance.refused_letter.watch.2': '几个月都没有变化（最终拒签会一直保持不变）。',
  'guidance.refused_letter_legacy.headline':
    'Refused（2020 年前的短说明）：请阅读你拿到的信件；这可能是、也可能不是最终决定',
  'guidance.refused_letter_legacy.meaning':
    '这是 CEAC 在 2020 年 3 月之前对附有信件或指示的拒签所用的措辞。信件会说明拒签是最终的（例如 214(b)），还是案件因行政审查或补材料而依据 221(g) 暂缓。',
  'guidance.refused_letter_legacy.next.1': '阅读面谈时拿到的信件或指示：上面写明了所依据的法律条款。',
  'guidance.refused_letter_legacy.next.2': '如果是 221(g)，请按信上的指示去做，并在 12 个月内递交要求的材料。',
  'guidance.refused_letter_legacy.next.3': '如果是 214(b)，本次申请已经结束；当你的情况有所改变时，可以重新申请。',
  'guidance.refused_letter_legacy.watch.1': 'Administrative Processing 或 Approved（说明其实是 221(g)）。',
  'guidance.refused_letter_legacy.watch.2': '几个月都没有变化（最终拒签会一直保持不变）。',
  'guidance.refused.headline': 'Refused：目前还无法判断是最终拒签还是 221(g) 行政审查',
  'guidance.refused.meaning':
    'CEAC 的 "Refused" 既用于最终拒签，也（自 2020 年 3 月起）用于仍在进行中的 221(g) 行政审查案件。状态下面的那段说明可以区分两者：长说明（"…your case will remain refused while undergoing such processing…"）表示行政审查；短说明（"…Please see the letter you received at the interview."）表示请阅读你的信件。',
  'guidance.refused.next.1': '粘贴状态下方显示的整段说明（或保存网页），以便解读。',
  'guidance.refused.next.2': '阅读签证官给你的信件或单子：上面写明了所依据的法律条款（214(b)、221(g) 或其他）。',
  'guidance.refused.watch.1': 'Administrative Processing 或 Approved（说明是 221(g) 行政审查）。',
  'guidance.approved.headline': 'Approved（已批准）：签证官已批准你的签证，但签证还没有打印',
  'guidance.approved.meaning':
    '签证官已经批准了你的申请，案件处于打印签证前的最终审核阶段。在我们掌握的报告中，Approved 通常在几天内变为 Issued。但这还不是最终结果：也有 Approved 因需要进一步审查而退回 Refused 的情况。',
  'guidance.approved.next.1': '什么都不用做。留意你的邮箱和护照追踪网站。',
  'guidance.approved.watch.1': 'Issued，通常在几天之内。',
  'guidance.approved.watch.2': '少数情况下，如果案件退回进一步审查，会变为 Refused（长说明）。',
  'guidance.issued.headline': 'Issued（已签发）：你的签证已获批准并已打印',
  'guidance.issued.meaning': '你的签证已签发，正在做最后处理。贴有签证的护照通常会在几天内通过快递或自取方式退还给你。',
  'guidance.issued.next.1': '在签证预约网站或快递网站上追踪护照。',
  'guidance.issued.next.2': '如果超过 10 个工作日仍未收到，请联系你申请的使领馆。',
  'guidance.issued.next.3': '拿到护照后，核对签证上的姓名、日期、签证类别和入境次数。',
  'guidance.issued.watch.1': '护照递送消息（"ready for pick up"，可以取件）。',
  'guidance.issued_iv.headline': 'Issued（已签发）：你的移民签证已经打印',
  'guidance.issued_iv.meaning': '你的移民签证已经打印。视使领馆而定，它会寄给你，或很快可以自取。',
  'guidance.issued_iv.next.1': '按照使领馆关于护照递送或自取的说明去做。',
  'guidance.issued_iv.next.2': '核对签证上的姓名和日期，并在出发前缴纳 USCIS 移民费，这样你入境后绿卡才会寄出。',
  'guidance.issued_iv.watch.1': '护照递送消息。',
  'guidance.at_nvc.headline': 'At NVC：你的移民案件在美国国家签证中心（NVC）',
  'guidance.at_nvc.meaning':
    '所有移民签证和多元化签证案件都从这里开始。NVC 收取费用和文件，并在案件可以推进时安排面谈。',
  'guidance.at_nvc.next.1': '在 CEAC 移民签证门户中完成 NVC 要求的所有事项（费用、DS-260、民事文件）。',
  'guidance.at_nvc.watch.1': '安排面谈后会变为 In Transit 或 Ready。',
  'guidance.in_transit.headline': 'In Transit（转送中）：面谈已安排，案件正在送往使馆',
  'guidance.in_transit.meaning': 'NVC 已处理你的申请并安排了面谈；使馆尚未确认收到案卷。这个状态通常只持续很短时间。',
  'guidance.in_transit.next.1': '准备面谈：体检，以及预约信中列出的文件。',
  'guidance.in_transit.watch.1': '使馆收到案件后会变为 Ready。',
  'guidance.ready.headline': 'Ready（准备就绪）：你的案件已在使馆，可以面谈',
  'guidance.ready.meaning': '使馆已经有你的案件。如果已有预约，请带上预约信中要求的文件按时前往；否则请等待预约通知。',
  'guidance.ready.next.1': '按照预约信的要求准备文件，并在约定的日期和时间前往。',
  'guidance.ready.watch.1': '面谈后会变为 Issued、Administrative Processing 或 Refused。',
  'guidance.transfer_in_progress.headline': 'Transfer in Progress（转移中）：你的案件正在不同使领馆之间转移',
  'guidance.transfer_in_progress.meaning': '案件正在转移，例如转到另一个使馆，或从 NVC 转出。这不是一个决定。',
  'guidance.transfer_in_progress.next.1': '除非接收的使领馆联系你，否则什么都不用做。',
  'guidance.transfer_in_progress.watch.1': '在新的使领馆变为 Ready。',
  'guidance.unknown.headline': '无法识别：这看起来不是我们知道的 CEAC 状态',
  'guidance.unknown.meaning':
    '我们在你提供的内容中找不到 CEAC 状态词或已知的 CEAC 说明文字。这里没有任何关于你案件的决定。',
  'guidance.unknown.next.1': '从 CEAC 页面复制状态区块（状态词、日期和说明段落）后再试，或保存网页并使用 --html。',

  'hint.slip.caveat': '并没有官方的颜色代码：各使领馆使用的颜色不同，请看单子上写了什么，而不是它的颜色。',
  'hint.slip.source': 'docs/ceac-statuses.md，"221(g) slips"（申请人报告；无官方出处）',
  'hint.slip.white': '通常用于一般行政审查或要求补充材料',
  'hint.slip.pink': '常有人报告用于进一步核查（安全或背景审查）',
  'hint.slip.yellow': '常有人报告用于签证官需要更多时间审阅材料的情况',
  'hint.slip.blue': '常有人报告用于要求补充材料的情况',
  'hint.slip.green': '关于绿单的说法互相矛盾；没有人知道一致的含义',
  'hint.slip.other': '这种颜色没有公认的解读',
  'hint.passport.received_for_delivery.meaning':
    '使领馆已把你的护照交给递送服务，护照正在送往取件点或快递途中。如果 CEAC 仍显示 Refused，护照里通常夹着一张 221(g) 单，而不是签证。',
  'hint.passport.received_for_delivery.caveat': '这条消息说明护照在哪里，而不是护照里有没有签证。',
  'hint.passport.received_for_delivery.source': 'docs/ceac-statuses.md，"Passport delivery"（申请人报告）',
  'hint.passport.origination_scan.meaning': '护照已离开使领馆，但尚未到达取件点。',
  'hint.passport.origination_scan.caveat': '各国快递追踪的措辞不同，而且会随时间变化。',
  'hint.passport.origination_scan.source': 'docs/ceac-statuses.md，"Passport delivery"（ustraveldocs/Aramex 追踪）',
  'hint.passport.ready_for_pickup.meaning':
    '护照已在取件点：请去领取（通常需在 15 天内），看看里面是签证还是 221(g) 单。',
  'hint.passport.ready_for_pickup.caveat': '各使领馆的取件期限不同；请在追踪网站上查看你的期限。',
  'hint.passport.ready_for_pickup.source': 'docs/ceac-statuses.md，"Passport delivery"（ustraveldocs/Aramex 追踪）',

  'read.unknownWord': '状态 "{word}" 不是我们知道的 CEAC 状态。',
  'read.textDisagrees': '这段说明是 {textStatus} 的文字，但状态写的是 {word}；本解读以状态为准。',
  'read.fitsSeveralStatuses': '这段说明符合不止一个状态（{statuses}）；状态词可以区分它们。',
  'read.nothingFound': '在 "{text}" 中没有找到 CEAC 状态词或已知的 CEAC 说明文字。',
  'read.unknownText': '说明 "{text}" 不是我们知道的 CEAC 文字；本解读只依据状态词。',
  'read.empty': '没有状态词，也没有可以解读的说明段落。',
  'read.passportMessage.meaning': '你附上的护照递送消息的意思是：{meaning}',
  'read.passportMessage.note': '护照消息：{caveat}',
  'read.passportOnly.headline': '这是护照递送消息，不是 CEAC 状态',
  'read.passportOnly.next': '也请查看 CEAC 状态页面：递送消息只说明护照在哪里，不说明决定是什么。',
  'read.refusedCutShort':
    '这段说明在能区分 221(g) 长说明（"Please follow any instructions…"）和信件短说明（"Please see the letter…"）的词之前就断了；请粘贴整段说明以便区分。',
  'read.fitsSeveralTexts': '这段说明符合多个 {status} 文字（{variants}）。',
  'read.fragment': '只识别出 CEAC 说明文字中间的一个片段。',
  'read.cutShort': '这段说明被截断了；根据其前 {percent}% 识别。',
  'read.typos': '这段说明与 CEAC 的原文有 {count} 处不同（错别字或改动）；仍然识别出来了。',
  'read.statusFromText': '粘贴内容中没有状态词；与这段说明对应的状态是 "{status}"。',
  'read.inputTooLong': '输入超过 {limit, number} 个字符；只读取了开头部分。',
  'read.notCeacPage': '这不是 CEAC 页面；状态是从其中的文字读出来的。',
  'page.captcha.headline': '没有状态：CEAC 拒绝了验证码',
  'page.captcha.next': '请重新查询，并严格按照显示的内容输入验证码（字母和数字）。',
  'page.notFound.headline': '没有状态：CEAC 找不到与这些信息匹配的案件',
  'page.notFound.next': '请核对申请编号或案件号、地点、护照号码以及姓氏的前 5 个字母。',
  'page.invalid.headline': '没有状态：CEAC 表示申请编号或案件号无效',
  'page.invalid.next': '请核对号码：非移民签证申请编号形如 AA0020AKAX；移民签证案件号形如 LMA2020656002。',
  'page.error.meaning': '页面显示了 CEAC 的消息 "{message}"。这与查询本身有关，与你的案件无关。',
  'page.form.headline': '没有状态：这是空白的 CEAC 状态查询表单',
  'page.form.meaning': '这个页面只有查询表单，没有查询结果。',
  'page.form.next': '请在显示状态后再保存页面，或直接粘贴状态文字。',
  'page.unrecognised.headline': '无法识别：这不是 CEAC 状态页面',
  'page.unrecognised.meaning':
    '我们在这个页面中找不到 CEAC 状态{reason, select, none {} other {（{reason}）}}。这里没有任何关于你案件的决定。',
  'page.unrecognised.next': '请在 CEAC 页面显示你的状态时保存页面（或粘贴状态文字），然后再试。',

  'ctx.officerRefused.headline': 'Refused：签证官告诉你签证被拒',
  'ctx.officerRefused.meaning':
    '既然签证官告诉你签证被拒，这很可能是本次申请的最终拒签（例如依据 214(b) 条款）。信件上写明了法律条款：如果写的是 221(g)，案件其实仍然开放。',
  'ctx.officerRefused.watch': '没有变化（最终拒签会保持不变）；如果变为 Administrative Processing，说明其实是 221(g)。',
  'ctx.officerRefused.but221gText':
    '签证官告诉你 "refused"（拒签），但 CEAC 显示的是行政审查的文字。请查看信件：如果引用 221(g)，案件仍然开放；如果引用 214(b) 或其他理由，拒签是最终的。',
  'ctx.officerRefused.butProcessing': '签证官说拒签，但 CEAC 显示 Administrative Processing：案件正在重新审查。',
  'ctx.officerRefused.butLater': '面谈时签证官说拒签，但 CEAC 现在显示 {status}；以 CEAC 较新的信息为准。',
  'ctx.officer221g.headline': '依据 221(g) 的 Refused：是行政审查，不是最终拒签',
  'ctx.officer221g.meaning':
    '签证官告诉你案件适用 221(g)，所以这个 "Refused" 是行政审查：案件仍然开放，审查或你的材料完成后会重新做出决定。',
  'ctx.officerApproved.meaning':
    '签证官告诉你签证已批准，但 CEAC 显示 Refused：批准正在等待行政审查，而自 2020 年起 CEAC 把行政审查显示为 Refused。这很常见，通常以 Issued 结束。',
  'ctx.officerNone.note': '签证官没有说清楚，所以只有你拿到的信件能确定拒签是否是最终的。',
  'ctx.slip.note':
    '单子颜色：{colour, select, white {白色} pink {粉色} yellow {黄色} blue {蓝色} green {绿色} other {其他颜色}}：{meaning}。{caveat}',
  'ctx.slip.headline': '持 221(g) 单的 Refused：是行政审查，不是最终拒签',
  'ctx.slip.meaning': '你拿到了一张 221(g) 单，所以你的案件处于行政审查中：案件仍然开放，之后会重新做出决定。',
  'ctx.slip.next':
    '按照单子上写的去做。如果列出了材料，请尽快递交（你有 12 个月，超过期限申请将被终止）；如果只提到审查，就不需要递交任何东西。',
  'ctx.dropbox.note':
    '自 2025-09-02 起，H、L、F、M、J、E、O 类签证取消了免面谈（"dropbox"，代递）；A、G、NATO、TECRO 类签证和部分 B-1/B-2 续签仍可免面谈。在此之前递交的 dropbox 案件仍按通常的 dropbox 流程进行。',
  'ctx.dropbox221g.headline': 'Refused（221(g) 行政审查）：对 dropbox 案件来说是常见的一步，不是最终拒签',
  'ctx.dropbox221g.meaning':
    '对于免面谈（dropbox）申请，这是常见的一步：许多案件依次经历 No Status -> Application Received -> Refused -> Administrative Processing -> Approved -> Issued。',
  'ctx.dropbox221g.nextPassportReturned': '阅读随护照退回的 221(g) 单：上面写明是要补交材料、去面谈，还是只需等待。',
  'ctx.dropbox221g.nextPassportLate':
    '护照通常在 1-2 周内随一张 221(g) 单退回；已经过去 {days} 天，如果你的护照还没退回，请查看邮箱和签证预约服务的护照追踪网站。',
  'ctx.dropbox221g.nextPassportSoon':
    '你的护照通常会在 1-2 周内随一张 221(g) 单退回，单子上写明需要什么（补材料、面谈，或只需等待）。请查看邮箱和签证预约服务的护照追踪网站。',
  'ctx.dropbox221g.watch':
    '护照随 221(g) 单退回；在你递交所要求的东西之后，依次变为 Administrative Processing、Approved 和 Issued。',
  'ctx.dropboxRefused.meaning':
    'dropbox 申请没有面谈，所以那封"信"通常随护照一起退回：它可能是一张要求补材料或去面谈的 221(g) 单。',
  'ctx.dropboxRefused.next': '等护照退回（通常 1-2 周），阅读随附的单子或信件；也请查看邮箱。',
  'ctx.dropboxNoStatus.meaning': '对于 dropbox 案件，No Status 常常持续到材料被扫描进系统为止。',
  'ctx.dropboxReceived.watch':
    '几天或几周内变为带长说明的 Refused：对于 dropbox 案件，这通常是 221(g) 行政审查，而不是拒签。',
  'ctx.interview221g.next': '阅读面谈时签证官给你的纸（通常是 221(g) 单）：上面写明你是要补交材料还是只需等待。',
  'ctx.interviewLetter.next':
    '面谈时交给你的信件决定了这是否是最终结果：看上面写的是 "214(b)"（最终）还是 "221(g)"（仍然开放）。',
  'ctx.passportReturnedRefused.next': 'CEAC 显示 Refused 时退回的护照通常附有一张 221(g) 单：找到它并照做。',
  'ctx.passportReturnedProcessing.next':
    '护照在你手上：审查顺利结束后，使领馆会要求你交回护照以打印签证，所以请留意邮箱。',
  'ctx.passportReturnedApproved.meaning':
    '案件显示 Approved 时你的护照被退回了。有申请人报告，护照在打印前被放行或取回时，Approved 会变回 Refused；这表示还需进一步审查，而不是新的拒签。',
  'ctx.passportReturnedApproved.watch': '如果案件退回审查，Approved 之后会出现 Refused（长说明）。',
  'ctx.passportReturnedIssued.next': '检查护照上的签证：姓名、日期、类别和入境次数。',
  'ctx.passportKeptLetter.meaning':
    '使领馆留下了你的护照。最终拒签后护照通常会当场退还，所以护照被留下更可能表示 221(g) 行政审查，而不是最终拒签。',
  'ctx.passportKeptProcessing.meaning':
    '使领馆留下了你的护照；使领馆通常在预计审查结束后会打印签证时这样做。这只是一个迹象，不是承诺。',
  'ctx.passportKeptApproved.meaning': '使领馆有你的护照，所以签证一旦签发就可以打印进去。',
  'ctx.previousUnknown.note': '之前的状态 "{previous}" 不是我们知道的 CEAC 状态；没有使用它。',
  'ctx.previousSame.meaning':
    '状态没有变化。"Case Last Updated"（最后更新日期）经常变化（有的人每周都变）而状态不变；这表示有人动过案卷，并不表示做出了决定。',
  'ctx.approvedToRefused.headline': 'Approved 之后变为 Refused：你的案件退回进行进一步审查',
  'ctx.approvedToRefused.meaning':
    '多位申请人报告过 Approved -> Refused：批准后案件需要进一步的行政审查，例如护照被放行出行或被取回时。这本身不是新的拒签决定。',
  'ctx.approvedToRefused.watch': '额外的审查结束后，再次变为 Approved，然后是 Issued。',
  'ctx.processingToRefused.meaning':
    '从 Administrative Processing 变为 Refused（有时几分钟内又变回来）是有人报告过的，通常不代表新情况：案件仍在审查中。',
  'ctx.refusedToProcessing.meaning':
    '从 Refused 变为 Administrative Processing 是进展：使领馆又在处理你的案件了，常常是在收到你的材料之后。',
  'ctx.processingEnded.meaning': '审查已经结束，案件获得批准。',
  'ctx.receivedToRefused.meaning': 'Application Received -> Refused 是 dropbox 案件进入 221(g) 行政审查的常见路径。',
  'ctx.issuedToRefused.meaning': 'Issued 之后变为 Refused 很少见：案件可能被重新打开，或签证被取消。请联系使领馆。',
  'ctx.readyToRefused.meaning': '移民签证面谈后从 Ready 变为 Refused 通常表示 221(g)：签证官在做决定前需要材料或核查。',
  'ctx.since.invalid': '状态开始的日期（{since}）不是今天之前的日期；没有使用它。',
  'ctx.since.within60': '已经过去 {days} 天；大多数行政审查在面谈后 60 天内结束。',
  'ctx.since.past60':
    '已经过去 {days} 天，超过了大多数行政审查结束的 60 天。很多案件需要更长时间；这本身并不是坏迹象。',
  'ctx.since.askAround': '官方建议至少等待 180 天再询问：大约在 {date}，除非你有紧急且有证明的理由。',
  'ctx.since.watchRequest': '通过电子邮件要求补交材料或交回护照。',
  'ctx.since.past180': '已经过去 {days} 天，超过了使领馆接受询问的 180 天。',
  'ctx.since.mayAsk': '现在你可以（通过使领馆网站的联系表格）联系使领馆，提供案件号，询问行政审查的进展。',
  'ctx.since.documentsDeadline':
    '如果你还欠着材料，请现在就递交：从要求之日起的 12 个月期限（如果是在这个状态开始时要求的，大约在 {date}）一到，申请就会终止。',
  'ctx.since.issuedLate': 'Issued 之后已经过去 {days} 天，超过 10 个工作日：如果你还没拿到护照，请联系你申请的使领馆。',
  'ctx.since.issuedSoon': '已经过去 {days} 天；护照通常在 Issued 之后 10 个工作日内送到。',
  'ctx.since.approvedLong':
    'Approved 已持续 {days} 天，比申请人通常报告的几天要长；它仍可能变为 Issued，但案件也可能退回审查。',
  'ctx.since.noStatusLong':
    'No Status 已持续 {days} 天，时间偏长；如果你已经递交了材料，请询问签证预约服务材料是否已送达使领馆。',
  'ctx.since.refusedUnchanged':
    '状态已经 {days} 天没有变化；221(g) 案件通常在几个月内会变化（变为 Administrative Processing 或 Approved），所以一直不变的拒签更可能是最终的。',
  'ctx.since.lastUpdatedMoved':
    '状态开始之后 "Case Last Updated"（最后更新日期）变化了：有人处理过你的案件。它常常在没有决定的情况下变化。',
  'ctx.dv.note':
    '多元化签证（DV-{fy}）：签证只能在 {fy} 年 9 月 30 日之前签发，无论行政审查是否完成 [不确定：有人报告，但并非每个案件都得到证实]。',

  'render.finality.in_progress': '进行中（不是最终决定）',
  'render.finality.final_positive': '最终：签证已签发',
  'render.finality.final_negative': '最终：拒签',
  'render.finality.uncertain': '不确定（可能是最终结果，也可能仍在进行中）',
  'render.variant.refused_221g': '221(g) 行政审查长说明',
  'render.variant.refused_letter': '短说明："see the letter you received"（请看你收到的信）',
  'render.variant.refused_letter_legacy': '2020 年前的短说明："refer to the letter"（请参阅信件）',
  'render.variant.refused': '没有说明文字，或太短无法判断',
  'render.variant.issued_iv': '移民签证的说明文字',
  'render.statusNone': '（未找到）',
  'render.statusFromText': '（没有状态词；从说明文字读出）',
  'render.statusFromTextLabel': '（没有状态词；从说明文字读出：{label}）',
  'render.row.status': '状态',
  'render.row.case': '案件',
  'render.row.created': '案件创建',
  'render.row.updated': '最后更新',
  'render.row.post': '使领馆',
  'render.row.finality': '是否最终',
  'render.confidence': '{finality}，可信度 {percent}%',
  'render.heading.meaning': '这是什么意思',
  'render.heading.next': '接下来该做什么',
  'render.heading.watch': '接下来留意什么',
  'render.heading.notes': '备注',
  'render.heading.sources': '出处',
  'render.ceacText': 'CEAC 原文（英文，即 CEAC 上显示的文字；以英文原文为准）',

  // 下次查询为何在这个时间（tracker/schedule-reason.ts）
  'track.schedule.never_checked': '从未查询',
  'track.schedule.not_watching': '未在关注',
  'track.schedule.check_requested': '已请求查询',
  'track.schedule.details_changed': '案件信息已修改',
  'track.schedule.not_found_paused': 'CEAC 找不到与这些信息相符的案件；修改信息后会恢复查询',
  'track.schedule.retry_captcha': '验证码未通过，稍后重试',
  'track.schedule.blocked': 'CEAC 拒绝了我们的请求：放慢查询',
  'track.schedule.challenge': 'CEAC 要求使用浏览器（Cloudflare 验证）：放慢查询',
  'track.schedule.maintenance': 'CEAC 正在维护',
  'track.schedule.unknown_case': 'CEAC 不认识这个案件：放慢重试',
  'track.schedule.retry_failed': '查询失败，逐步延长间隔后重试',
  'track.schedule.issued_stopped': 'Issued（已签发）已满 14 天：停止查询',
  'track.schedule.final_heartbeat': '最终状态：每天查询一次',
  'track.schedule.learned_spread': '按这个使领馆案件变化的时间分布在一周内',
  'track.schedule.business_hours': '使领馆的工作时间',
  'track.schedule.evening': '使领馆当地的晚上',
  'track.schedule.next_morning': '使领馆的下一个工作日早上',
  'track.schedule.quiet_heartbeat': '使领馆当地的夜间或周末：偶尔查询一次',
  'track.schedule.stretched': '{reason}（为不超出网站的查询额度而延后）',
  'track.schedule.aside': '（{reason}）',

  // CEAC 查询表单接受什么（ceac/query.ts）
  'ceac.query.nivHelp': 'NIV 申请号是以 AA 开头的 10 位字母和数字，例如 AA0020AKAX（见 DS-160 确认页）',
  'ceac.query.ivHelp':
    'IV 案件号是 3 个字母的使领馆代码加 10 位数字，例如 LMA2020656002；或 DV 号：财年、地区和数字，例如 2023EU0012345',
  'ceac.query.notText': '{field} 必须是文字',
  'ceac.query.app': '申请类型必须是 NIV（非移民签证）或 IV（移民签证，包括 DV）',
  'ceac.query.idMissing': '缺少申请号或案件号：{help}',
  'ceac.query.looksIv': '这看起来是移民签证案件号：请把申请类型设为 IV',
  'ceac.query.notNiv': '"{value}" 不是 NIV 申请号：{help}',
  'ceac.query.looksNiv': '这看起来是 NIV 申请号（以 AA 开头）：请把申请类型设为 NIV',
  'ceac.query.notIv': '"{value}" 不是 IV 案件号：{help}',
  'ceac.query.locationMissing':
    'NIV 查询需要申请所在的地点（使领馆）：CEAC 代码如 BMB，或名称如 "INDIA, MUMBAI" 或 "Mumbai"',
  'ceac.query.locationGuess': '"{value}" 不是一个 CEAC 地点；你是不是指 {guesses}？',
  'ceac.query.locationUnknown': '"{value}" 不是一个 CEAC 地点：请用 CEAC 代码如 BMB，或城市名如 "Mumbai"',
  'ceac.query.ivLocation': 'IV 案件查询不需要地点：请去掉它',
  'ceac.query.passport': '护照号必须是护照上印的 2 到 20 位字母和数字（2022 年以前的申请填 NA）',
  'ceac.query.surname': '姓氏必须按护照上的拉丁字母填写（只发送前 5 个字母；2022 年以前的申请填 NA）',

  // 查询为何是这个结果（ceac/outcome.ts、client.ts、browser.ts）
  'ceac.outcome.ok': 'CEAC 显示 "{status}"',
  'ceac.outcome.okUpdated': 'CEAC 显示 "{status}"，最后更新于 {date}',
  'ceac.outcome.noStatusWord': '（没有状态词）',
  'ceac.outcome.captcha_rejected': 'CEAC 没有接受验证码答案',
  'ceac.outcome.captchaGaveUp': 'CEAC 没有接受验证码答案（试了 {tries} 次）',
  'ceac.outcome.case_not_found': 'CEAC 找不到与这些信息相符的案件：请核对申请号、地点、护照号和姓氏',
  'ceac.outcome.invalid_case_number': 'CEAC 说申请号或案件号无效',
  'ceac.outcome.blocked': 'CEAC 的防火墙（Cloudflare）拒绝了请求：请等一段时间再查，封锁通常过一阵会解除',
  'ceac.outcome.challenge':
    'CEAC 的防火墙（Cloudflare）返回了 JavaScript 验证，普通 HTTP 客户端无法通过：请安装 Chromium（或把 CEAC_BROWSER 设为 Chrome 或 Chromium 程序），让查询通过浏览器进行（--transport browser 或 auto），或在家庭网络下运行 ceac-watch',
  'ceac.outcome.maintenance': 'CEAC 暂时无法使用（显示的是维护页面而不是查询表单）：请稍后再试',
  'ceac.outcome.layout_changed': 'CEAC 返回了这个版本无法识别的页面（网站可能改版了）；该页面已保存以便诊断',
  'ceac.outcome.timeout': 'CEAC 在 {seconds} 秒内没有响应',
  'ceac.outcome.connection': '与 CEAC 的连接失败（被拒绝、重置或中断）',
  'ceac.outcome.http_error': 'CEAC 返回了 HTTP 错误 {status}',
  'ceac.outcome.wrong_case': 'CEAC 返回的是另一个案件的结果，而不是所查询的案件；该结果已丢弃',
  'ceac.outcome.problem': '{field}：{problem}',
  'ceac.outcome.problems': '{before}；{next}',
  'ceac.outcome.formWithoutResult': 'CEAC 返回了查询表单，但没有结果也没有错误信息；该页面已保存以便诊断',
  'ceac.outcome.serverFailed': 'CEAC 在响应时出错（服务器错误 {status}）',
  'ceac.outcome.noForm': 'CEAC 状态页上没有我们能识别的查询表单或验证码（网站可能改版了）；该页面已保存以便诊断',
  'ceac.outcome.noCaptchaImage': 'CEAC 没有提供验证码图片：网站可能正在维护；请稍后再试',
  'ceac.outcome.solverFailed': '验证码识别程序 "{solver}" 没有给出答案：{why}',
  'ceac.outcome.solverCrashed': '验证码识别程序 "{solver}" 没有给出答案：意外故障：{why}',
  'ceac.outcome.redirects': 'CEAC 重定向次数过多（HTTP {status}）',
  'ceac.outcome.browserFailed': '无法启动浏览器（{path}）：{why}',
  'ceac.outcome.noBrowser': '{outcome}（{missing}）',
  'ceac.outcome.noBrowserFound': '没有找到浏览器',

  // 截止日期是从什么算起的（knowledge/deadlines.ts），即 `ceac case show` 所列
  'deadline.basis.slipDate': '221(g) 单上的日期 {date} 之后 12 个月',
  'deadline.basis.interview221g': '{date} 面谈（当场给了 221(g) 单）之后 12 个月',
  'deadline.basis.refusedSeen':
    '{date}（第一次看到 Refused 的日期）之后 12 个月（填写 221(g) 单上的日期可以得到准确日期）',
  'deadline.basis.interview': '{date} 面谈之后 180 天',
  'deadline.basis.documents': '{date} 最后一次补交材料之后 180 天',
  'deadline.basis.issuedSeen': '{date} 第一次看到 Issued 之后 10 个工作日',
  'deadline.basis.dvFiscalYear': '{year} 财年的 9 月 30 日，由 DV 案件编号得出',
  'deadline.line': '{title}（{basis}）',

  // 学到的查询时间有多可靠（tracker/change-times-summary.ts），即 `ceac case show` 所说
  'track.learned.learning':
    '还在了解这个使领馆的状态通常何时变化（n = {n}）；在此之前，查询时间参照所有使领馆已观察到的 {count} 次变化',
  'track.learned.learned':
    '查询集中在 {place} 时间 {from}–{to}（占查询的 {checkShare}），估计这个使领馆 {changeShare} 的变化发生在这段时间（n = {n}）',

  // 统计（stats/report.ts）
  'stats.groupTooSmall': '只有 {n} 个案例符合条件：少于 {min} 个案例的组不予显示；请放宽筛选条件',
  'stats.caveat.only_finished':
    '只有已结束的案例：这一组里没有仍在等待的案例；如果数据来源漏掉了仍在等待的案例（checkee 的历史文件就是这样），那么等得久的案例就缺失了，这些数字会偏向较短的等待',
  'stats.caveat.few_pending':
    '{n} 个案例中只有 {censored} 个（{percent}%）仍在等待：如果这一组大多来自漏掉仍在等待案例的来源（checkee 的历史文件就是这样），那么等得久的案例就缺失了，这些数字会偏向较短的等待',
  'stats.caveat.no_refusals': '这一组里没有拒签：数据可能漏掉了被拒的案例',
  'stats.caveat.median_not_reached': '还没有达到中位数：最后一次看到时，超过一半的案例仍在等待',
  'stats.caveat.small_group': '组很小（{n} 个案例）：区间很宽',
  'stats.predict.broader': '{label}：等待 {waited} 天后仍在等待的可比案例只有 {comparable} 个，所以改用了范围更大的组',
  'stats.predict.no90': '没有可比案例被继续跟踪 90 天以上：更长时间内的概率未知',

  // 导入（timelines/checkee.ts）
  'import.warning.only_finished':
    '只有已结束的案例：这个来源里没有仍在等待的案例，所以仍在进行中的长时间等待都缺失了，只用它算出的每个数字都会偏向较短的等待',
  'import.warning.no_refused': '没有被拒的案例：这个来源缺少拒签，所以用它算出的通过率偏高',
  'import.row.misaligned': '应有 {expected} 个字段，实际 {found} 个（行未对齐）',
  'import.row.notJson': '不是有效的 JSON（每行必须是一个 JSON 对象）',
  'import.row.notObject': '不是 JSON 对象',
  'import.row.missing': '缺少 {fields}',
  'import.row.visaType': '签证类型 "{value}" 不是 F1 或 H1B 这样的签证类别',
  'import.row.status': '状态 "{value}" 不是 Clear、Reject 或 Pending',
  'import.row.checkDate': 'check 日期 "{value}" 不是 YYYY-MM-DD 格式的日期',
  'import.row.entry': '签证申请类别 "{value}" 不是 New 或 Renewal',
  'import.row.completeDate': '已有结果的案例，完成日期 "{value}" 不是 YYYY-MM-DD 格式的日期',
  'import.row.completeBeforeCheck': '完成日期 {completeDate} 早于 check 日期 {checkDate}',
  'import.row.lastUpdate': '最后更新 "{value}" 不是 YYYY-MM-DD 格式的日期',
  'import.row.noExportDate': '仍在等待的案例没有导出日期：请加上 --as-of YYYY-MM-DD（导出文件的日期）',
  'import.row.afterExport': '仍在等待的案例的 check 日期 {checkDate} 晚于导出日期',
  'import.row.unreadable': '无法读取的行',
};
