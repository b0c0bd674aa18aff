import { MIN_PASSWORD } from '../accounts.js';
import { CalendarFeedSection } from '../calendar.js';
import { t } from '../language.js';
import { localDay } from '../local-time.js';
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

const day = (ms: number) => localDay(new Date(ms).toISOString().slice(0, 10));

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
      <h1>{t('cases.account.heading')}</h1>
      <p class="lead">
        {t('cases.account.signedInAs')} <strong>{p.email}</strong>
      </p>
      {p.notice ? <Alert kind="ok">{p.notice}</Alert> : null}

      <section class="card" aria-labelledby="tokens-h">
        <h2 id="tokens-h">{t('cases.account.tokens')}</h2>
        <p class="muted small">
          {t('cases.account.tokensLeadBefore')} (<a href="/api/openapi.json">{t('cases.account.openapi')}</a>){' '}
          {t('cases.account.tokensLeadMiddle')} <code>Authorization: Bearer …</code>
          {t('cases.account.tokensLeadAfter')}
        </p>
        {p.newToken ? (
          <Alert kind="ok">
            <p>{t('cases.account.tokenCreated', { name: p.newToken.name })}</p>
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
                  <th scope="col">{t('cases.account.tokenName')}</th>
                  <th scope="col">{t('cases.account.startsWith')}</th>
                  <th scope="col">{t('cases.account.created')}</th>
                  <th scope="col">{t('cases.account.lastUsed')}</th>
                  <th scope="col">
                    <span class="skip">{t('cases.account.action')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {p.tokens.map((token) => (
                  <tr>
                    <td>{token.name}</td>
                    <td class="mono">{token.prefix}…</td>
                    <td>{day(token.createdAt)}</td>
                    <td>{token.lastUsedAt ? day(token.lastUsedAt) : t('cases.account.never')}</td>
                    <td>
                      <form method="post" action={`/account/tokens/${token.id}/revoke`}>
                        <CsrfField token={p.frame.csrf} />
                        <button
                          class="secondary"
                          type="submit"
                          aria-label={t('cases.account.revokeToken', { name: token.name })}
                        >
                          {t('cases.account.revoke')}
                        </button>
                      </form>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <p>{t('cases.account.noTokens')}</p>
        )}
        <form method="post" action="/account/tokens" novalidate>
          <CsrfField token={p.frame.csrf} />
          <label for="token-name">
            {t('cases.account.newToken')} <span class="hint">{t('cases.account.newTokenHint')}</span>
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
            <button type="submit">{t('cases.account.createToken')}</button>
          </div>
        </form>
      </section>

      {p.frame.user ? <CalendarFeedSection userId={p.frame.user.id} csrf={p.frame.csrf} /> : null}

      <section class="card" aria-labelledby="pw-h">
        <h2 id="pw-h">{t('cases.account.password')}</h2>
        <p>{t('cases.account.passwordLead')}</p>
        <form method="post" action="/account/password" novalidate>
          <CsrfField token={p.frame.csrf} />
          <label for="current">{t('cases.account.current')}</label>
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
            {t('cases.account.new')} <span class="hint">{t('cases.account.newHint', { min: MIN_PASSWORD })}</span>
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
            <button type="submit">{t('cases.account.passwordButton')}</button>
          </div>
        </form>
      </section>

      <section class="card" aria-labelledby="del-h">
        <h2 id="del-h">{t('cases.account.delete')}</h2>
        <p>{t('cases.account.deleteLead')}</p>
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
            <span>{t('cases.account.deleteConfirm')}</span>
          </label>
          <FieldError id="confirm-error" message={p.errors?.confirm} />
          <label for="del-password">{t('cases.account.yourPassword')}</label>
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
              {t('cases.account.deleteButton')}
            </button>
          </div>
        </form>
      </section>
    </Layout>
  );
}
