import type { AreaCatalog } from '../../catalog.js';
import type { notify as source } from '../en/notify.js';

/** Notifications and e-mails (src/notify, src/web/mailer.ts). */
export const notify: AreaCatalog<typeof source> = {
  'notify.ceacVerbatim': 'CEAC muestra, en inglés (el texto que vale): {text}',
  'notify.title': '{case} — {change}',
  'notify.case': 'Caso: {case}',
  'notify.caseAt': 'Caso: {case}, {location}',
  'notify.noStatus': 'Sin estado',
  'notify.change.firstSeen': 'Ahora en seguimiento: {status}',
  'notify.change.statusChanged': 'Cambio de estado: {from} → {to}',
  'notify.change.textChanged': '{status}: cambió el texto del estado',
  'notify.change.lastUpdated': '{status}: "Case Last Updated" (última actualización) pasó de {from} a {to}',
  'notify.change.checkFailing': 'Las consultas están fallando',
  'notify.change.checkRecovered': 'Las consultas vuelven a funcionar',
  'notify.change.reminder': 'Recordatorio: {text}',
  'notify.change.reminderNear': 'se acerca una fecha límite',
  'notify.change.wave': 'Ola de casos resueltos: {text}',
  'notify.change.waveCleared': 'se resolvieron muchos casos como el suyo',
  'notify.source': 'Fuente: {source}',
  'notify.wave.caveat': 'Esto es lo que pasó con otros casos; no dice nada seguro sobre el suyo.',
  'notify.nextSteps': 'Próximos pasos:',
  'notify.health.lastError': 'Último error: {error}',
  'notify.health.unknown': 'desconocido',
  'notify.health.recovered': 'No se pierde ningún cambio: la próxima consulta compara con el último estado visto.',
  'notify.caseCreated': '"Case Created" (fecha de creación): {date}',
  'notify.caseLastUpdated': '"Case Last Updated" (última actualización): {date}',
  'notify.seen': 'Visto: {when}',
  'notify.open': 'Abrir: {link}',
  'notify.openCase': 'Abrir el caso',
  'notify.digest.title':
    'Resumen diario: {count, plural, one {# cambio de "Case Last Updated"} other {# cambios de "Case Last Updated"}}',
  'notify.digest.intro': 'La fecha cambió, el estado no:',
  'notify.test.title': 'Notificación de prueba de ceac-watch',
  'notify.test.body': 'Notificación de prueba para el canal "{channel}": ceac-watch puede avisarle por aquí.',
  'notify.reminder.sentence': '{title}: {date} ({days, plural, =0 {hoy} =1 {mañana} other {dentro de # días}})',
  'notify.deadline.documents_due_221g': 'Vence el plazo para entregar los documentos de la 221(g)',
  'notify.deadline.may_enquire': 'Ya puede preguntar al consulado por el caso',
  'notify.deadline.dv_issue_by': 'Último día en que se puede expedir una visa de diversidad',
  'notify.deadline.issued_no_passport':
    'Visa expedida hace 10 días hábiles: contacte a la sede si no tiene noticias del pasaporte',
  'notify.wave.sentence':
    '{count, plural, one {# caso {visaClass}} other {# casos {visaClass}}} en {post} que habían esperado {maxWait, plural, one {{waits} día} other {{waits} días}} se resolvieron el {date}{yours}.',
  'notify.wave.sentenceAnyClass':
    '{count, plural, one {# caso} other {# casos}} en {post} que habían esperado {maxWait, plural, one {{waits} día} other {{waits} días}} se resolvieron el {date}{yours}.',
  'notify.wave.yours': '; el suyo lleva {days, plural, one {# día} other {# días}} esperando',
  'notify.mail.reset.subject': 'Restablezca su contraseña de ceac-watch',
  'notify.mail.reset.body':
    'Alguien (esperamos que usted) pidió restablecer la contraseña de su cuenta de ceac-watch.\n\nAbra este enlace antes de una hora para elegir una contraseña nueva:\n{link}\n\nSi no fue usted, ignore este mensaje: su contraseña sigue siendo la misma.\n',
  'notify.mail.signupTaken.subject': 'Alguien intentó crear una cuenta de ceac-watch con su dirección',
  'notify.mail.signupTaken.body':
    'Alguien (quizá usted) intentó crear una cuenta de ceac-watch con esta dirección de correo, que ya tiene una cuenta.\n\nNo se creó ninguna cuenta nueva ni se cambió nada. Para entrar, inicie sesión en {signin} o elija una contraseña nueva en {reset}.\n\nSi no fue usted, puede ignorar este mensaje.\n',
};
