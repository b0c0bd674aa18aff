import type { AreaCatalog } from '../../catalog.js';
import type { waves as source } from '../en/waves.js';

/** Clearance waves and recent clearances (stats/waves.ts, the /stats views). */
export const waves: AreaCatalog<typeof source> = {
  'waves.recent.heading': 'Casos resueltos recientemente',
  'waves.recent.intro':
    'Casos de {group} que pasaron de Administrative Processing (procesamiento administrativo) o Refused (221(g)) a Approved (aprobada) o Issued (expedida) en los últimos 7 días, del {from} al {to}, en las cronologías reunidas aquí.',
  'waves.recent.otherFilters':
    'Esta lista y el gráfico de abajo solo siguen la sede y la clase de visa de su filtro; los demás filtros no se les aplican.',
  'waves.recent.summary':
    '{count, plural, one {# caso resuelto} other {# casos resueltos}} esta semana; esperas de {min} a {max} días, mediana {median}.',
  'waves.recent.few':
    'Se resolvieron menos de {min} casos esta semana. Nunca mostramos tan pocos: un puñado de casos podría señalar a las personas que hay detrás.',
  'waves.recent.none':
    'Ningún caso se resolvió esta semana en las cronologías reunidas aquí. Eso no quiere decir que no se resolviera ninguno: solo contamos las cronologías que la gente compartió o que importamos.',
  'waves.recent.unlisted':
    '{count, plural, one {Se resolvió # caso más} other {Se resolvieron # casos más}} en grupos de menos de {min} casos o sin sede o clase de visa indicada: se cuentan arriba, pero no se muestran.',
  'waves.recent.groupCaption': '{group}: {count, plural, one {# caso resuelto} other {# casos resueltos}}',
  'waves.recent.colDate': 'Resuelto el',
  'waves.recent.colWait': 'Espera',
  'waves.recent.waitDays': '{days, plural, one {# día} other {# días}}',
  'waves.recent.waveDay': 'día de ola',
  'waves.recent.privacy':
    'Cada fila es un día y un número de días de espera, nada más: ni número de caso ni nombre. La espera va de la entrevista o la hoja 221(g) a la resolución.',
  'waves.group.pair': '{visaClass} en {post}',
  'waves.group.post': 'todas las clases de visa en {post}',
  'waves.group.class': '{visaClass} en todas las sedes',
  'waves.group.all': 'todas las clases de visa en todas las sedes',
  'waves.chart.heading': 'Casos resueltos por día, con los días de ola',
  'waves.chart.intro':
    'Las curvas de arriba cuentan días de espera, donde un día del calendario no tiene lugar. Este gráfico cuenta los casos resueltos cada día de los últimos 90 días (del {from} al {to}) y marca los días de ola bajo su eje de tiempo.',
  'waves.chart.title': 'Casos resueltos cada día del {from} al {to}: {group}',
  'waves.chart.desc':
    '{total, plural, one {# caso resuelto} other {# casos resueltos}} en estos 90 días; el día con más fue el {busiest}, con {count}. {waves, plural, =0 {Ningún día de ola.} one {# día de ola, marcado bajo el eje y enumerado debajo del gráfico.} other {# días de ola, marcados bajo el eje y enumerados debajo del gráfico.}}',
  'waves.chart.xLabel': 'día de la resolución (mes-día)',
  'waves.chart.yLabel': 'casos resueltos',
  'waves.chart.caption':
    'Cada barra es el número de casos resueltos ese día; un triángulo bajo el eje marca un día de ola.',
  'waves.chart.few':
    'Se resolvieron menos de {min} casos en los últimos 90 días (del {from} al {to}): demasiado pocos para dibujarlos.',
  'waves.list.heading': 'Días de ola',
  'waves.list.what':
    'Un día de ola es un día en que se resolvieron juntos improbablemente muchos casos de una misma sede y clase de visa (o de una sede, o de una clase), juzgado frente a los últimos 60 días de ese mismo grupo.',
  'waves.list.none': 'Ningún día de ola en los últimos 90 días para {group}.',
  'waves.list.item':
    '{count, plural, one {Se resolvió # caso} other {Se resolvieron # casos}} de {group}, cuando lo habitual es unos {expected} al día.',
  'waves.list.itemWaits':
    '{count, plural, one {Se resolvió # caso} other {Se resolvieron # casos}} de {group} tras esperas de {min} a {max} días, cuando lo habitual es unos {expected} al día.',
  'waves.list.promise': 'Esto es lo que pasó con otros casos; no dice nada seguro sobre ningún caso en particular.',
};
