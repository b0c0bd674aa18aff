/** Clearance waves and recent clearances (stats/waves.ts, the /stats views). English, the source: every key here must be in zh-CN/waves.ts and es/waves.ts. */
export const waves = {
  'waves.recent.heading': 'Recent clearances',
  'waves.recent.intro':
    'Cases of {group} that went from Administrative Processing or Refused (221(g)) to Approved or Issued in the last 7 days, {from} to {to}, in the timelines pooled here.',
  'waves.recent.otherFilters':
    'This list and the chart below follow only the post and visa class of your filter; the other filters do not apply to them.',
  'waves.recent.summary':
    '{count, plural, one {# case} other {# cases}} cleared this week; waits {min}–{max} days, median {median}.',
  'waves.recent.few':
    'Fewer than {min} cases cleared this week. We never list so few: a handful of cases could point to the people in them.',
  'waves.recent.none':
    'No case cleared this week in the timelines pooled here. That does not mean none cleared: only timelines people shared or we imported are counted.',
  'waves.recent.unlisted':
    '{count, plural, one {# more case} other {# more cases}} cleared in groups of fewer than {min} cases or with no post or visa class given: counted above, not listed.',
  'waves.recent.groupCaption': '{group}: {count, plural, one {# case} other {# cases}} cleared',
  'waves.recent.colDate': 'Cleared on',
  'waves.recent.colWait': 'Waited',
  'waves.recent.waitDays': '{days, plural, one {# day} other {# days}}',
  'waves.recent.waveDay': 'wave day',
  'waves.recent.privacy':
    'Each row is a day and a number of days waited, nothing more: no case number, no name. A wait runs from the interview or the 221(g) to the clearance.',
  'waves.group.pair': '{visaClass} at {post}',
  'waves.group.post': 'every visa class at {post}',
  'waves.group.class': '{visaClass} at every post',
  'waves.group.all': 'every visa class at every post',
  'waves.chart.heading': 'Clearances by day, with wave days',
  'waves.chart.intro':
    'The curves above count days waited, where a calendar day has no place. This chart counts the cases cleared on each day of the last 90 days ({from} to {to}) and marks the wave days under its time axis.',
  'waves.chart.title': 'Cases cleared each day from {from} to {to}: {group}',
  'waves.chart.desc':
    '{total, plural, one {# case} other {# cases}} cleared in these 90 days; the busiest day was {busiest}, with {count}. {waves, plural, =0 {No wave day.} one {# wave day, marked under the axis and listed below the chart.} other {# wave days, marked under the axis and listed below the chart.}}',
  'waves.chart.xLabel': 'day cleared (month-day)',
  'waves.chart.yLabel': 'cases cleared',
  'waves.chart.caption':
    'Each bar is the number of cases cleared that day; a triangle under the axis marks a wave day.',
  'waves.chart.few': 'Fewer than {min} cases cleared in the last 90 days ({from} to {to}): too few to draw.',
  'waves.list.heading': 'Wave days',
  'waves.list.what':
    'A wave day is a day on which improbably many cases of one post and visa class (or of one post, or one class) cleared together, judged against that group’s own last 60 days.',
  'waves.list.none': 'No wave day in the last 90 days for {group}.',
  'waves.list.item':
    '{count, plural, one {# case} other {# cases}} of {group} cleared, where about {expected} a day is usual.',
  'waves.list.itemWaits':
    '{count, plural, one {# case} other {# cases}} of {group} cleared after waits of {min}–{max} days, where about {expected} a day is usual.',
  'waves.list.promise': 'This is what happened to other cases; it says nothing certain about any one case.',
};
