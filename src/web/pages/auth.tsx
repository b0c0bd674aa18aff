import type { PageFrame } from './layout.js';
import { Alert, CsrfField, FieldError, Layout } from './layout.js';

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
      <h1>Create an account</h1>
      <p class="lead">With an account, ceac-watch checks your case for you and tells you the moment it changes.</p>
      {p.errors?.form ? <Alert kind="bad">{p.errors.form}</Alert> : null}
      <form method="post" action="/signup" class="card" novalidate>
        <CsrfField token={p.frame.csrf} />
        <label for="email">E-mail address</label>
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
          Password{' '}
          <span class="hint" id="password-hint">
            At least 10 characters. A few unrelated words work well.
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
          <button type="submit">Create account</button>
          <a href="/signin">I already have an account</a>
        </div>
      </form>
    </Layout>
  );
}

export function SignInPage(p: FormProps) {
  return (
    <Layout {...p.frame}>
      <h1>Sign in</h1>
      {p.notice ? <Alert kind="ok">{p.notice}</Alert> : null}
      {p.errors?.form ? <Alert kind="bad">{p.errors.form}</Alert> : null}
      <form method="post" action="/signin" class="card" novalidate>
        <CsrfField token={p.frame.csrf} />
        {p.next ? <input type="hidden" name="next" value={p.next} /> : null}
        <label for="email">E-mail address</label>
        <input id="email" name="email" type="email" autocomplete="username" required value={p.email ?? ''} />
        <label for="password">Password</label>
        <input id="password" name="password" type="password" autocomplete="current-password" required />
        <div class="actions">
          <button type="submit">Sign in</button>
          <a href="/reset">Forgot your password?</a>
        </div>
      </form>
      <p>
        New here? <a href="/signup">Create an account</a>.
      </p>
    </Layout>
  );
}

export function ResetRequestPage(p: FormProps & { mailConfigured: boolean; sent?: boolean }) {
  return (
    <Layout {...p.frame}>
      <h1>Reset your password</h1>
      {!p.mailConfigured ? (
        <Alert kind="info">
          This ceac-watch has no outgoing e-mail set up, so it cannot send reset links. Ask the person who runs it to
          set
          <code> SMTP_URL</code>.
        </Alert>
      ) : p.sent ? (
        <Alert kind="ok">If an account uses that address, we have sent it a link. The link works for one hour.</Alert>
      ) : null}
      {p.errors?.form ? <Alert kind="bad">{p.errors.form}</Alert> : null}
      <form method="post" action="/reset" class="card" novalidate>
        <CsrfField token={p.frame.csrf} />
        <label for="email">E-mail address of your account</label>
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
            Send me a reset link
          </button>
        </div>
      </form>
    </Layout>
  );
}

export function ResetFinishPage(p: FormProps & { token: string; valid: boolean }) {
  return (
    <Layout {...p.frame}>
      <h1>Choose a new password</h1>
      {!p.valid ? (
        <Alert kind="bad">
          This reset link has expired or was already used. <a href="/reset">Ask for a new one</a>.
        </Alert>
      ) : (
        <form method="post" action={`/reset/${encodeURIComponent(p.token)}`} class="card" novalidate>
          <CsrfField token={p.frame.csrf} />
          <p>Saving it signs you out everywhere and revokes all your API tokens.</p>
          <label for="password">
            New password{' '}
            <span class="hint" id="password-hint">
              At least 10 characters.
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
            <button type="submit">Save new password</button>
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
