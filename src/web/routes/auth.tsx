import { Hono } from 'hono';
import { getCookie } from 'hono/cookie';

import { AccountError, EmailTakenError } from '../accounts.js';
import { type AppContext, type AppEnv, clientKey } from '../context.js';
import { resetMail, signUpTakenMail } from '../mailer.js';
import { MessagePage, ResetFinishPage, ResetRequestPage, SignInPage, SignUpPage } from '../pages/auth.js';
import { clearSessionCookie, SESSION_COOKIE, startSessionCookie } from '../session.js';
import { alreadyOverLimit, countFailure, formFields, frame, overLimit, safeNext, waitText } from './forms.js';

export function authRoutes() {
  const app = new Hono<AppEnv>();

  app.get('/signup', async (c) =>
    c.var.user
      ? c.redirect('/cases', 303)
      : c.html(
          await c.var.services.pages.get(`signup:${c.var.language}`, c.var.csrf, (csrf) => (
            <SignUpPage frame={{ ...frame(c, 'Create an account', 'signup'), csrf }} />
          )),
        ),
  );

  app.post('/signup', async (c) => {
    const f = await formFields(c);
    const wait = await overLimit(c, 'signup', c.var.services.rules.signUp);
    if (wait) {
      return c.html(
        <SignUpPage
          frame={frame(c, 'Create an account', 'signup')}
          email={f.email}
          errors={{ form: `Too many new accounts from here. Wait ${waitText(wait)} and try again.` }}
        />,
        429,
      );
    }
    try {
      const user = await c.var.services.accounts.createUser(f.email ?? '', f.password ?? '');
      const { token } = await c.var.services.accounts.createSession(user.id);
      startSessionCookie(c, token);
      c.var.services.logger.info({ userId: user.id }, 'account created');
      return c.redirect('/cases?welcome=1', 303);
    } catch (err) {
      if (err instanceof EmailTakenError) {
        // The same answer as for a new address (no account discovery); the owner hears of it by mail.
        tellOwnerOfSignUp(c, (f.email ?? '').trim().toLowerCase());
        return c.redirect('/cases?welcome=1', 303);
      }
      if (!(err instanceof AccountError)) throw err;
      return c.html(
        <SignUpPage
          frame={frame(c, 'Create an account', 'signup')}
          email={f.email}
          errors={{ [err.field ?? 'form']: err.message }}
        />,
        422,
      );
    }
  });

  app.get('/signin', (c) => {
    if (c.var.user) return c.redirect('/cases', 303);
    const notice = c.req.query('reset')
      ? 'Your password was changed. Sign in with the new one.'
      : c.req.query('deleted')
        ? 'Your account and all its data were deleted.'
        : undefined;
    return c.html(<SignInPage frame={frame(c, 'Sign in', 'signin')} notice={notice} next={c.req.query('next')} />);
  });

  app.post('/signin', async (c) => {
    const f = await formFields(c);
    const { rules, sealer } = c.var.services;
    const email = (f.email ?? '').trim().toLowerCase();
    // Two windows of failed sign-ins: per account, from any address (guessing one person's password),
    // and per client address (spraying many accounts). A success counts in neither. The account is
    // keyed by a keyed hash, so no e-mail address is stored with the counters.
    const byClient = clientKey(c);
    const byAccount = sealer.keyedHash(`signin:${email}`).slice(0, 32);
    const wait =
      (await alreadyOverLimit(c, 'signin-fail-client', rules.signIn, byClient)) ??
      (await alreadyOverLimit(c, 'signin-fail-account', rules.signIn, byAccount));
    if (wait) {
      return c.html(
        <SignInPage
          frame={frame(c, 'Sign in', 'signin')}
          email={f.email}
          next={f.next}
          errors={{ form: `Too many sign-in attempts. Wait ${waitText(wait)} and try again.` }}
        />,
        429,
      );
    }
    const user = await c.var.services.accounts.verifyCredentials(email, f.password ?? '');
    if (!user) {
      await countFailure(c, 'signin-fail-client', rules.signIn, byClient);
      await countFailure(c, 'signin-fail-account', rules.signIn, byAccount);
      return c.html(
        <SignInPage
          frame={frame(c, 'Sign in', 'signin')}
          email={f.email}
          next={f.next}
          errors={{ form: 'That e-mail and password do not match an account. Check them and try again.' }}
        />,
        401,
      );
    }
    const { token } = await c.var.services.accounts.createSession(user.id);
    startSessionCookie(c, token);
    return c.redirect(safeNext(f.next), 303);
  });

  app.post('/signout', async (c) => {
    const token = getCookie(c, SESSION_COOKIE);
    if (token) await c.var.services.accounts.endSession(token);
    clearSessionCookie(c);
    return c.redirect('/', 303);
  });

  app.get('/reset', (c) =>
    c.html(
      <ResetRequestPage frame={frame(c, 'Reset your password')} mailConfigured={Boolean(c.var.services.mailer)} />,
    ),
  );

  app.post('/reset', async (c) => {
    const { mailer, accounts, rules, logger } = c.var.services;
    const f = await formFields(c);
    const fr = frame(c, 'Reset your password');
    if (!mailer) return c.html(<ResetRequestPage frame={fr} mailConfigured={false} />, 503);
    const wait = await overLimit(c, 'reset', rules.reset);
    if (wait)
      return c.html(
        <ResetRequestPage
          frame={fr}
          mailConfigured
          email={f.email}
          errors={{ form: `Too many reset requests. Wait ${waitText(wait)} and try again.` }}
        />,
        429,
      );
    const started = await accounts.startReset(f.email ?? '');
    if (started) {
      // From configuration only (PUBLIC_URL, else our own listen address): never from the Host header.
      const link = `${c.var.services.linkBase()}/reset/${started.token}`;
      try {
        await mailer.send({ to: started.user.email, ...(await resetMail(started.user.language, link)) });
      } catch (err) {
        logger.error({ err: { message: (err as Error).message } }, 'password reset mail failed');
        return c.html(
          <ResetRequestPage
            frame={fr}
            mailConfigured
            email={f.email}
            errors={{ form: 'We could not send the e-mail just now. Try again in a few minutes.' }}
          />,
          502,
        );
      }
    }
    // The same answer whether or not the address has an account: no account discovery.
    return c.html(<ResetRequestPage frame={fr} mailConfigured sent />);
  });

  app.get('/reset/:token', async (c) => {
    const token = c.req.param('token');
    return c.html(
      <ResetFinishPage
        frame={frame(c, 'Choose a new password')}
        token={token}
        valid={await c.var.services.accounts.isResetValid(token)}
      />,
    );
  });

  app.post('/reset/:token', async (c) => {
    const token = c.req.param('token');
    const f = await formFields(c);
    try {
      await c.var.services.accounts.finishReset(token, f.password ?? '');
      clearSessionCookie(c);
      return c.redirect('/signin?reset=1', 303);
    } catch (err) {
      if (!(err instanceof AccountError)) throw err;
      if (err.field === 'token')
        return c.html(<ResetFinishPage frame={frame(c, 'Choose a new password')} token={token} valid={false} />, 410);
      return c.html(
        <ResetFinishPage
          frame={frame(c, 'Choose a new password')}
          token={token}
          valid
          errors={{ password: err.message }}
        />,
        422,
      );
    }
  });

  app.get('/signed-out', (c) =>
    c.html(
      <MessagePage
        frame={frame(c, 'Signed out')}
        heading="Signed out"
        message="You are signed out."
        back={{ href: '/', label: 'Back to the start' }}
      />,
    ),
  );

  return app;
}

/** Mails the owner of an address that someone tried to sign up with (in the background: same timing). */
function tellOwnerOfSignUp(c: AppContext, email: string): void {
  const { mailer, logger } = c.var.services;
  if (!mailer) return;
  const base = c.var.services.linkBase();
  // In the language the owner of the address chose, not the one of whoever typed it.
  c.var.services.accounts
    .findByEmail(email)
    .then(async (owner) => mailer.send({ to: email, ...(await signUpTakenMail(owner?.language ?? null, base)) }))
    .catch((err: unknown) => logger.error({ err: { message: (err as Error).message } }, 'sign-up notice mail failed'));
}
