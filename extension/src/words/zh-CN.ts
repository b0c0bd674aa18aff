import type { Words } from './en.js';

/** The panel's own words in 简体中文 (see src/i18n/glossary/zh-CN.md). */
export const words: Words = {
  'ext.panelTitle': 'ceac-watch：这个状态是什么意思',
  'ext.finality.in_progress': '处理中',
  'ext.finality.final_positive': '最终结果：好消息',
  'ext.finality.final_negative': '最终结果：拒签',
  'ext.finality.uncertain': '尚未最终确定',
  'ext.confidence':
    '{end, select, yes {我们有多确定这是最终结果：{pct}%} other {我们有多确定这还不是最终结果：{pct}%}}',
  'ext.meaning': '这是什么意思',
  'ext.nextSteps': '下一步做什么',
  'ext.watchFor': '需要留意什么',
  'ext.notes': '我们没能识别的内容',
  'ext.save': '保存这次查询',
  'ext.copy': '复制到论坛',
  'ext.saving': '正在把这次查询保存到你的 ceac-watch…',
  'ext.saved': '{events, plural, =0 {已保存到你的 ceac-watch。} other {已保存到你的 ceac-watch：记录了 # 处变化。}}',
  'ext.savedAgain': '你的 ceac-watch 已经有这个结果：没有记录新内容。',
  'ext.notConnected': '没有发送任何内容：这个扩展还没有连接 ceac-watch。请在扩展的选项中连接一个，才能保存查询。',
  'ext.openOptions': '打开选项',
  'ext.noCase': '你在 ceac-watch 中的案件里没有这个案件号。',
  'ext.addCase': '把这个案件添加到你的 ceac-watch',
  'ext.tokenRejected': '你的 ceac-watch 不接受这个 API 令牌：请在它的"账户"页面生成新的令牌，并填入选项。',
  'ext.unreachable': '无法连接到你在 {url} 的 ceac-watch。它在运行吗？',
  'ext.failed': '你的 ceac-watch 返回了错误：{message}',
  'ext.copied': '已复制。其中没有案件号，也没有姓名。',
  'ext.copiedLocal': '已复制（仅这一次的结果；连接 ceac-watch 才能复制完整时间线）。其中没有案件号，也没有姓名。',
  'ext.copyFailed': '无法写入剪贴板。请选中并复制下面这一行。',
};
