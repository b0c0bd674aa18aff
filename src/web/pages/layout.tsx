import type { Child } from 'hono/jsx';

import type { User } from '../accounts.js';
import { ICON, SCRIPT, STYLESHEET } from '../assets.js';

export interface PageFrame {
  title: string;
  user: User | null;
  csrf: string;
  /** Which top-level section is open, for aria-current. */
  section?: 'explain' | 'cases' | 'stats' | 'notifications' | 'account' | 'signin' | 'signup' | undefined;
}

export function Layout(props: PageFrame & { children?: Child }) {
  const cur = (s: PageFrame['section']) => (props.section === s ? { 'aria-current': 'page' as const } : {});
  return (
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
            <nav class="main" aria-label="Main">
              <a href="/" {...cur('explain')}>
                Explain a status
              </a>
              <a href="/stats" {...cur('stats')}>
                Waiting times
              </a>
              {props.user ? (
                <>
                  <a href="/cases" {...cur('cases')}>
                    My cases
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
          <p>
            ceac-watch explains what the US State Department's CEAC status page shows. It is not affiliated with the US
            government; the consulate's letter and e-mails always win over anything shown here.
          </p>
          {props.user ? (
            <form method="post" action="/signout">
              <input type="hidden" name="_csrf" value={props.csrf} />
              <button class="secondary" type="submit">
                Sign out
              </button>
            </form>
          ) : null}
        </footer>
      </body>
    </html>
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
