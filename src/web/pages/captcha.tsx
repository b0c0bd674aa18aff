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
      <h1>Type the code to check your case</h1>
      {p.attempt > 1 ? <Alert kind="bad">CEAC did not accept that code. Here is a new one.</Alert> : null}
      <p>
        CEAC asks everyone to type the letters in a picture before it shows a status. Type what you see; we send it to
        CEAC for you.
      </p>
      <form method="post" action={base} class="card captcha" novalidate>
        <CsrfField token={p.frame.csrf} />
        <img
          src={`${base}/image`}
          width={200}
          height={50}
          alt="The code CEAC asks for: letters and digits in a distorted picture."
        />
        <label for="code">
          Code <span class="hint">Letters and digits, not case-sensitive.</span>
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
          <button type="submit">Check my case</button>
          <button class="secondary" type="submit" name="cancel" value="yes">
            Cancel
          </button>
        </div>
      </form>
    </Layout>
  );
}
