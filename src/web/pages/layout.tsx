import { raw } from 'hono/html';
import type { Child } from 'hono/jsx';

import type { User } from '../accounts.js';
import { ICON, LOCATION_LIST, SCRIPT, STYLESHEET } from '../assets.js';

export interface PageFrame {
  title: string;
  user: User | null;
  csrf: string;
  /** Which top-level section is open, for aria-current. */
  section?: 'explain' | 'cases' | 'stats' | 'notifications' | 'account' | 'signin' | 'signup' | undefined;
  /** The demo (`ceac serve --demo`) has an inbox of the notifications it sent: linked from every page. */
  demoInbox?: boolean | undefined;
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
      <html lang="en">
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
            Skip to content
          </a>
          <header class="top">
            <div class="in">
              <a class="brand" href="/">
                ceac<span>·</span>watch
              </a>
              {props.user ? (
                <form method="post" action="/signout" class="signout">
                  <input type="hidden" name="_csrf" value={props.csrf} />
                  <button class="link" type="submit">
                    Sign out
                  </button>
                </form>
              ) : null}
              <nav class="main" aria-label="Main">
                <a href="/" aria-label="Explain a status" {...cur('explain')}>
                  <Label short="Explain" long="Explain a status" />
                </a>
                <a href="/stats" aria-label="Waiting times" {...cur('stats')}>
                  <Label short="Waiting" long="Waiting times" />
                </a>
                {props.user ? (
                  <>
                    <a href="/cases" aria-label="My cases" {...cur('cases')}>
                      <Label short="Cases" long="My cases" />
                    </a>
                    <a href="/notifications" {...cur('notifications')}>
                      Notifications
                    </a>
                    <a href="/account" {...cur('account')}>
                      Account
                    </a>
                  </>
                ) : (
                  <>
                    <a href="/signin" {...cur('signin')}>
                      Sign in
                    </a>
                    <a href="/signup" {...cur('signup')}>
                      Create account
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
                This is the demo: the notifications it sends land in the <a href="/demo/inbox">demo inbox</a>.
              </p>
            ) : null}
            <p>
              ceac-watch explains what the US State Department's CEAC status page shows. It is not affiliated with the
              US government; the consulate's letter and e-mails always win over anything shown here.
            </p>
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
