import { getContext } from 'hono/context-storage';

import { recentWaveNotices } from '../../notify/clearance-waves.js';
import { caseDeadlines } from '../../notify/reminders.js';
import type { CaseView } from '../../store/cases.js';
import type { AppEnv } from '../context.js';

/**
 * The case page's "what comes next" section: the case's deadlines, each with what it was computed from and its
 * source, the clearance waves at its post in the last 7 days (the same words as the notification), and the
 * case's calendar. Reads the store through the request context, like PeopleLikeYou.
 */
export async function CaseAhead(p: { c: CaseView; now: number }) {
  let services;
  try {
    services = getContext<AppEnv>().var.services;
  } catch {
    return null;
  }
  const deadlines = await caseDeadlines(services.store.db, p.c);
  const waves = await recentWaveNotices(services.store.db, p.c.id, p.now);
  if (deadlines.length === 0 && waves.length === 0) return null;
  return (
    <section class="card" aria-labelledby="ahead-h">
      <h2 id="ahead-h">Dates ahead</h2>
      {waves.length ? (
        <div>
          <h3>Clearance waves at your post</h3>
          <ul>
            {waves.map((w) => (
              <li>{w.message}</li>
            ))}
          </ul>
          <p class="muted small">What happened to other cases; it says nothing certain about yours.</p>
        </div>
      ) : null}
      {deadlines.length ? (
        <dl class="deadlines">
          {deadlines.map((d) => (
            <>
              <dt>
                <time datetime={d.date}>{d.date}</time> — {d.title}
              </dt>
              <dd>
                {d.basis}. <span class="muted small">Source: {d.source}</span>
              </dd>
            </>
          ))}
        </dl>
      ) : null}
      <p>
        <a href={`/cases/${String(p.c.id)}/calendar.ics`}>Add these dates to your calendar (.ics)</a>
      </p>
    </section>
  );
}
