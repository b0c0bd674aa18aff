import { Hono } from 'hono';

import { explain } from '../../decode/index.js';
import { findLocation } from '../../knowledge/locations.js';
import type { DecodeContext } from '../../knowledge/types.js';
import { normaliseVisaClass } from '../../knowledge/visa-classes.js';
import { localDate } from '../../tracker/timeline-sync.js';
import { DecodeContextSchema } from '../api/schemas.js';
import type { AppEnv } from '../context.js';
import { t, translator } from '../language.js';
import { HomePage } from '../pages/explain.js';
import { explainWait } from '../pages/how-long.js';
import { formFields, frame, overLimit, waitText } from './forms.js';

const MAX_TEXT = 200_000;

/** The context questions of the form: blank answers ("not sure") are left out. */
export function contextFromForm(f: Record<string, string>): DecodeContext {
  const raw: Record<string, string> = {};
  for (const k of ['route', 'officer', 'slip', 'passport', 'since'] as const) if (f[k]) raw[k] = f[k];
  const parsed = DecodeContextSchema.safeParse(raw);
  // A tampered value (not one of the choices) is dropped rather than argued with.
  if (parsed.success) return parsed.data;
  const ok: Record<string, string> = {};
  for (const [k, v] of Object.entries(raw)) if (DecodeContextSchema.safeParse({ [k]: v }).success) ok[k] = v;
  return ok;
}

export function homeRoutes() {
  const app = new Hono<AppEnv>();
  app.get('/', async (c) =>
    c.html(
      await c.var.services.pages.get(`home:${c.var.language}:${c.var.user ? 1 : 0}`, c.var.csrf, (csrf) => (
        <HomePage frame={{ ...frame(c, t('web.explain.title'), 'explain'), csrf }} text="" context={{}} result={null} />
      )),
    ),
  );

  app.post('/', async (c) => {
    const f = await formFields(c);
    const text = f.text ?? '';
    const context = contextFromForm(f);
    const visa = (f.visa ?? '').slice(0, 20);
    const post = (f.post ?? '').slice(0, 80);
    const page = async (
      error: string | undefined,
      status: 200 | 413 | 422 | 429,
      result: ReturnType<typeof explain> | null = null,
    ) => {
      // Given a visa class (and a post), the answer also says how long similar cases waited.
      const visaClass = normaliseVisaClass(visa);
      const location = post ? findLocation(post) : undefined;
      const wait =
        result && visaClass
          ? await explainWait(c.var.services, {
              visaClass,
              post: location?.code,
              since: context.since,
              today: localDate(c.var.services.now(), location?.code ?? null),
            })
          : null;
      return c.html(
        <HomePage
          frame={frame(c, t('web.explain.title'), 'explain')}
          text={text.slice(0, MAX_TEXT)}
          context={context}
          result={result}
          error={error}
          visa={visa}
          post={post}
          wait={wait}
        />,
        status,
      );
    };
    const wait = await overLimit(c, 'explain', c.var.services.rules.explain);
    if (wait) return page(t('web.explain.error.tooMany', { wait: waitText(wait) }), 429);
    if (!text.trim()) return page(t('web.explain.error.empty'), 422);
    if (text.length > MAX_TEXT) return page(t('web.explain.error.tooLong'), 413);
    // The decoder speaks the page's language; CEAC's own words in the answer stay in English.
    return page(undefined, 200, explain(text, context, translator()));
  });
  return app;
}
