import { randomBytes } from 'node:crypto';

import type { FormState } from './pages.js';

/** What one ASP.NET session was served: forms (by viewstate) and captchas (by instance id). */
export interface Session {
  /** Viewstate -> the form it belongs to; a viewstate is posted back once. */
  forms: Map<string, { app: 'NIV' | 'IV'; eventValidation: string }>;
  /** Captcha instance id -> code; every captcha shown in the session answers one postback. */
  captchas: Map<string, string>;
}

export const SESSION_COOKIE = 'ASP.NET_SessionId';
const COOKIE_PATTERN = new RegExp(`(?:^|;\\s*)${SESSION_COOKIE.replace('.', '\\.')}=([^;]+)`);
const MAX_SESSIONS = 20_000;
/** Forms and captchas kept per session: a person with a few tabs open, not a harvest. */
const MAX_PER_SESSION = 8;

export function token(bytes: number): string {
  return randomBytes(bytes).toString('base64url');
}

function remember<V>(map: Map<string, V>, key: string, value: V): void {
  if (map.size >= MAX_PER_SESSION) map.delete(map.keys().next().value!);
  map.set(key, value);
}

/** The simulator's session state, oldest sessions dropped first beyond MAX_SESSIONS. */
export class SessionStore {
  private readonly sessions = new Map<string, Session>();

  constructor(private readonly newCode: () => string) {}

  create(): [string, Session] {
    if (this.sessions.size >= MAX_SESSIONS) this.sessions.delete(this.sessions.keys().next().value!);
    const id = token(18);
    const s: Session = { forms: new Map(), captchas: new Map() };
    this.sessions.set(id, s);
    return [id, s];
  }

  /** The session named by a Cookie header, if it is one of ours. */
  fromCookie(cookieHeader: string | undefined): [string, Session] | null {
    const m = COOKIE_PATTERN.exec(cookieHeader ?? '');
    const s = m ? this.sessions.get(m[1]!) : undefined;
    return m && s ? [m[1]!, s] : null;
  }

  /** A fresh form for the session: new viewstate, event validation and a captcha registered to it. */
  issueForm(session: Session, app: 'NIV' | 'IV'): FormState {
    const form: FormState = {
      app,
      viewState: token(96),
      eventValidation: token(48),
      vcid: randomBytes(16).toString('hex'),
    };
    remember(session.forms, form.viewState, { app, eventValidation: form.eventValidation });
    remember(session.captchas, form.vcid, this.newCode());
    return form;
  }

  /** The code of a captcha instance in any session (the --debug-captcha hook). */
  findCaptcha(vcid: string): string | undefined {
    for (const s of this.sessions.values()) {
      const code = s.captchas.get(vcid);
      if (code) return code;
    }
    return undefined;
  }
}
