import { raw } from 'hono/html';
import type { Child } from 'hono/jsx';

import { type Language, LANGUAGE_NAMES, LANGUAGES } from '../../i18n/languages.js';
import type { User } from '../accounts.js';
import { ICON, LOCATION_LIST, SCRIPT, STYLESHEET } from '../assets.js';
import { t } from '../language.js';

export interface PageFrame {
  title: string;
  user: User | null;
  csrf: string;
  /** Which top-level section is open, for aria-current. */
  section?: 'explain' | 'cases' | 'stats' | 'notifications' | 'account' | 'signin' | 'signup' | undefined;
  /** The demo (`ceac serve --demo`) has an inbox of the notifications it sent: linked from every page. */
  demoInbox?: boolean | undefined;
  /** The language the page speaks, and this page's address in each language (the switcher). */
  language: Language;
  languageLinks: Readonly<Record<Language, string>>;
}

/** Links, not a form: the switcher works without JavaScript, and each link names its language in that language. */
function LanguageSwitcher(p: { current: Language; links: Readonly<Record<Language, string>> }) {
  return (
    <nav class="lang" aria-label={t('web.language.switcher')}>
      {LANGUAGES.map((language) =>
        language === p.current ? (
          <span lang={language} aria-current="true">
            {LANGUAGE_NAMES[language]}
          </span>
        ) : (
          <a href={p.links[language]} lang={language} hreflang={language}>
            {LANGUAGE_NAMES[language]}
          </a>
        ),
      )}
    </nav>
  );
}

/**
 * A nav label with a shorter form for narrow screens, so the phone nav fits on one line. The link's
 * aria-label is the long form, which contains the short one (the visible text stays part of the name).
 */
function Label(p: { short: string; long: string }) {
  return (
    <>
      <span class="wide" aria-hidden="true">
        {p.long}
      </span>
      <span class="narrow" aria-hidden="true">
        {p.short}
      </span>
    </>
  );
}

export function Layout(props: PageFrame & { children?: Child }) {
  const cur = (s: PageFrame['section']) => (props.section === s ? { 'aria-current': 'page' as const } : {});
  return (
    <>
      {raw('<!DOCTYPE html>')}
      <html lang={props.language}>
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <meta name="color-scheme" content="light dark" />
          <title>{`${props.title} · ceac-watch`}</title>
          <link rel="icon" type="image/svg+xml" href={ICON.path} />
          <link rel="stylesheet" href={STYLESHEET.path} />
          <script src={SCRIPT.path} defer></script>
        </head>
        <body>
          <a class="skip" href="#content">
            {t('web.layout.skip')}
          </a>
          <header class="top">
            <div class="in">
              <a class="brand" href="/">
                ceac<span>·</span>watch
              </a>
              <LanguageSwitcher current={props.language} links={props.languageLinks} />
              {props.user ? (
                <form method="post" action="/signout" class="signout">
                  <input type="hidden" name="_csrf" value={props.csrf} />
                  <button class="link" type="submit">
                    {t('web.layout.signOut')}
                  </button>
                </form>
              ) : null}
              <nav class="main" aria-label={t('web.layout.mainNav')}>
                <a href="/" aria-label={t('web.layout.explain')} {...cur('explain')}>
                  <Label short={t('web.layout.explainShort')} long={t('web.layout.explain')} />
                </a>
                <a href="/stats" aria-label={t('web.layout.waiting')} {...cur('stats')}>
                  <Label short={t('web.layout.waitingShort')} long={t('web.layout.waiting')} />
                </a>
                {props.user ? (
                  <>
                    <a href="/cases" aria-label={t('web.layout.cases')} {...cur('cases')}>
                      <Label short={t('web.layout.casesShort')} long={t('web.layout.cases')} />
                    </a>
                    <a href="/notifications" {...cur('notifications')}>
                      {t('web.layout.notifications')}
                    </a>
                    <a href="/account" {...cur('account')}>
                      {t('web.layout.account')}
                    </a>
                  </>
                ) : (
                  <>
                    <a href="/signin" {...cur('signin')}>
                      {t('web.layout.signIn')}
                    </a>
                    <a href="/signup" {...cur('signup')}>
                      {t('web.layout.signUp')}
                    </a>
                  </>
                )}
              </nav>
            </div>
          </header>
          <main id="content">{props.children}</main>
          <footer>
            {props.demoInbox ? (
              <p>
                {t('web.layout.demoBefore')} <a href="/demo/inbox">{t('web.layout.demoInbox')}</a>
                {t('web.layout.demoAfter')}
              </p>
            ) : null}
            <p>{t('web.layout.about')}</p>
            {props.language === 'en' ? null : <p>{t('web.layout.ceacEnglish')}</p>}
          </footer>
        </body>
      </html>
    </>
  );
}

export function CsrfField(props: { token: string }) {
  return <input type="hidden" name="_csrf" value={props.token} />;
}

export function FieldError(props: { id: string; message?: string | undefined }) {
  return props.message ? (
    <p class="error" id={props.id}>
      {props.message}
    </p>
  ) : null;
}

export function Alert(props: { kind: 'bad' | 'ok' | 'info'; children?: Child }) {
  return (
    <div class={`alert ${props.kind}`} role={props.kind === 'bad' ? 'alert' : 'status'}>
      {props.children}
    </div>
  );
}

/** The consulate picker's suggestions: filled by the script from one cached file (typing a city or code works without). */
export function LocationList(props: { id: string }) {
  return <datalist id={props.id} data-locations={LOCATION_LIST.path}></datalist>;
}
