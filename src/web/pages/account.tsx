import { CalendarFeedSection } from '../calendar.js';
import type { FieldErrors } from './auth.js';
import type { PageFrame } from './layout.js';
import { Alert, CsrfField, FieldError, Layout } from './layout.js';

export interface TokenRow {
  id: number;
  name: string;
  prefix: string;
  createdAt: number;
  lastUsedAt: number | null;
}

const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export function AccountPage(p: {
  frame: PageFrame;
  email: string;
  tokens: TokenRow[];
  newToken?: { name: string; token: string } | undefined;
  errors?: FieldErrors;
  notice?: string | undefined;
}) {
  return (
    <Layout {...p.frame}>
      <h1>Your account</h1>
      <p class="lead">
        Signed in as <strong>{p.email}</strong>.
      </p>
      {p.notice ? <Alert kind="ok">{p.notice}</Alert> : null}

      <section class="card" aria-labelledby="tokens-h">
        <h2 id="tokens-h">API tokens</h2>
        <p class="muted small">
          A token lets a script use the JSON API (<a href="/api/openapi.json">OpenAPI document</a>) as you: send it as{' '}
          <code>Authorization: Bearer …</code>. Revoke a token you no longer use.
        </p>
        {p.newToken ? (
          <Alert kind="ok">
            <p>Token “{p.newToken.name}” created. Copy it now: it will not be shown again.</p>
            <p class="token mono" id="new-token">
              {p.newToken.token}
            </p>
          </Alert>
        ) : null}
        {p.tokens.length ? (
          <div class="scroll">
            <table>
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Starts with</th>
                  <th scope="col">Created</th>
                  <th scope="col">Last used</th>
                  <th scope="col">
                    <span class="skip">Action</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {p.tokens.map((t) => (
                  <tr>
                    <td>{t.name}</td>
                    <td class="mono">{t.prefix}…</td>
                    <td>{day(t.createdAt)}</td>
                    <td>{t.lastUsedAt ? day(t.lastUsedAt) : 'never'}</td>
                    <td>
                      <form method="post" action={`/account/tokens/${t.id}/revoke`}>
                        <CsrfField token={p.frame.csrf} />
                        <button class="secondary" type="submit" aria-label={`Revoke token ${t.name}`}>
                          Revoke
                        </button>
                      </form>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <p>You have no API tokens.</p>
        )}
        <form method="post" action="/account/tokens" novalidate>
          <CsrfField token={p.frame.csrf} />
          <label for="token-name">
            New token name <span class="hint">For example “home script”.</span>
          </label>
          <input
            id="token-name"
            name="name"
            type="text"
            maxlength={80}
            required
            aria-describedby={p.errors?.name ? 'name-error' : undefined}
          />
          <FieldError id="name-error" message={p.errors?.name} />
          <div class="actions">
            <button type="submit">Create token</button>
          </div>
        </form>
      </section>

      {p.frame.user ? <CalendarFeedSection userId={p.frame.user.id} csrf={p.frame.csrf} /> : null}

      <section class="card" aria-labelledby="pw-h">
        <h2 id="pw-h">Change password</h2>
        <p>Changing it signs out your other devices and revokes all your API tokens.</p>
        <form method="post" action="/account/password" novalidate>
          <CsrfField token={p.frame.csrf} />
          <label for="current">Current password</label>
          <input
            id="current"
            name="current"
            type="password"
            autocomplete="current-password"
            required
            aria-describedby={p.errors?.current ? 'current-error' : undefined}
          />
          <FieldError id="current-error" message={p.errors?.current} />
          <label for="password">
            New password <span class="hint">At least 10 characters.</span>
          </label>
          <input
            id="password"
            name="password"
            type="password"
            autocomplete="new-password"
            required
            aria-describedby={p.errors?.password ? 'password-error' : undefined}
          />
          <FieldError id="password-error" message={p.errors?.password} />
          <div class="actions">
            <button type="submit">Change password</button>
          </div>
        </form>
      </section>

      <section class="card" aria-labelledby="del-h">
        <h2 id="del-h">Delete your account</h2>
        <p>
          This removes your account, your cases with their whole history, your notification channels and your API
          tokens. It cannot be undone.
        </p>
        <form method="post" action="/account/delete" novalidate>
          <CsrfField token={p.frame.csrf} />
          <label class="check">
            <input
              type="checkbox"
              name="confirm"
              value="yes"
              required
              aria-describedby={p.errors?.confirm ? 'confirm-error' : undefined}
            />
            <span>I understand that everything will be deleted.</span>
          </label>
          <FieldError id="confirm-error" message={p.errors?.confirm} />
          <label for="del-password">Your password</label>
          <input
            id="del-password"
            name="password"
            type="password"
            autocomplete="current-password"
            required
            aria-describedby={p.errors?.deletePassword ? 'delpw-error' : undefined}
          />
          <FieldError id="delpw-error" message={p.errors?.deletePassword} />
          <div class="actions">
            <button class="danger" type="submit">
              Delete my account
            </button>
          </div>
        </form>
      </section>
    </Layout>
  );
}
