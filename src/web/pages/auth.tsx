import { t } from '../language.js';
import type { PageFrame } from './layout.js';
import { Alert, CsrfField, FieldError, Layout } from './layout.js';
import { Rich } from './rich.js';

export type FieldErrors = Record<string, string | undefined>;

interface FormProps {
  frame: PageFrame;
  email?: string;
  errors?: FieldErrors;
  notice?: string | undefined;
  next?: string | undefined;
}

const describedBy = (errors: FieldErrors | undefined, field: string, hint?: string) =>
  [hint, errors?.[field] ? `${field}-error` : undefined].filter(Boolean).join(' ') || undefined;

export function SignUpPage(p: FormProps) {
  return (
    <Layout {...p.frame}>
      <h1>{t('web.auth.signUp.title')}</h1>
      <p class="lead">{t('web.auth.signUp.lead')}</p>
      {p.errors?.form ? <Alert kind="bad">{p.errors.form}</Alert> : null}
      <form method="post" action="/signup" class="card" novalidate>
        <CsrfField token={p.frame.csrf} />
        <label for="email">{t('web.auth.email')}</label>
        <input
          id="email"
          name="email"
          type="email"
          autocomplete="email"
          required
          value={p.email ?? ''}
          aria-invalid={p.errors?.email ? 'true' : undefined}
          aria-describedby={describedBy(p.errors, 'email')}
        />
        <FieldError id="email-error" message={p.errors?.email} />
        <label for="password">
          {t('web.auth.password')}{' '}
          <span class="hint" id="password-hint">
            {t('web.auth.passwordHint', { min: 10 })}
          </span>
        </label>
        <input
          id="password"
          name="password"
          type="password"
          autocomplete="new-password"
          required
          minlength={10}
          aria-invalid={p.errors?.password ? 'true' : undefined}
          aria-describedby={describedBy(p.errors, 'password', 'password-hint')}
        />
        <FieldError id="password-error" message={p.errors?.password} />
        <div class="actions">
          <button type="submit">{t('web.auth.signUp.submit')}</button>
          <a href="/signin">{t('web.auth.signUp.haveAccount')}</a>
        </div>
      </form>
    </Layout>
  );
}

export function SignInPage(p: FormProps) {
  return (
    <Layout {...p.frame}>
      <h1>{t('web.auth.signIn.title')}</h1>
      {p.notice ? <Alert kind="ok">{p.notice}</Alert> : null}
      {p.errors?.form ? <Alert kind="bad">{p.errors.form}</Alert> : null}
      <form method="post" action="/signin" class="card" novalidate>
        <CsrfField token={p.frame.csrf} />
        {p.next ? <input type="hidden" name="next" value={p.next} /> : null}
        <label for="email">{t('web.auth.email')}</label>
        <input id="email" name="email" type="email" autocomplete="username" required value={p.email ?? ''} />
        <label for="password">{t('web.auth.password')}</label>
        <input id="password" name="password" type="password" autocomplete="current-password" required />
        <div class="actions">
          <button type="submit">{t('web.auth.signIn.submit')}</button>
          <a href="/reset">{t('web.auth.signIn.forgot')}</a>
        </div>
      </form>
      <p>
        <Rich k="web.auth.signIn.newHere" parts={{ link: <a href="/signup">{t('web.auth.signUp.title')}</a> }} />
      </p>
    </Layout>
  );
}

export function ResetRequestPage(p: FormProps & { mailConfigured: boolean; sent?: boolean }) {
  return (
    <Layout {...p.frame}>
      <h1>{t('web.auth.reset.title')}</h1>
      {!p.mailConfigured ? (
        <Alert kind="info">
          <Rich k="web.auth.reset.noMail" parts={{ setting: <code>SMTP_URL</code> }} />
        </Alert>
      ) : p.sent ? (
        <Alert kind="ok">{t('web.auth.reset.sent')}</Alert>
      ) : null}
      {p.errors?.form ? <Alert kind="bad">{p.errors.form}</Alert> : null}
      <form method="post" action="/reset" class="card" novalidate>
        <CsrfField token={p.frame.csrf} />
        <label for="email">{t('web.auth.reset.email')}</label>
        <input
          id="email"
          name="email"
          type="email"
          autocomplete="email"
          required
          value={p.email ?? ''}
          aria-describedby={describedBy(p.errors, 'email')}
        />
        <FieldError id="email-error" message={p.errors?.email} />
        <div class="actions">
          <button type="submit" disabled={!p.mailConfigured}>
            {t('web.auth.reset.submit')}
          </button>
        </div>
      </form>
    </Layout>
  );
}

export function ResetFinishPage(p: FormProps & { token: string; valid: boolean }) {
  return (
    <Layout {...p.frame}>
      <h1>{t('web.auth.newPassword.title')}</h1>
      {!p.valid ? (
        <Alert kind="bad">
          {t('web.auth.newPassword.expired')} <a href="/reset">{t('web.auth.newPassword.askAgain')}</a>
        </Alert>
      ) : (
        <form method="post" action={`/reset/${encodeURIComponent(p.token)}`} class="card" novalidate>
          <CsrfField token={p.frame.csrf} />
          <p>{t('web.auth.newPassword.effect')}</p>
          <label for="password">
            {t('web.auth.newPassword.label')}{' '}
            <span class="hint" id="password-hint">
              {t('web.auth.newPassword.hint', { min: 10 })}
            </span>
          </label>
          <input
            id="password"
            name="password"
            type="password"
            autocomplete="new-password"
            required
            aria-describedby={describedBy(p.errors, 'password', 'password-hint')}
          />
          <FieldError id="password-error" message={p.errors?.password} />
          <div class="actions">
            <button type="submit">{t('web.auth.newPassword.submit')}</button>
          </div>
        </form>
      )}
    </Layout>
  );
}

export function MessagePage(p: {
  frame: PageFrame;
  heading: string;
  message: string;
  kind?: 'bad' | 'ok' | 'info';
  back?: { href: string; label: string };
}) {
  return (
    <Layout {...p.frame}>
      <h1>{p.heading}</h1>
      <Alert kind={p.kind ?? 'info'}>{p.message}</Alert>
      {p.back ? (
        <p>
          <a href={p.back.href}>{p.back.label}</a>
        </p>
      ) : null}
    </Layout>
  );
}
