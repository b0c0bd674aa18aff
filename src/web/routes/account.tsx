import type { MiddlewareHandler } from 'hono';
import { Hono } from 'hono';

import { AccountError } from '../accounts.js';
import type { AppContext, AppEnv } from '../context.js';
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
      <AccountPage frame={frame(c, 'Your account', 'account')} email={user.email} tokens={tokens} {...extra} />,
      status,
    );
  };

  app.get('/', (c) =>
    render(c, {
      notice: c.req.query('changed')
        ? 'Your password was changed. Other devices were signed out and your API tokens were revoked.'
        : undefined,
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
      return render(c, { errors: { [err.field ?? 'name']: err.message } }, 422);
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
      return render(c, { errors: { [err.field ?? 'password']: err.message } }, 422);
    }
  });

  app.post('/delete', async (c) => {
    const f = await formFields(c);
    const errors: FieldErrors = {};
    if (f.confirm !== 'yes') errors.confirm = 'Tick the box to confirm that everything should be deleted.';
    const user = c.var.user!;
    if (!(await c.var.services.accounts.verifyCredentials(user.email, f.password ?? '')))
      errors.deletePassword = 'Your password is not right.';
    if (errors.confirm || errors.deletePassword) return render(c, { errors }, 422);
    await deleteUserData(user.id);
    await c.var.services.accounts.deleteUser(user.id);
    clearSessionCookie(c);
    return c.redirect('/signin?deleted=1', 303);
  });

  return app;
}
