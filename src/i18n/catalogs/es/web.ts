import type { AreaCatalog } from '../../catalog.js';
import type { web as source } from '../en/web.js';

/** Web pages (src/web/pages, src/web/routes): everything but notification setup. */
export const web: AreaCatalog<typeof source> = {
  'web.language.switcher': 'Idioma',
  'web.layout.skip': 'Ir al contenido',
  'web.layout.signOut': 'Cerrar sesión',
  'web.layout.mainNav': 'Principal',
  'web.layout.explain': 'Explicar un estado',
  'web.layout.explainShort': 'Explicar',
  'web.layout.waiting': 'Tiempos de espera',
  'web.layout.waitingShort': 'Espera',
  'web.layout.cases': 'Mis casos',
  'web.layout.casesShort': 'Casos',
  'web.layout.notifications': 'Notificaciones',
  'web.layout.account': 'Cuenta',
  'web.layout.signIn': 'Iniciar sesión',
  'web.layout.signUp': 'Crear cuenta',
  'web.layout.demoBefore': 'Esta es la demostración: las notificaciones que envía llegan a la',
  'web.layout.demoInbox': 'bandeja de la demostración',
  'web.layout.demoAfter': '.',
  'web.layout.about':
    'ceac-watch explica lo que muestra la página de estado CEAC del Departamento de Estado de EE. UU. No está afiliado al gobierno de EE. UU.; la carta y los correos del consulado siempre prevalecen sobre lo que se muestra aquí.',
  'web.layout.ceacEnglish':
    'CEAC muestra sus estados solo en inglés. Los citamos en inglés junto a nuestra traducción: el texto en inglés es lo que muestra CEAC y es el que vale.',
};
