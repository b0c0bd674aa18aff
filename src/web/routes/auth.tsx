import { Hono } from 'hono';
import { getCookie } from 'hono/cookie';

import { AccountError, EmailTakenError } from '../accounts.js';
import { type AppContext, type AppEnv, clientKey } from '../context.js';
import { t, translator } from '../language.js';
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
            <SignUpPage frame={{ ...frame(c, t('web.auth.signUp.title'), 'signup'), csrf }} />
          )),
        ),
  );

  app.post('/signup', async (c) => {
    const f = await formFields(c);
    const wait = await overLimit(c, 'signup', c.var.services.rules.signUp);
    if (wait) {
      return c.html(
        <SignUpPage
          frame={frame(c, t('web.auth.signUp.title'), 'signup')}
          email={f.email}
          errors={{ form: t('web.auth.signUp.tooMany', { wait: waitText(wait) }) }}
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
          frame={frame(c, t('web.auth.signUp.title'), 'signup')}
          email={f.email}
          errors={{ [err.field ?? 'form']: accountErrorText(err) }}
        />,
        422,
      );
    }
  });

  app.get('/signin', (c) => {
    if (c.var.user) return c.redirect('/cases', 303);
    const notice = c.req.query('reset')
      ? t('web.auth.signIn.passwordChanged')
      : c.req.query('deleted')
        ? t('web.auth.signIn.deleted')
        : undefined;
    return c.html(
      <SignInPage frame={frame(c, t('web.auth.signIn.title'), 'signin')} notice={notice} next={c.req.query('next')} />,
    );
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
          frame={frame(c, t('web.auth.signIn.title'), 'signin')}
          email={f.email}
          next={f.next}
          errors={{ form: t('web.auth.signIn.tooMany', { wait: waitText(wait) }) }}
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
          frame={frame(c, t('web.auth.signIn.title'), 'signin')}
          email={f.email}
          next={f.next}
          errors={{ form: t('web.auth.signIn.mismatch') }}
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
      <ResetRequestPage frame={frame(c, t('web.auth.reset.title'))} mailConfigured={Boolean(c.var.services.mailer)} />,
    ),
  );

  app.post('/reset', async (c) => {
    const { mailer, accounts, rules, logger } = c.var.services;
    const f = await formFields(c);
    const fr = frame(c, t('web.auth.reset.title'));
    if (!mailer) return c.html(<ResetRequestPage frame={fr} mailConfigured={false} />, 503);
    const wait = await overLimit(c, 'reset', rules.reset);
    if (wait)
      return c.html(
        <ResetRequestPage
          frame={fr}
          mailConfigured
          email={f.email}
          errors={{ form: t('web.auth.reset.tooMany', { wait: waitText(wait) }) }}
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
            errors={{ form: t('web.auth.reset.sendFailed') }}
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
        frame={frame(c, t('web.auth.newPassword.title'))}
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
        return c.html(
          <ResetFinishPage frame={frame(c, t('web.auth.newPassword.title'))} token={token} valid={false} />,
          410,
        );
      return c.html(
        <ResetFinishPage
          frame={frame(c, t('web.auth.newPassword.title'))}
          token={token}
          valid
          errors={{ password: accountErrorText(err) }}
        />,
        422,
      );
    }
  });

  app.get('/signed-out', (c) =>
    c.html(
      <MessagePage
        frame={frame(c, t('web.auth.signedOut.title'))}
        heading={t('web.auth.signedOut.title')}
        message={t('web.auth.signedOut.message')}
        back={{ href: '/', label: t('web.error.back') }}
      />,
    ),
  );

  return app;
}

/** An account's problem in the page's language. */
const accountErrorText = (err: AccountError): string => translator()(err.words);

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
