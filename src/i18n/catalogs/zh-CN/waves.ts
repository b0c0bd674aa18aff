import type { AreaCatalog } from '../../catalog.js';
import type { waves as source } from '../en/waves.js';

/** Clearance waves and recent clearances (stats/waves.ts, the /stats views). */
export const waves: AreaCatalog<typeof source> = {
  'waves.recent.heading': '近期结束审查的案件',
  'waves.recent.intro':
    '在本站汇集的时间线中，{group}最近 7 天（{from} 至 {to}）从 Administrative Processing（行政审查）或 Refused（221(g)）变为 Approved（已批准）或 Issued（已签发）的案件。',
  'waves.recent.otherFilters': '此列表和下面的图只按你筛选的使领馆和签证类别统计，其他筛选条件对它们不起作用。',
  'waves.recent.summary': '本周有 {count} 个案件结束审查；等待 {min}–{max} 天，中位数 {median} 天。',
  'waves.recent.few': '本周结束审查的案件少于 {min} 个。案件这么少时我们从不列出：寥寥几个案件可能让人认出当事人。',
  'waves.recent.none':
    '在本站汇集的时间线中，本周没有案件结束审查。这不代表真的没有案件结束审查：我们只统计大家分享或我们导入的时间线。',
  'waves.recent.unlisted':
    '另有 {count} 个案件结束审查，但所在组少于 {min} 个案件，或没有写明使领馆或签证类别：已计入上面的数字，不逐条列出。',
  'waves.recent.groupCaption': '{group}：{count} 个案件结束审查',
  'waves.recent.colDate': '结束审查日期',
  'waves.recent.colWait': '等待时间',
  'waves.recent.waitDays': '{days} 天',
  'waves.recent.waveDay': '集中结束审查日',
  'waves.recent.privacy':
    '每一行只有一个日期和等待的天数，没有案件编号，也没有姓名。等待时间从面谈或拿到 221(g) 单算起，到结束审查为止。',
  'waves.group.pair': '{post}的 {visaClass}',
  'waves.group.post': '{post}的所有签证类别',
  'waves.group.class': '所有使领馆的 {visaClass}',
  'waves.group.all': '所有使领馆的所有签证类别',
  'waves.chart.heading': '每日结束审查的案件数，标出集中结束审查日',
  'waves.chart.intro':
    '上面的曲线按等待天数计算，日历上的某一天在那里没有位置。这张图统计最近 90 天（{from} 至 {to}）每天结束审查的案件数，并在时间轴下方标出集中结束审查日。',
  'waves.chart.title': '{from} 至 {to} 每天结束审查的案件数：{group}',
  'waves.chart.desc':
    '这 90 天共有 {total} 个案件结束审查；最多的一天是 {busiest}，有 {count} 个。{waves, plural, =0 {没有集中结束审查日。} other {有 # 个集中结束审查日，在时间轴下方标出，并列在图的下面。}}',
  'waves.chart.xLabel': '结束审查日期（月-日）',
  'waves.chart.yLabel': '结束审查的案件数',
  'waves.chart.caption': '每根柱子是当天结束审查的案件数；时间轴下方的三角形标出集中结束审查日。',
  'waves.chart.few': '最近 90 天（{from} 至 {to}）结束审查的案件少于 {min} 个，太少，不画图。',
  'waves.list.heading': '集中结束审查日',
  'waves.list.what':
    '集中结束审查日（wave）是指同一使领馆同一签证类别（或同一使领馆、或同一签证类别）的案件在同一天结束审查的数量多得不寻常，以该组自己最近 60 天的情况为准来判断。',
  'waves.list.none': '最近 90 天，{group}没有集中结束审查日。',
  'waves.list.item': '{group}有 {count} 个案件结束审查，而通常每天约 {expected} 个。',
  'waves.list.itemWaits': '{group}有 {count} 个案件结束审查，它们等待了 {min}–{max} 天，而通常每天约 {expected} 个。',
  'waves.list.promise': '这是其他案件的情况，并不能确定地说明任何一个案件会怎样。',
};
