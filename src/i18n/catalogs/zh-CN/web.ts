import type { AreaCatalog } from '../../catalog.js';
import type { web as source } from '../en/web.js';

/** Web pages (src/web/pages, src/web/routes): everything but notification setup. */
export const web: AreaCatalog<typeof source> = {
  'web.language.switcher': '语言',
  'web.layout.skip': '跳到正文',
  'web.layout.signOut': '退出登录',
  'web.layout.mainNav': '主导航',
  'web.layout.explain': '解读状态',
  'web.layout.explainShort': '解读',
  'web.layout.waiting': '等待时间',
  'web.layout.waitingShort': '等待',
  'web.layout.cases': '我的案件',
  'web.layout.casesShort': '案件',
  'web.layout.notifications': '通知',
  'web.layout.account': '账户',
  'web.layout.signIn': '登录',
  'web.layout.signUp': '注册账户',
  'web.layout.demoBefore': '这是演示版：它发出的通知都在',
  'web.layout.demoInbox': '演示收件箱',
  'web.layout.demoAfter': '里。',
  'web.layout.about':
    'ceac-watch 解读美国国务院 CEAC 状态页面所显示的内容。本网站与美国政府无关；一切以使领馆的信件和电子邮件为准。',
  'web.layout.ceacEnglish':
    'CEAC 只用英文显示状态。我们在译文旁引用英文原文：英文原文才是 CEAC 显示的内容，以英文为准。',
};
