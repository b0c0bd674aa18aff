/**
 * Español. Terms follow src/i18n/glossary/es.md: CEAC's status words stay in English (they are what the person sees
 * on the CEAC page), with a Spanish gloss; "usted" throughout, as the State Department's Spanish pages do.
 */
import type { AreaCatalog } from '../../catalog.js';
import type { decode as source } from '../en/decode.js';

export const decode: AreaCatalog<typeof source> = {
  'source.change2020':
    'travel.state.gov, "CEAC case status change" (2020-03-03): los casos que mostraban "Administrative Processing" ahora muestran "Refused"; "There has been no change in such applicants\' actual cases." (Los casos de estos solicitantes no han cambiado en nada.)',
  'source.adminProcessing':
    'travel.state.gov, "Administrative Processing Information" (INA 221(g)): al terminar el procesamiento, el funcionario expide o niega la visa; la duración varía en cada caso.',
  'source.sixtyDays':
    'Páginas de las embajadas de EE. UU. sobre procesamiento administrativo: "Most administrative processing is resolved within 60 days of the visa interview" (la mayoría se resuelve en 60 días desde la entrevista; algunas sedes dicen 90 o 120 días).',
  'source.wait180':
    'Páginas 221(g) de ustraveldocs: espere al menos 180 días desde la entrevista o desde el último envío de documentos antes de preguntar por el caso.',
  'source.twelveMonths':
    'INA 203(e) y las instrucciones de la sección 221(g): los documentos pedidos bajo 221(g) deben entregarse en un plazo de 12 meses; si no, la solicitud se da por terminada.',
  'source.ceacStatuses':
    'Base de conocimiento de ceac-watch (docs/ceac-statuses.md): estados de CEAC, sus textos y las secuencias que reportan los solicitantes, con sus fuentes.',
  'source.dropboxEnd':
    'Aviso del Departamento de Estado del 2025-07-25: la exención de entrevista ("dropbox") terminó para las visas H, L, F, M, J, E y O a partir del 2025-09-02.',

  'guidance.no_status.headline': 'No Status (sin estado): su solicitud todavía no está en el sistema del consulado',
  'guidance.no_status.meaning':
    'CEAC aún no ha vinculado su DS-160 a un caso en el consulado. Es normal antes de la entrevista o antes de que se reciba una solicitud con exención de entrevista ("dropbox"), y algunas sedes lo mantienen así hasta el día de la entrevista. No dice nada bueno ni malo de su solicitud.',
  'guidance.no_status.next.1':
    'No tiene que hacer nada si su entrevista o la entrega de documentos todavía no ha ocurrido.',
  'guidance.no_status.next.2':
    'Si ya entregó sus documentos, espere unas semanas: un solicitante de dropbox reportó No Status durante unas 3 semanas antes de que cambiara.',
  'guidance.no_status.next.3': 'Compruebe que consulta el número de solicitud (Application ID) y la sede correctos.',
  'guidance.no_status.watch.1':
    'Application Received (documentos recibidos en la sede), o Refused/Administrative Processing después de la entrevista.',
  'guidance.application_received.headline':
    'Application Received (solicitud recibida): el consulado tiene su solicitud',
  'guidance.application_received.meaning':
    'Su caso está en el sistema del consulado. En las solicitudes con exención de entrevista ("dropbox") esto suele significar que llegaron sus documentos y su pasaporte. Todavía no se ha tomado ninguna decisión.',
  'guidance.application_received.next.1':
    'No tiene que hacer nada: esté pendiente de su correo y de los mensajes del sitio de citas por si la sede le pide algo.',
  'guidance.application_received.watch.1':
    'En los casos de dropbox el siguiente estado suele ser Refused con el texto largo de procesamiento administrativo, que es un paso normal y no una negativa definitiva.',
  'guidance.application_received.watch.2': 'Approved o Issued si no hace falta más procesamiento.',
  'guidance.administrative_processing.headline':
    'Administrative Processing (procesamiento administrativo): su caso está en revisión; aún no hay decisión',
  'guidance.administrative_processing.meaning':
    'Su caso está en procesamiento administrativo según la sección 221(g): el consulado necesita más información o más verificaciones antes de decidir. No es una negativa. Al terminar el procesamiento, el funcionario expedirá o negará la visa, y el tiempo que eso tarda varía de un caso a otro.',
  'guidance.administrative_processing.next.1':
    'Si le pidieron documentos, envíelos lo antes posible. Tiene 12 meses; después la solicitud se da por terminada.',
  'guidance.administrative_processing.next.2':
    'Si no le pidieron nada, solo queda esperar. La mayoría de los procesamientos administrativos se resuelven en 60 días desde la entrevista.',
  'guidance.administrative_processing.next.3':
    'Espere al menos 180 días antes de preguntar al consulado por el caso, salvo que tenga un motivo urgente y documentado.',
  'guidance.administrative_processing.watch.1': 'Approved y luego Issued, cuando el procesamiento termina bien.',
  'guidance.administrative_processing.watch.2':
    'Ver Refused (el texto largo) durante un tiempo también es común y significa el mismo procesamiento.',
  'guidance.refused_221g.headline':
    'Refused (procesamiento administrativo 221(g)): no es una negativa definitiva, su caso sigue abierto',
  'guidance.refused_221g.meaning':
    'Desde marzo de 2020, CEAC muestra "Refused" para todo caso en procesamiento administrativo 221(g); este texto largo es la forma de reconocerlo. Técnicamente la visa está negada por ahora, pero el caso sigue abierto y se decidirá de nuevo cuando termine el procesamiento. El Departamento de Estado dice que estos casos no cambiaron en nada: antes simplemente se mostraban como "Administrative Processing".',
  'guidance.refused_221g.next.1':
    'Siga las instrucciones que le dio el funcionario consular (la hoja 221(g), un correo electrónico o la carta).',
  'guidance.refused_221g.next.2':
    'Si le pidieron documentos, envíelos lo antes posible. Tiene 12 meses; después la solicitud se da por terminada.',
  'guidance.refused_221g.next.3':
    'Si solo le hablaron de procesamiento, no tiene que hacer nada. La mayoría de los procesamientos administrativos se resuelven en 60 días desde la entrevista.',
  'guidance.refused_221g.next.4': 'Espere al menos 180 días antes de preguntar al consulado por el caso.',
  'guidance.refused_221g.watch.1':
    'Administrative Processing, luego Approved e Issued, cuando el procesamiento termina bien.',
  'guidance.refused_221g.watch.2':
    'Que "Case Last Updated" (última actualización) cambie mientras el estado sigue en Refused: alguien trabajó en el caso; por sí solo no es una decisión.',
  'guidance.refused_letter.headline':
    'Refused (texto corto): lea la carta que le entregaron; puede ser definitivo o no',
  'guidance.refused_letter.meaning':
    'El funcionario negó la visa y le entregó una carta que explica el motivo. Si la carta cita la sección 214(b) u otra causa de inelegibilidad, la negativa es definitiva para esta solicitud. Si la carta es una hoja 221(g) (procesamiento administrativo o documentos solicitados), el caso sigue abierto: hay solicitantes que reportan que este texto corto cambió después a Administrative Processing y luego a Issued. Solo la carta aclara cuál de los dos es.',
  'guidance.refused_letter.next.1': 'Lea la carta: indica la sección de la ley (214(b), 221(g) u otra).',
  'guidance.refused_letter.next.2':
    'Si es 221(g), siga sus instrucciones y envíe los documentos solicitados dentro de los 12 meses.',
  'guidance.refused_letter.next.3':
    'Si es 214(b), esta solicitud está cerrada; puede volver a solicitar cuando sus circunstancias, o la forma de demostrarlas, hayan cambiado.',
  'guidance.refused_letter.watch.1': 'Administrative Processing o Approved (resultó ser 221(g)).',
  'guidance.refused_letter.watch.2': 'Ningún cambio durante meses (una negativa definitiva se queda como está).',
  'guidance.refused_letter_legacy.headline':
    'Refused (texto corto anterior a 2020): lea la carta que le entregaron; puede ser definitivo o no',
  'guidance.refused_letter_legacy.meaning':
    'Esta es la redacción que CEAC usaba antes de marzo de 2020 para una negativa con carta o instrucciones. La carta dice si la negativa es definitiva (por ejemplo 214(b)) o si el caso queda retenido bajo 221(g) para procesamiento o documentos.',
  'guidance.refused_letter_legacy.next.1':
    'Lea la carta o las instrucciones que recibió en la entrevista: indican la sección de la ley.',
  'guidance.refused_letter_legacy.next.2':
    'Si es 221(g), siga sus instrucciones y envíe los documentos solicitados dentro de los 12 meses.',
  'guidance.refused_letter_legacy.next.3':
    'Si es 214(b), esta solicitud está cerrada; puede volver a solicitar cuando sus circunstancias hayan cambiado.',
  'guidance.refused_letter_legacy.watch.1': 'Administrative Processing o Approved (resultó ser 221(g)).',
  'guidance.refused_letter_legacy.watch.2': 'Ningún cambio durante meses (una negativa definitiva se queda como está).',
  'guidance.refused.headline': 'Refused: aún no se puede saber si es definitivo o procesamiento 221(g)',
  'guidance.refused.meaning':
    'CEAC usa "Refused" tanto para negativas definitivas como, desde marzo de 2020, para casos en procesamiento administrativo 221(g), que siguen abiertos. El párrafo bajo el estado los distingue: el texto largo ("…your case will remain refused while undergoing such processing…") significa procesamiento; el texto corto ("…Please see the letter you received at the interview.") significa que debe leer su carta.',
  'guidance.refused.next.1':
    'Pegue el párrafo completo que aparece bajo el estado (o guarde la página) para poder descifrarlo.',
  'guidance.refused.next.2':
    'Lea la carta o la hoja que le dio el funcionario: indica la sección de la ley (214(b), 221(g) u otra).',
  'guidance.refused.watch.1': 'Administrative Processing o Approved (era procesamiento 221(g)).',
  'guidance.approved.headline': 'Approved (aprobada): el funcionario aprobó su visa; todavía no está impresa',
  'guidance.approved.meaning':
    'El funcionario consular aprobó su solicitud y el caso está en la revisión final antes de imprimir la visa. En los reportes que tenemos, Approved normalmente pasó a Issued en pocos días. Aún no es definitivo: también se ha visto que Approved vuelve a Refused cuando hizo falta más procesamiento.',
  'guidance.approved.next.1':
    'No tiene que hacer nada. Esté pendiente de su correo y del sitio de seguimiento del pasaporte.',
  'guidance.approved.watch.1': 'Issued, normalmente en pocos días.',
  'guidance.approved.watch.2': 'Rara vez, Refused (el texto largo) si el caso vuelve a procesamiento.',
  'guidance.issued.headline': 'Issued (expedida): su visa fue aprobada e impresa',
  'guidance.issued.meaning':
    'Su visa está expedida y en el procesamiento final. El pasaporte con la visa se le devuelve, normalmente en pocos días, por mensajería o para recoger.',
  'guidance.issued.next.1': 'Siga el pasaporte en el sitio de citas de visa o en el de la mensajería.',
  'guidance.issued.next.2':
    'Si no lo ha recibido en más de 10 días hábiles, comuníquese con la embajada o el consulado donde presentó la solicitud.',
  'guidance.issued.next.3':
    'Cuando lo reciba, revise en la visa el nombre, las fechas, el tipo de visa y el número de entradas.',
  'guidance.issued.watch.1': 'El mensaje de entrega del pasaporte ("ready for pick up", listo para recoger).',
  'guidance.issued_iv.headline': 'Issued (expedida): su visa de inmigrante fue impresa',
  'guidance.issued_iv.meaning':
    'Su visa de inmigrante está impresa. Según la sede, se la enviarán por correo o pronto estará lista para recoger.',
  'guidance.issued_iv.next.1': 'Siga las instrucciones de la sede para la entrega o la recogida del pasaporte.',
  'guidance.issued_iv.next.2':
    'Revise el nombre y las fechas de la visa, y pague la tarifa de inmigrante de USCIS antes de viajar para que le envíen la green card después de llegar.',
  'guidance.issued_iv.watch.1': 'El mensaje de entrega del pasaporte.',
  'guidance.at_nvc.headline': 'At NVC: su caso de inmigrante está en el Centro Nacional de Visas (NVC)',
  'guidance.at_nvc.meaning':
    'Todo caso de visa de inmigrante y de diversidad empieza aquí. El NVC cobra las tarifas, reúne los documentos y programa la entrevista cuando el caso puede avanzar.',
  'guidance.at_nvc.next.1':
    'Complete todo lo que el NVC le pida en el portal de visas de inmigrante de CEAC (tarifas, DS-260, documentos civiles).',
  'guidance.at_nvc.watch.1': 'In Transit o Ready cuando se programe la entrevista.',
  'guidance.in_transit.headline':
    'In Transit (en tránsito): su entrevista está programada y el caso va camino de la embajada',
  'guidance.in_transit.meaning':
    'El NVC procesó su solicitud y programó la entrevista; la embajada todavía no ha confirmado la recepción del expediente. Este estado suele durar poco.',
  'guidance.in_transit.next.1':
    'Prepárese para la entrevista: examen médico y documentos indicados en su carta de cita.',
  'guidance.in_transit.watch.1': 'Ready, cuando la embajada tenga el caso.',
  'guidance.ready.headline': 'Ready (listo): su caso está en la embajada, listo para la entrevista',
  'guidance.ready.meaning':
    'La embajada tiene su caso. Si tiene cita, acuda en la fecha indicada con los documentos de su carta de cita; si no, espere el aviso de la cita.',
  'guidance.ready.next.1': 'Prepare sus documentos según la carta de cita y acuda en la fecha y hora indicadas.',
  'guidance.ready.watch.1': 'Issued, Administrative Processing o Refused después de la entrevista.',
  'guidance.transfer_in_progress.headline':
    'Transfer in Progress (traslado en curso): su caso se está trasladando entre sedes',
  'guidance.transfer_in_progress.meaning':
    'El caso se está trasladando, por ejemplo a otra embajada o desde el NVC. No es una decisión.',
  'guidance.transfer_in_progress.next.1':
    'No tiene que hacer nada salvo que la sede que lo recibe se comunique con usted.',
  'guidance.transfer_in_progress.watch.1': 'Ready en la nueva sede.',
  'guidance.unknown.headline': 'No reconocido: esto no parece un estado de CEAC que conozcamos',
  'guidance.unknown.meaning':
    'No encontramos una palabra de estado de CEAC ni un texto conocido de CEAC en lo que nos dio. Nada de esto es una decisión sobre su caso.',
  'guidance.unknown.next.1':
    'Copie el bloque de estado de la página de CEAC (estado, fechas y el párrafo) e inténtelo de nuevo, o guarde la página y use --html.',

  'hint.slip.caveat':
    'No existe un código oficial de colores: cada sede usa colores distintos, así que lea lo que dice la hoja, no su color.',
  'hint.slip.source': 'docs/ceac-statuses.md, "221(g) slips" (reportes de solicitantes; sin fuente oficial)',
  'hint.slip.white': 'se usa a menudo para procesamiento administrativo general o para pedir documentos',
  'hint.slip.pink': 'se reporta a menudo para verificaciones adicionales (de seguridad o de antecedentes)',
  'hint.slip.yellow': 'se reporta a menudo cuando el funcionario necesita más tiempo para revisar los documentos',
  'hint.slip.blue': 'se reporta a menudo cuando se piden documentos adicionales',
  'hint.slip.green': 'lo que se dice de las hojas verdes es contradictorio; nadie conoce un significado constante',
  'hint.slip.other': 'no hay una lectura común para este color',
  'hint.passport.received_for_delivery.meaning':
    'La sede entregó su pasaporte al servicio de entrega. Va camino del punto de recogida o de la mensajería. Si CEAC sigue diciendo Refused, el pasaporte suele volver con una hoja 221(g) en lugar de una visa.',
  'hint.passport.received_for_delivery.caveat': 'El mensaje dice dónde está el pasaporte, no si lleva una visa dentro.',
  'hint.passport.received_for_delivery.source': 'docs/ceac-statuses.md, "Passport delivery" (reportes de solicitantes)',
  'hint.passport.origination_scan.meaning':
    'El pasaporte salió de la sede pero todavía no ha llegado al punto de recogida.',
  'hint.passport.origination_scan.caveat':
    'La redacción del seguimiento de la mensajería varía según el país y cambia con el tiempo.',
  'hint.passport.origination_scan.source':
    'docs/ceac-statuses.md, "Passport delivery" (seguimiento de ustraveldocs/Aramex)',
  'hint.passport.ready_for_pickup.meaning':
    'El pasaporte está en el punto de recogida: recójalo (normalmente dentro de 15 días) y mire si dentro hay una visa o una hoja 221(g).',
  'hint.passport.ready_for_pickup.caveat':
    'Los plazos de recogida varían según la sede; consulte el sitio de seguimiento para el suyo.',
  'hint.passport.ready_for_pickup.source':
    'docs/ceac-statuses.md, "Passport delivery" (seguimiento de ustraveldocs/Aramex)',

  'read.unknownWord': 'El estado "{word}" no es un estado de CEAC que conozcamos.',
  'read.textDisagrees':
    'El párrafo es el texto de {textStatus}, pero el estado dice {word}; esta respuesta sigue al estado.',
  'read.fitsSeveralStatuses':
    'El párrafo corresponde a más de un estado ({statuses}); la palabra de estado permitiría distinguirlos.',
  'read.nothingFound': 'No se encontró ninguna palabra de estado ni texto conocido de CEAC en "{text}".',
  'read.unknownText':
    'El párrafo "{text}" no es un texto de CEAC que conozcamos; esta respuesta se basa solo en la palabra de estado.',
  'read.empty': 'No había palabra de estado ni párrafo que descifrar.',
  'read.passportMessage.meaning': 'El mensaje de entrega del pasaporte que incluyó dice: {meaning}',
  'read.passportMessage.note': 'Mensaje del pasaporte: {caveat}',
  'read.passportOnly.headline': 'Un mensaje de entrega del pasaporte, no un estado de CEAC',
  'read.passportOnly.next':
    'Consulte también la página de estado de CEAC: el mensaje de entrega dice dónde está el pasaporte, no cuál fue la decisión.',
  'read.refusedCutShort':
    'El párrafo se corta antes de las palabras que distinguen el texto 221(g) ("Please follow any instructions…") del texto de la carta ("Please see the letter…"); pegue el párrafo completo para distinguirlos.',
  'read.fitsSeveralTexts': 'El párrafo corresponde a varios textos de {status} ({variants}).',
  'read.fragment': 'Solo se reconoció un fragmento de la mitad del texto de CEAC.',
  'read.cutShort': 'El párrafo estaba cortado; se reconoció por su primer {percent} %.',
  'read.typos':
    'El párrafo difiere de la redacción de CEAC en {count, plural, one {# lugar} other {# lugares}} (erratas o cambios); aun así se reconoció.',
  'read.statusFromText':
    'La palabra de estado no estaba en lo pegado; "{status}" es el estado que corresponde a este texto.',
  'read.inputTooLong': 'El texto tenía más de {limit, number} caracteres; solo se leyó el principio.',
  'read.notCeacPage': 'Esta no es una página de CEAC; el estado se leyó de su texto.',
  'page.captcha.headline': 'Sin estado: CEAC rechazó el código captcha',
  'page.captcha.next': 'Vuelva a consultar y escriba el código captcha exactamente como aparece (letras y números).',
  'page.notFound.headline': 'Sin estado: CEAC no encontró ningún caso con estos datos',
  'page.notFound.next':
    'Revise el número de solicitud o de caso, la sede, el número de pasaporte y las 5 primeras letras del apellido.',
  'page.invalid.headline': 'Sin estado: CEAC dice que el número de solicitud o de caso no es válido',
  'page.invalid.next':
    'Revise el número: un número de solicitud de no inmigrante es como AA0020AKAX; un número de caso de inmigrante, como LMA2020656002.',
  'page.error.meaning':
    'La página muestra el mensaje de CEAC "{message}". Se refiere a la consulta en sí, no a su caso.',
  'page.form.headline': 'Sin estado: es el formulario de consulta de CEAC vacío',
  'page.form.meaning': 'La página contiene el formulario para consultar un estado, pero ningún resultado.',
  'page.form.next': 'Guarde la página después de que aparezca el estado, o pegue el texto del estado.',
  'page.unrecognised.headline': 'No reconocido: esta no es una página de estado de CEAC',
  'page.unrecognised.meaning':
    'No encontramos un estado de CEAC en esta página{reason, select, none {} other { ({reason})}}. Nada de esto es una decisión sobre su caso.',
  'page.unrecognised.next':
    'Guarde la página de CEAC mientras muestra su estado (o pegue el texto del estado) e inténtelo de nuevo.',

  'ctx.officerRefused.headline': 'Refused: el funcionario le dijo que la visa está negada',
  'ctx.officerRefused.meaning':
    'Como el funcionario le dijo que la visa fue negada, lo más probable es que sea una negativa definitiva de esta solicitud (por ejemplo, según la sección 214(b)). La carta indica la sección de la ley: si dice 221(g), el caso sigue abierto después de todo.',
  'ctx.officerRefused.watch':
    'Ningún cambio (una negativa definitiva se queda como está); Administrative Processing significaría que era 221(g).',
  'ctx.officerRefused.but221gText':
    'El funcionario le dijo "refused" (negada), pero CEAC muestra el texto de procesamiento administrativo. Revise la carta: si cita 221(g), el caso sigue abierto; si cita 214(b) u otra causa, la negativa es definitiva.',
  'ctx.officerRefused.butProcessing':
    'El funcionario dijo que estaba negada, pero CEAC muestra Administrative Processing: el caso se está procesando de nuevo.',
  'ctx.officerRefused.butLater':
    'El funcionario dijo en la entrevista que estaba negada, pero ahora CEAC muestra {status}; lo de CEAC es más reciente.',
  'ctx.officer221g.headline': 'Refused según 221(g): procesamiento administrativo, no una negativa definitiva',
  'ctx.officer221g.meaning':
    'El funcionario le dijo que su caso está bajo 221(g), así que este "Refused" es procesamiento administrativo: el caso sigue abierto y se decidirá de nuevo cuando terminen el procesamiento o sus documentos.',
  'ctx.officerApproved.meaning':
    'El funcionario le dijo que la visa fue aprobada, pero CEAC muestra Refused: la aprobación espera el procesamiento administrativo, que CEAC muestra como Refused desde 2020. Es común y suele terminar en Issued.',
  'ctx.officerNone.note':
    'El funcionario no dijo nada claro, así que solo la carta que le dieron puede aclarar si la negativa es definitiva.',
  'ctx.slip.note':
    'Hoja de color {colour, select, white {blanco} pink {rosa} yellow {amarillo} blue {azul} green {verde} other {otro}}: {meaning}. {caveat}',
  'ctx.slip.headline': 'Refused con hoja 221(g): procesamiento administrativo, no una negativa definitiva',
  'ctx.slip.meaning':
    'Le entregaron una hoja 221(g), así que su caso está en procesamiento administrativo: sigue abierto y se decidirá de nuevo.',
  'ctx.slip.next':
    'Haga lo que dice la hoja. Si enumera documentos, envíelos lo antes posible (tiene 12 meses; después la solicitud se da por terminada); si solo menciona procesamiento, no hay nada que enviar.',
  'ctx.dropbox.note':
    'La exención de entrevista ("dropbox") terminó para las visas H, L, F, M, J, E y O a partir del 2025-09-02; sigue para las visas A, G, OTAN y TECRO y algunas renovaciones B-1/B-2. Los casos de dropbox presentados antes siguen el camino habitual.',
  'ctx.dropbox221g.headline':
    'Refused (procesamiento 221(g)): un paso habitual en un caso de dropbox, no una negativa definitiva',
  'ctx.dropbox221g.meaning':
    'En las solicitudes con exención de entrevista ("dropbox") este es un paso común: muchas pasan por No Status -> Application Received -> Refused -> Administrative Processing -> Approved -> Issued.',
  'ctx.dropbox221g.nextPassportReturned':
    'Lea la hoja 221(g) que volvió con su pasaporte: dice si debe enviar documentos, acudir a una entrevista o solo esperar.',
  'ctx.dropbox221g.nextPassportLate':
    'El pasaporte suele volver en 1-2 semanas con una hoja 221(g); después de {days} días, si el suyo no ha vuelto, revise su correo y el sitio de seguimiento de pasaportes del servicio de citas de visa.',
  'ctx.dropbox221g.nextPassportSoon':
    'Su pasaporte suele volver en 1-2 semanas con una hoja 221(g) que dice qué hace falta (documentos, una entrevista o solo esperar). Revise su correo y el sitio de seguimiento de pasaportes del servicio de citas de visa.',
  'ctx.dropbox221g.watch':
    'El pasaporte de vuelta con una hoja 221(g); después de enviar lo que pide, Administrative Processing, luego Approved e Issued.',
  'ctx.dropboxRefused.meaning':
    'Una solicitud de dropbox no tiene entrevista, así que la "carta" suele volver con su pasaporte: puede ser una hoja 221(g) que pide documentos o una entrevista.',
  'ctx.dropboxRefused.next':
    'Espere a que vuelva su pasaporte (normalmente 1-2 semanas) y lea la hoja o la carta que lo acompaña; revise también su correo.',
  'ctx.dropboxNoStatus.meaning':
    'En los casos de dropbox, No Status suele durar hasta que los documentos se escanean en el sistema.',
  'ctx.dropboxReceived.watch':
    'Refused con el texto largo en días o semanas: en los casos de dropbox suele ser procesamiento 221(g), no una negativa.',
  'ctx.interview221g.next':
    'Lea el papel que le dio el funcionario en la entrevista (a menudo una hoja 221(g)): dice si debe enviar documentos o solo esperar.',
  'ctx.interviewLetter.next':
    'La carta que le entregaron en la entrevista aclara si esto es definitivo: busque "214(b)" (definitivo) o "221(g)" (sigue abierto).',
  'ctx.passportReturnedRefused.next':
    'Un pasaporte devuelto mientras CEAC dice Refused suele venir con una hoja 221(g): búsquela y sígala.',
  'ctx.passportReturnedProcessing.next':
    'Su pasaporte lo tiene usted: cuando el procesamiento termine bien, la sede se lo pedirá para imprimir la visa, así que esté pendiente de su correo.',
  'ctx.passportReturnedApproved.meaning':
    'Le devolvieron el pasaporte mientras el caso muestra Approved. Hay solicitantes que reportan que Approved volvió a Refused cuando el pasaporte se liberó o se retiró antes de imprimir; eso significa más procesamiento, no una nueva negativa.',
  'ctx.passportReturnedApproved.watch': 'Refused (texto largo) después de Approved, si el caso vuelve a procesamiento.',
  'ctx.passportReturnedIssued.next': 'Revise la visa en su pasaporte: nombre, fechas, tipo y número de entradas.',
  'ctx.passportKeptLetter.meaning':
    'El consulado se quedó con su pasaporte. Después de una negativa definitiva el pasaporte normalmente se devuelve, así que un pasaporte retenido apunta a procesamiento 221(g) más que a una negativa definitiva.',
  'ctx.passportKeptProcessing.meaning':
    'El consulado se quedó con su pasaporte, algo que las sedes suelen hacer cuando esperan imprimir una visa al terminar el procesamiento; es un indicio, no una promesa.',
  'ctx.passportKeptApproved.meaning':
    'El consulado tiene su pasaporte, así que la visa se podrá imprimir en él en cuanto se expida.',
  'ctx.previousUnknown.note': 'El estado anterior "{previous}" no es un estado de CEAC que conozcamos; no se usó.',
  'ctx.previousSame.meaning':
    'El estado no ha cambiado. "Case Last Updated" (última actualización) cambia a menudo (para algunos, cada semana) mientras el estado sigue igual; significa que alguien tocó el expediente, no que se tomó una decisión.',
  'ctx.approvedToRefused.headline': 'Refused después de Approved: su caso volvió a más procesamiento',
  'ctx.approvedToRefused.meaning':
    'Varios solicitantes reportan Approved -> Refused: después de la aprobación el caso necesitó más procesamiento administrativo, por ejemplo cuando el pasaporte se liberó para viajar o se retiró. Por sí solo no es una nueva decisión de negativa.',
  'ctx.approvedToRefused.watch': 'Approved otra vez, y luego Issued, cuando termine el procesamiento adicional.',
  'ctx.processingToRefused.meaning':
    'Pasar de Administrative Processing a Refused (y a veces volver en minutos) es algo reportado y normalmente no significa nada nuevo: el caso sigue en procesamiento.',
  'ctx.refusedToProcessing.meaning':
    'Pasar de Refused a Administrative Processing es un avance: la sede está trabajando de nuevo en su caso, a menudo después de recibir sus documentos.',
  'ctx.processingEnded.meaning': 'El procesamiento terminó y el caso fue aprobado.',
  'ctx.receivedToRefused.meaning':
    'Application Received -> Refused es el camino habitual de un caso de dropbox que entra en procesamiento 221(g).',
  'ctx.issuedToRefused.meaning':
    'Refused después de Issued es inusual: puede que el caso se haya reabierto o que la visa se haya cancelado. Comuníquese con el consulado.',
  'ctx.readyToRefused.meaning':
    'Ready -> Refused después de una entrevista de visa de inmigrante suele significar 221(g): el funcionario necesita documentos o verificaciones antes de decidir.',
  'ctx.since.invalid': 'La fecha en que empezó el estado ({since}) no es una fecha anterior a hoy; no se usó.',
  'ctx.since.within60':
    '{days, plural, one {Ha pasado # día} other {Han pasado # días}}; la mayoría de los procesamientos administrativos se resuelven en 60 días desde la entrevista.',
  'ctx.since.past60':
    '{days, plural, one {Ha pasado # día} other {Han pasado # días}}, más de los 60 días en que se resuelve la mayoría de los procesamientos administrativos. Muchos casos tardan más; por sí solo no es mala señal.',
  'ctx.since.askAround':
    'La recomendación oficial es esperar al menos 180 días antes de preguntar: eso es alrededor del {date}, salvo que tenga un motivo urgente y documentado.',
  'ctx.since.watchRequest': 'Una solicitud de más documentos o del pasaporte por correo electrónico.',
  'ctx.since.past180':
    '{days, plural, one {Ha pasado # día} other {Han pasado # días}}, más de los 180 días a partir de los cuales el consulado acepta consultas.',
  'ctx.since.mayAsk':
    'Ya puede comunicarse con el consulado (mediante el formulario de contacto de su sitio web) con su número de caso y preguntar por el estado del procesamiento administrativo.',
  'ctx.since.documentsDeadline':
    'Si todavía debe documentos, envíelos ahora: el plazo de 12 meses desde la solicitud (alrededor del {date} si se los pidieron cuando empezó este estado) pone fin a la solicitud.',
  'ctx.since.issuedLate':
    '{days, plural, one {Ha pasado # día} other {Han pasado # días}} desde Issued, más de 10 días hábiles: si todavía no tiene su pasaporte, comuníquese con la embajada o el consulado donde presentó la solicitud.',
  'ctx.since.issuedSoon':
    '{days, plural, one {Ha pasado # día} other {Han pasado # días}}; los pasaportes suelen llegar dentro de los 10 días hábiles siguientes a Issued.',
  'ctx.since.approvedLong':
    'Approved durante {days, plural, one {# día} other {# días}} es más de los pocos días que suelen reportar los solicitantes; todavía puede pasar a Issued, pero el caso también puede volver a procesamiento.',
  'ctx.since.noStatusLong':
    'No Status durante {days, plural, one {# día} other {# días}} es mucho; si entregó sus documentos, pregunte al servicio de citas de visa si llegaron a la sede.',
  'ctx.since.refusedUnchanged':
    'El estado sigue igual desde hace {days, plural, one {# día} other {# días}}; un caso 221(g) suele moverse (a Administrative Processing o Approved) en pocos meses, así que una negativa sin cambios se vuelve más probablemente definitiva.',
  'ctx.since.lastUpdatedMoved':
    '"Case Last Updated" (última actualización) cambió después de que empezara el estado: alguien trabajó en el caso. A menudo cambia sin que haya una decisión.',
  'ctx.dv.note':
    'Visa de diversidad (DV-{fy}): las visas solo pueden expedirse hasta el 30 de septiembre de {fy}, haya terminado o no el procesamiento administrativo [incierto: reportado, no confirmado para todos los casos].',

  'render.finality.in_progress': 'en curso (no es una decisión definitiva)',
  'render.finality.final_positive': 'definitivo: visa expedida',
  'render.finality.final_negative': 'definitivo: negada',
  'render.finality.uncertain': 'incierto (puede ser definitivo o seguir abierto)',
  'render.variant.refused_221g': 'texto de procesamiento administrativo 221(g)',
  'render.variant.refused_letter': 'texto corto: "see the letter you received" (vea la carta que recibió)',
  'render.variant.refused_letter_legacy': 'texto corto anterior a 2020: "refer to the letter" (consulte la carta)',
  'render.variant.refused': 'sin texto, o demasiado corto para saberlo',
  'render.variant.issued_iv': 'texto de visa de inmigrante',
  'render.statusNone': '(no encontrado)',
  'render.statusFromText': '(sin palabra de estado; leído del texto)',
  'render.statusFromTextLabel': '(sin palabra de estado; leído del texto: {label})',
  'render.row.status': 'Estado',
  'render.row.case': 'Caso',
  'render.row.created': 'Caso creado',
  'render.row.updated': 'Actualizado',
  'render.row.post': 'Sede',
  'render.row.finality': 'Carácter',
  'render.confidence': '{finality}, confianza {percent} %',
  'render.heading.meaning': 'Qué significa',
  'render.heading.next': 'Qué hacer ahora',
  'render.heading.watch': 'Qué esperar',
  'render.heading.notes': 'Notas',
  'render.heading.sources': 'Fuentes',
  'render.ceacText': 'Texto de CEAC (en inglés, tal como lo muestra CEAC; el texto en inglés es el que vale)',

  // Por qué la próxima consulta es cuando es (tracker/schedule-reason.ts)
  'track.schedule.never_checked': 'nunca consultado',
  'track.schedule.not_watching': 'sin seguimiento',
  'track.schedule.check_requested': 'consulta solicitada',
  'track.schedule.details_changed': 'datos modificados',
  'track.schedule.not_found_paused':
    'CEAC no encontró ningún caso con estos datos; las consultas se reanudan cuando usted los corrija',
  'track.schedule.retry_captcha': 'nuevo intento tras un captcha rechazado',
  'track.schedule.blocked': 'CEAC rechazó nuestras consultas: espaciándolas',
  'track.schedule.challenge': 'CEAC pide un navegador (verificación de Cloudflare): espaciando las consultas',
  'track.schedule.maintenance': 'CEAC está en mantenimiento',
  'track.schedule.unknown_case': 'CEAC no conoce este caso: reintentando con menos frecuencia',
  'track.schedule.retry_failed': 'nuevo intento, cada vez más espaciado, tras una consulta fallida',
  'track.schedule.issued_stopped': 'Issued (expedida) hace 14 días: seguimiento detenido',
  'track.schedule.final_heartbeat': 'estado final: una consulta al día',
  'track.schedule.learned_spread': 'repartidas en la semana según cuándo cambian los casos en esta sede',
  'track.schedule.business_hours': 'horario de oficina en la sede',
  'track.schedule.evening': 'tarde-noche en la sede',
  'track.schedule.next_morning': 'próxima mañana hábil en la sede',
  'track.schedule.quiet_heartbeat': 'noche o fin de semana en la sede: una consulta de vez en cuando',
  'track.schedule.stretched': '{reason} (espaciada para respetar el límite de consultas al sitio)',
  'track.schedule.aside': ' ({reason})',

  // Lo que acepta el formulario de CEAC (ceac/query.ts)
  'ceac.query.nivHelp':
    'un número de solicitud NIV tiene 10 letras y dígitos y empieza por AA, p. ej. AA0020AKAX (en la página de confirmación del DS-160)',
  'ceac.query.ivHelp':
    'un número de caso IV tiene un código de sede de 3 letras y 10 dígitos, p. ej. LMA2020656002, o es un número DV: año fiscal, región y dígitos, p. ej. 2023EU0012345',
  'ceac.query.notText': '{field} debe ser texto',
  'ceac.query.app':
    'el tipo de solicitud debe ser NIV (visa de no inmigrante) o IV (visa de inmigrante, incluida la DV)',
  'ceac.query.idMissing': 'falta el número de solicitud o de caso: {help}',
  'ceac.query.looksIv': 'esto parece un número de caso de visa de inmigrante: use el tipo de solicitud IV',
  'ceac.query.notNiv': '"{value}" no es un número de solicitud NIV: {help}',
  'ceac.query.looksNiv': 'esto parece un número de solicitud NIV (empieza por AA): use el tipo de solicitud NIV',
  'ceac.query.notIv': '"{value}" no es un número de caso IV: {help}',
  'ceac.query.locationMissing':
    'una consulta NIV necesita la sede (consulado) de la solicitud: un código de CEAC como BMB, o un nombre como "INDIA, MUMBAI" o "Mumbai"',
  'ceac.query.locationGuess': '"{value}" no es una sede de CEAC; ¿quiso decir {guesses}?',
  'ceac.query.locationUnknown':
    '"{value}" no es una sede de CEAC: use un código de CEAC como BMB o una ciudad como "Mumbai"',
  'ceac.query.ivLocation': 'los casos IV se consultan sin sede: quítela',
  'ceac.query.passport':
    'el número de pasaporte debe tener de 2 a 20 letras y dígitos, tal como figura en el pasaporte (o NA para solicitudes anteriores a 2022)',
  'ceac.query.surname':
    'el apellido debe escribirse en letras latinas como en el pasaporte (solo se envían las 5 primeras letras; NA para solicitudes anteriores a 2022)',

  // Por qué una consulta terminó como terminó (ceac/outcome.ts, client.ts, browser.ts)
  'ceac.outcome.ok': 'CEAC muestra "{status}"',
  'ceac.outcome.okUpdated': 'CEAC muestra "{status}", última actualización {date}',
  'ceac.outcome.noStatusWord': '(sin palabra de estado)',
  'ceac.outcome.captcha_rejected': 'CEAC no aceptó la respuesta al captcha',
  'ceac.outcome.captchaGaveUp': 'CEAC no aceptó la respuesta al captcha ({tries} intentos)',
  'ceac.outcome.case_not_found':
    'CEAC no encontró ningún caso con estos datos: revise el número, la sede, el número de pasaporte y el apellido',
  'ceac.outcome.invalid_case_number': 'CEAC dice que el número de solicitud o de caso no es válido',
  'ceac.outcome.blocked':
    'el cortafuegos de CEAC (Cloudflare) rechazó la solicitud: espere antes de volver a consultar; el bloqueo suele levantarse al cabo de un tiempo',
  'ceac.outcome.challenge':
    'el cortafuegos de CEAC (Cloudflare) respondió con un desafío de JavaScript, que un cliente HTTP simple no puede superar: instale Chromium (o ponga en CEAC_BROWSER un programa Chrome o Chromium) para que las consultas pasen por un navegador (--transport browser o auto), o ejecute ceac-watch desde una conexión doméstica',
  'ceac.outcome.maintenance':
    'CEAC no está disponible (una página de mantenimiento en lugar del formulario de estado): inténtelo más tarde',
  'ceac.outcome.layout_changed':
    'CEAC respondió con una página que esta versión no reconoce (puede que el sitio haya cambiado); la página se guarda para el diagnóstico',
  'ceac.outcome.timeout': 'CEAC no respondió en {seconds} s',
  'ceac.outcome.connection': 'falló la conexión con CEAC (rechazada, reiniciada o cortada)',
  'ceac.outcome.http_error': 'CEAC respondió con el error HTTP {status}',
  'ceac.outcome.wrong_case': 'CEAC respondió sobre un caso distinto del consultado; la respuesta se descartó',
  'ceac.outcome.problem': '{field}: {problem}',
  'ceac.outcome.problems': '{before}; {next}',
  'ceac.outcome.formWithoutResult':
    'CEAC devolvió su formulario sin resultado ni mensaje de error; la página se guarda para el diagnóstico',
  'ceac.outcome.serverFailed': 'CEAC falló al responder (error del servidor {status})',
  'ceac.outcome.noForm':
    'la página de estado de CEAC no tiene un formulario ni un captcha que reconozcamos (puede que el sitio haya cambiado); la página se guarda para el diagnóstico',
  'ceac.outcome.noCaptchaImage':
    'CEAC no sirvió ninguna imagen de captcha: probablemente el sitio está en mantenimiento; inténtelo más tarde',
  'ceac.outcome.solverFailed': 'el programa que resuelve el captcha "{solver}" no dio respuesta: {why}',
  'ceac.outcome.solverCrashed':
    'el programa que resuelve el captcha "{solver}" no dio respuesta: fallo inesperado: {why}',
  'ceac.outcome.redirects': 'CEAC redirigió demasiadas veces (HTTP {status})',
  'ceac.outcome.browserFailed': 'no se pudo iniciar el navegador ({path}): {why}',
  'ceac.outcome.noBrowser': '{outcome} ({missing})',
  'ceac.outcome.noBrowserFound': 'no se encontró ningún navegador',

  // Desde qué se contó un plazo (knowledge/deadlines.ts), tal como lo lista `ceac case show`
  'deadline.basis.slipDate': '12 meses después de la fecha de la hoja 221(g), {date}',
  'deadline.basis.interview221g': '12 meses después de la entrevista del {date}, en la que le dieron la hoja 221(g)',
  'deadline.basis.refusedSeen':
    '12 meses después del {date}, el primer día en que se vio Refused (indique la fecha de la hoja para tener una fecha exacta)',
  'deadline.basis.interview': '180 días después de la entrevista del {date}',
  'deadline.basis.documents': '180 días después de la última entrega de documentos, el {date}',
  'deadline.basis.issuedSeen': '10 días hábiles después de que se vio Issued por primera vez, el {date}',
  'deadline.basis.dvFiscalYear': '30 de septiembre del año fiscal {year}, según el número de caso DV',
  'deadline.line': '{title} ({basis})',

  // Qué tan seguro es el horario aprendido (tracker/change-times-summary.ts), como lo dice `ceac case show`
  'track.learned.learning':
    'todavía aprendiendo cuándo cambian los casos de esta sede (n = {n}); mientras tanto, las consultas siguen {count, plural, one {el # cambio visto} other {los # cambios vistos}} en todas las sedes',
  'track.learned.learned':
    'las consultas se concentran entre las {from} y las {to}, hora de {place} ({checkShare} de las consultas), cuando ocurre aproximadamente el {changeShare} de los cambios de esta sede (n = {n})',

  // Estadísticas (stats/report.ts)
  'stats.groupTooSmall':
    '{n, plural, one {solo # caso coincide} other {solo # casos coinciden}}: los grupos de menos de {min} casos no se muestran; amplíe los filtros',
  'stats.caveat.only_finished':
    'solo casos terminados: ningún caso de este grupo sigue pendiente, así que si su fuente omitió los casos pendientes (como hacen los archivos históricos de checkee) faltan las esperas largas y estas cifras se inclinan hacia esperas cortas',
  'stats.caveat.few_pending':
    'solo {censored} de {n} casos ({percent}%) siguen pendientes: si la mayor parte de este grupo viene de una fuente que omitió los casos pendientes (como los archivos históricos de checkee), faltan las esperas largas y estas cifras se inclinan hacia esperas cortas',
  'stats.caveat.no_refusals': 'no hay negativas en este grupo: puede que los datos omitan los casos negados',
  'stats.caveat.median_not_reached':
    'no se alcanza la mediana: más de la mitad de los casos seguían pendientes la última vez que se vieron',
  'stats.caveat.small_group': 'un grupo pequeño ({n} casos): los intervalos son amplios',
  'stats.predict.broader':
    '{label}: solo {comparable, plural, one {# caso comparable seguía pendiente} other {# casos comparables seguían pendientes}} después de {waited} días, así que se usó un grupo más amplio',
  'stats.predict.no90': 'ningún caso comparable se siguió 90 días más: se desconocen los plazos más largos',

  // Importaciones (timelines/checkee.ts)
  'import.warning.only_finished':
    'solo casos terminados: esta fuente no tiene casos pendientes, así que faltan las esperas largas aún en curso y toda cifra calculada solo con ella se inclina hacia esperas cortas',
  'import.warning.no_refused':
    'no hay casos negados: a esta fuente le faltan las negativas, así que las tasas de aprobación calculadas con ella están sobrestimadas',
  'import.row.misaligned': 'se esperaban {expected} campos y hay {found} (fila desalineada)',
  'import.row.notJson': 'no es JSON válido (cada línea debe ser un objeto JSON)',
  'import.row.notObject': 'no es un objeto JSON',
  'import.row.missing': 'falta {fields}',
  'import.row.visaType': 'el tipo de visa "{value}" no es una clase de visa como F1 o H1B',
  'import.row.status': 'el estado "{value}" no es Clear, Reject ni Pending',
  'import.row.checkDate': 'la fecha de check "{value}" no es una fecha AAAA-MM-DD',
  'import.row.entry': 'la entrada de visa "{value}" no es New ni Renewal',
  'import.row.completeDate': 'la fecha de conclusión "{value}" no es una fecha AAAA-MM-DD para un caso decidido',
  'import.row.completeBeforeCheck': 'la fecha de conclusión {completeDate} es anterior a la fecha de check {checkDate}',
  'import.row.lastUpdate': 'la última actualización "{value}" no es una fecha AAAA-MM-DD',
  'import.row.noExportDate':
    'caso pendiente sin fecha de exportación: indique --as-of YYYY-MM-DD (la fecha en que se hizo la exportación)',
  'import.row.afterExport': 'caso pendiente con check el {checkDate}, después de la fecha de exportación',
  'import.row.unreadable': 'fila ilegible',
};
