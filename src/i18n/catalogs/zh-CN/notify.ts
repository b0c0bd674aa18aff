import type { AreaCatalog } from '../../catalog.js';
import type { notify as source } from '../en/notify.js';

/** Notifications and e-mails (src/notify, src/web/mailer.ts). */
export const notify: AreaCatalog<typeof source> = {
  'notify.ceacVerbatim': 'CEAC 显示的英文原文（以英文为准）：{text}',
  'notify.title': '{case}：{change}',
  'notify.case': '案件：{case}',
  'notify.caseAt': '案件：{case}，{location}',
  'notify.noStatus': '无状态',
  'notify.change.firstSeen': '开始关注：{status}',
  'notify.change.statusChanged': '状态变化：{from} → {to}',
  'notify.change.textChanged': '{status}：状态说明文字有变化',
  'notify.change.lastUpdated': '{status}："Case Last Updated"（最后更新日期）从 {from} 变为 {to}',
  'notify.change.checkFailing': '查询一直失败',
  'notify.change.checkRecovered': '查询已恢复正常',
  'notify.change.reminder': '提醒：{text}',
  'notify.change.reminderNear': '有一个期限快到了',
  'notify.change.wave': '一批案件结束审查：{text}',
  'notify.change.waveCleared': '许多与你情况相似的案件已结束审查',
  'notify.source': '依据：{source}',
  'notify.wave.caveat': '这是其他案件的情况，不能据此确定你的案件会怎样。',
  'notify.nextSteps': '下一步：',
  'notify.health.lastError': '最近一次错误：{error}',
  'notify.health.unknown': '未知',
  'notify.health.recovered': '不会漏掉任何变化：下一次查询会与最后看到的状态比较。',
  'notify.caseCreated': '"Case Created"（创建日期）：{date}',
  'notify.caseLastUpdated': '"Case Last Updated"（最后更新日期）：{date}',
  'notify.seen': '发现时间：{when}',
  'notify.open': '打开：{link}',
  'notify.openCase': '打开案件',
  'notify.digest.title': '每日摘要："Case Last Updated" 有 {count, plural, other {# 处}}变化',
  'notify.digest.intro': '日期变了，状态没有变：',
  'notify.test.title': 'ceac-watch 测试通知',
  'notify.test.body': '渠道"{channel}"的测试通知：ceac-watch 可以通过这里联系到你。',
  'notify.reminder.sentence': '{title}：{date}（{days, plural, =0 {今天} =1 {明天} other {还有 # 天}}）',
  'notify.deadline.documents_due_221g': '221(g) 材料递交截止',
  'notify.deadline.may_enquire': '现在可以向领事馆询问案件进展了',
  'notify.deadline.dv_issue_by': '多元化签证（DV）可签发的最后一天',
  'notify.deadline.issued_no_passport': '签证已签发 10 个工作日：如仍没有护照的消息，请联系使领馆',
  'notify.wave.sentence':
    '{post} 有 {count, plural, other {# 个}} {visaClass} 案件在 {date} 结束审查，它们此前已等待 {maxWait, plural, other {{waits} 天}}{yours}。',
  'notify.wave.sentenceAnyClass':
    '{post} 有 {count, plural, other {# 个}}案件在 {date} 结束审查，它们此前已等待 {maxWait, plural, other {{waits} 天}}{yours}。',
  'notify.wave.yours': '；你的案件已等待 {days, plural, other {# 天}}',
  'notify.mail.reset.subject': '重设你的 ceac-watch 密码',
  'notify.mail.reset.body':
    '有人（希望是你）请求重设你的 ceac-watch 账户密码。\n\n请在一小时内打开下面的链接设置新密码：\n{link}\n\n如果不是你本人，请忽略这封邮件：你的密码不会改变。\n',
  'notify.mail.signupTaken.subject': '有人试图用你的邮箱地址注册 ceac-watch 账户',
  'notify.mail.signupTaken.body':
    '有人（也许是你）试图用这个邮箱地址注册 ceac-watch 账户，但这个地址已经有账户了。\n\n没有创建新账户，也没有做任何改动。要登录，请前往 {signin}；或在 {reset} 设置新密码。\n\n如果不是你本人，可以忽略这封邮件。\n',
};
