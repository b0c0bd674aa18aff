import { t } from '../language.js';
import type { PageFrame } from './layout.js';
import { Alert, CsrfField, Layout } from './layout.js';

export function CaptchaPage(p: {
  frame: PageFrame;
  caseId: number;
  pendingId: string;
  title: string;
  attempt: number;
}) {
  const base = `/cases/${p.caseId}/captcha/${p.pendingId}`;
  return (
    <Layout {...p.frame}>
      <p class="small">
        <a href={`/cases/${p.caseId}`}>← {p.title}</a>
      </p>
      <h1>{t('web.captcha.title')}</h1>
      {p.attempt > 1 ? <Alert kind="bad">{t('web.captcha.rejected')}</Alert> : null}
      <p>{t('web.captcha.lead')}</p>
      <form method="post" action={base} class="card captcha" novalidate>
        <CsrfField token={p.frame.csrf} />
        <img src={`${base}/image`} width={200} height={50} alt={t('web.captcha.alt')} />
        <label for="code">
          {t('web.captcha.code')} <span class="hint">{t('web.captcha.codeHint')}</span>
        </label>
        <input
          id="code"
          name="code"
          type="text"
          autocomplete="off"
          autocapitalize="characters"
          spellcheck={false}
          required
          maxlength={10}
          autofocus
        />
        <div class="actions">
          <button type="submit">{t('web.captcha.submit')}</button>
          <button class="secondary" type="submit" name="cancel" value="yes">
            {t('web.captcha.cancel')}
          </button>
        </div>
      </form>
    </Layout>
  );
}
