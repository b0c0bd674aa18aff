import type { Words } from './en.js';

/** The panel's own words in Español (see src/i18n/glossary/es.md). */
export const words: Words = {
  'ext.panelTitle': 'ceac-watch: qué significa este estado',
  'ext.finality.in_progress': 'En trámite',
  'ext.finality.final_positive': 'Definitivo: buenas noticias',
  'ext.finality.final_negative': 'Definitivo: negada',
  'ext.finality.uncertain': 'Aún no es definitivo',
  'ext.confidence':
    '{end, select, yes {Qué tan seguros estamos de que esto es el final: {pct} %} other {Qué tan seguros estamos de que esto no es el final: {pct} %}}',
  'ext.meaning': 'Qué significa',
  'ext.nextSteps': 'Qué hacer ahora',
  'ext.watchFor': 'A qué estar atento',
  'ext.notes': 'Lo que no pudimos reconocer',
  'ext.save': 'Guardar esta consulta',
  'ext.copy': 'Copiar para un foro',
  'ext.saving': 'Guardando esta consulta en su ceac-watch…',
  'ext.saved':
    '{events, plural, =0 {Guardado en su ceac-watch.} one {Guardado en su ceac-watch: se registró un cambio.} other {Guardado en su ceac-watch: se registraron # cambios.}}',
  'ext.savedAgain': 'Su ceac-watch ya tiene esta respuesta: no se registró nada nuevo.',
  'ext.notConnected':
    'No se envió nada: esta extensión no está conectada a un ceac-watch. Conecte uno en las opciones de la extensión para guardar consultas.',
  'ext.openOptions': 'Abrir las opciones',
  'ext.noCase': 'Ninguno de sus casos en ceac-watch tiene este número de caso.',
  'ext.addCase': 'Agregar este caso a su ceac-watch',
  'ext.tokenRejected':
    'Su ceac-watch no aceptó el token de la API: cree uno nuevo en su página Cuenta e ingréselo en las opciones.',
  'ext.unreachable': 'No se pudo contactar su ceac-watch en {url}. ¿Está en funcionamiento?',
  'ext.failed': 'Su ceac-watch respondió con un error: {message}',
  'ext.copied': 'Copiado. No incluye el número de caso ni nombres.',
  'ext.copiedLocal':
    'Copiado (solo esta respuesta; conecte un ceac-watch para copiar toda la línea de tiempo). No incluye el número de caso ni nombres.',
  'ext.copyFailed': 'No se pudo escribir en el portapapeles. Seleccione y copie la línea de abajo.',
};
