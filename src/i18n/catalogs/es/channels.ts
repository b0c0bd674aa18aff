import type { AreaCatalog } from '../../catalog.js';
import type { channels as source } from '../en/channels.js';

/** Notification setup on the web (accounts' channels: forms per kind, removal, time zones). */
export const channels: AreaCatalog<typeof source> = {
  'channels.heading': 'Notificaciones',
  'channels.lead':
    'Por dónde le avisamos cuando uno de sus casos cambia: correo electrónico, Telegram, ntfy o un webhook.',
  'channels.secret':
    'Su webhook tiene un secreto de firma. Cópielo ahora: no se volverá a mostrar. Cada solicitud lleva una firma hecha con él.',
  'channels.list.heading': 'Sus canales',
  'channels.list.none': 'Todavía no tiene canales: agregue uno abajo.',
  'channels.list.sends': 'Envía: {events}',
  'channels.list.quiet': 'Horas de silencio {hours} ({zone})',
  'channels.list.counts': '{sent} enviados, {pending} en espera, {failed} fallidos',
  'channels.list.lastError': 'Último error: {error}',
  'channels.list.test': 'Enviar prueba',
  'channels.list.testLabel': 'Enviar prueba a {name}',
  'channels.list.remove': 'Eliminar',
  'channels.list.removeLabel': 'Eliminar {name}',
  'channels.notice.removed': 'Canal eliminado.',
  'channels.notice.testOk': 'Mensaje de prueba enviado. Compruebe que le llegó.',
  'channels.notice.testFailed': 'El mensaje de prueba a «{name}» falló: {error}',
  'channels.notice.tooManyTests': 'Demasiados mensajes de prueba. Espere {wait} y vuelva a intentarlo.',
  'channels.notice.added': 'Agregado: {names}. Envíe una prueba para asegurarse de que funciona.',
  'channels.add.heading': 'Agregar un canal',
  'channels.add.intro':
    'Indique una forma de avisarle, o varias: cada una se convierte en un canal con la configuración de abajo.',
  'channels.add.where': 'A dónde enviar',
  'channels.email.legend': 'Correo electrónico',
  'channels.email.me': 'Enviarme un correo a {address}',
  'channels.email.unavailable':
    'El correo electrónico no está disponible en este servidor: quien lo administra no ha configurado un servidor de correo (SMTP_URL). Use Telegram, ntfy o un webhook.',
  'channels.tg.token': 'Token del bot',
  'channels.tg.tokenHint': 'Se lo da @BotFather; tiene la forma 123456789:AAE…',
  'channels.tg.chat': 'Id del chat',
  'channels.tg.chatHint':
    'Un número (los de grupos empiezan con un signo menos), o @nombredelcanal para un canal público.',
  'channels.tg.steps': 'Cómo obtener un token de bot y un id de chat',
  'channels.tg.step1':
    'En Telegram, abra un chat con @BotFather, envíe /newbot y responda sus dos preguntas. Le contesta con el token del bot.',
  'channels.tg.step2': 'Abra un chat con su nuevo bot y envíele cualquier mensaje: un bot no puede escribirle primero.',
  'channels.tg.step3':
    'Abra {link} en un navegador, con su token en lugar de TOKEN. Su id de chat es el número que sigue a {marker}.',
  'channels.tg.step4':
    'Para un grupo, agregue el bot al grupo, escriba en el grupo y vuelva a mirar: el id empieza con -.',
  'channels.ntfy.server': 'Servidor',
  'channels.ntfy.serverHint': 'https://ntfy.sh es el servidor público; indique el suyo si tiene uno.',
  'channels.ntfy.topic': 'Tema (topic)',
  'channels.ntfy.topicHint':
    'Letras, dígitos, - o _ (hasta 64). Cualquiera que conozca un tema de ntfy.sh puede leerlo: elija uno difícil de adivinar.',
  'channels.webhook.legend': 'Webhook (mensaje JSON)',
  'channels.webhook.url': 'URL del webhook',
  'channels.webhook.urlHint':
    'Le enviamos por POST un mensaje JSON, firmado con un secreto que se le muestra una sola vez (cabecera X-Ceac-Signature).',
  'channels.expert.summary': 'Una URL de canal (para expertos)',
  'channels.expert.url': 'URL del canal',
  'channels.expert.hint':
    'Al estilo de Apprise, por ejemplo {email}, {webhook}, {ntfy} o {telegram}. Úsela para un canal de correo a través de su propio servidor SMTP.',
  'channels.settings.heading': 'Configuración',
  'channels.settings.name': 'Nombre',
  'channels.settings.nameHint': 'Opcional, por ejemplo «mi teléfono».',
  'channels.settings.events': 'Avisarme cuando',
  'channels.settings.quiet': 'Horas de silencio (opcional)',
  'channels.settings.quietHint':
    'Los mensajes que lleguen en ese horario esperan hasta que terminen las horas de silencio.',
  'channels.settings.from': 'Desde',
  'channels.settings.until': 'Hasta',
  'channels.settings.zone': 'Su zona horaria',
  'channels.settings.zonePost': 'Preseleccionada: {zone}, la zona horaria de {post}, la sede de su caso.',
  'channels.settings.zoneUtc': 'Preseleccionada: UTC, porque no conocemos su zona horaria. Elija la suya.',
  'channels.settings.zoneBrowser': 'Preseleccionada: la zona horaria que indica su navegador.',
  'channels.add.submit': 'Agregar canal',
  'channels.event.first_seen': 'Primer estado visto (al agregar un caso)',
  'channels.event.status_changed': 'El estado cambió',
  'channels.event.text_changed': 'El texto explicativo cambió',
  'channels.event.last_updated_changed': '«Case Last Updated» (última actualización) cambió',
  'channels.event.check_failing': 'Las consultas siguen fallando (una vez, al cabo de un tiempo)',
  'channels.event.check_recovered': 'Las consultas vuelven a funcionar',
  'channels.event.reminder': 'Recordatorios de plazos (30, 7 y 1 días antes)',
  'channels.event.clearance_wave':
    'Oleadas de resoluciones: muchos casos de su sede y clase de visa resueltos el mismo día',
  'channels.error.nothing':
    'Indique a dónde enviar: marque el correo, o complete Telegram, ntfy, un webhook o una URL de canal.',
  'channels.error.emailUnavailable':
    'El correo electrónico no está disponible en este servidor (no hay un servidor de correo configurado).',
  'channels.error.tgTokenMissing': 'Escriba el token del bot que le dio @BotFather, o deje vacío el id del chat.',
  'channels.error.tgToken':
    'Esto no es un token de bot: tiene la forma 123456789:AAE… (dígitos, dos puntos y luego unos 35 caracteres).',
  'channels.error.tgChatMissing': 'Escriba el id del chat (vea los pasos abajo), o deje vacío el token del bot.',
  'channels.error.tgChat': 'Esto no es un id de chat: es un número (los de grupos empiezan con -) o @nombredelcanal.',
  'channels.error.ntfyTopicMissing': 'Escriba un tema, o vuelva a poner https://ntfy.sh como servidor.',
  'channels.error.ntfyTopic': 'Un tema tiene de 1 a 64 letras, dígitos, - o _ (sin espacios).',
  'channels.error.ntfyServer':
    'El servidor es una dirección que empieza con https:// (o http://), como https://ntfy.sh.',
  'channels.error.webhookUrl': 'La URL del webhook empieza con https:// (o http://), como https://example.com/hook.',
  'channels.error.quiet': 'Indique el principio y el fin de las horas de silencio, o ninguno de los dos.',
  'channels.error.zone': 'Elija una zona horaria de la lista.',
  'channels.error.nameTaken': 'Ya tiene un canal llamado «{name}»: elija otro nombre.',
  'channels.error.name': 'Un nombre tiene de 1 a 64 caracteres.',
  'channels.error.events': 'Elija al menos un aviso.',
  'channels.remove.title': '¿Eliminar {name}?',
  'channels.remove.body':
    'Dejaremos de enviar a {url}. Los mensajes que aún esperan para este canal se descartan. Puede volver a agregarlo más tarde.',
  'channels.remove.confirm': 'Eliminar {name}',
  'channels.remove.cancel': 'Conservarlo',
};
