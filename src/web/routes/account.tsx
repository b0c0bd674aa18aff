import type { MiddlewareHandler } from 'hono';
import { Hono } from 'hono';

import type { MessageKey } from '../../i18n/catalog.js';
import { AccountError, MIN_PASSWORD } from '../accounts.js';
import type { AppContext, AppEnv } from '../context.js';
import { t } from '../language.js';
import { AccountPage } from '../pages/account.js';
import type { FieldErrors } from '../pages/auth.js';
import { clearSessionCookie } from '../session.js';
import { formFields, frame } from './forms.js';

/** Pages that need an account send anonymous visitors to sign in, then back. */
export function requireUserPage(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (!c.var.user) return c.redirect(`/signin?next=${encodeURIComponent(c.req.path)}`, 303);
    return next();
  };
}

/**
 * The account service's messages (English, for every shell) in the page's words. A message not listed here is
 * shown as the service wrote it.
 */
const ACCOUNT_MESSAGES: Readonly<Record<string, MessageKey>> = {
  'Your current password is not right.': 'cases.account.error.current',
  'Give the token a name, so you know later what uses it.': 'cases.account.error.tokenName',
  'Use letters, digits, spaces and punctuation only (no control characters).': 'cases.account.error.tokenControl',
  'Use a name of 80 characters at most.': 'cases.account.error.tokenLong',
  [`Use at least ${MIN_PASSWORD} characters for your password.`]: 'cases.account.error.passwordShort',
  'That password is too long (512 characters at most).': 'cases.account.error.passwordLong',
};

function accountMessage(err: AccountError): string {
  const key = ACCOUNT_MESSAGES[err.message];
  return key ? t(key, { min: MIN_PASSWORD }) : err.message;
}

export function accountRoutes(deleteUserData: (userId: number) => Promise<void>) {
  const app = new Hono<AppEnv>();
  app.use('*', requireUserPage());

  const render = async (
    c: AppContext,
    extra: { errors?: FieldErrors; notice?: string; newToken?: { name: string; token: string } },
    status: 200 | 422 = 200,
  ) => {
    const user = c.var.user!;
    const tokens = await c.var.services.accounts.listApiTokens(user.id);
    return c.html(
      <AccountPage
        frame={frame(c, t('cases.account.heading'), 'account')}
        email={user.email}
        tokens={tokens}
        {...extra}
      />,
      status,
    );
  };

  app.get('/', (c) =>
    render(c, {
      notice: c.req.query('changed') ? t('cases.account.passwordChanged') : undefined,
    }),
  );

  app.post('/tokens', async (c) => {
    const f = await formFields(c);
    try {
      const t = await c.var.services.accounts.createApiToken(c.var.user!.id, f.name ?? '');
      c.header('Cache-Control', 'no-store');
      return await render(c, { newToken: { name: (f.name ?? '').trim(), token: t.token } });
    } catch (err) {
      if (!(err instanceof AccountError)) throw err;
      return render(c, { errors: { [err.field ?? 'name']: accountMessage(err) } }, 422);
    }
  });

  app.post('/tokens/:id/revoke', async (c) => {
    const id = Number(c.req.param('id'));
    const ok = Number.isInteger(id) && (await c.var.services.accounts.revokeApiToken(c.var.user!.id, id));
    if (!ok) return c.notFound();
    return c.redirect('/account', 303);
  });

  app.post('/password', async (c) => {
    const f = await formFields(c);
    try {
      await c.var.services.accounts.changePassword(c.var.user!.id, f.current ?? '', f.password ?? '');
      await c.var.services.accounts.endOtherSessions(c.var.user!.id, c.var.session?.tokenHash ?? null);
      return c.redirect('/account?changed=1', 303);
    } catch (err) {
      if (!(err instanceof AccountError)) throw err;
      return render(c, { errors: { [err.field ?? 'password']: accountMessage(err) } }, 422);
    }
  });

  app.post('/delete', async (c) => {
    const f = await formFields(c);
    const errors: FieldErrors = {};
    if (f.confirm !== 'yes') errors.confirm = t('cases.account.error.confirm');
    const user = c.var.user!;
    if (!(await c.var.services.accounts.verifyCredentials(user.email, f.password ?? '')))
      errors.deletePassword = t('cases.account.error.password');
    if (errors.confirm || errors.deletePassword) return render(c, { errors }, 422);
    await deleteUserData(user.id);
    await c.var.services.accounts.deleteUser(user.id);
    clearSessionCookie(c);
    return c.redirect('/signin?deleted=1', 303);
  });

  return app;
}
