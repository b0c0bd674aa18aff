import { getContext } from 'hono/context-storage';

import type { MessageKey } from '../../i18n/catalog.js';
import type { Translator } from '../../i18n/translator.js';
import type { Deadline, DeadlineKind } from '../../knowledge/deadlines.js';
import { recentWaveNotices } from '../../notify/clearance-waves.js';
import { caseDeadlines } from '../../notify/reminders.js';
import type { CaseView } from '../../store/cases.js';
import type { AppEnv } from '../context.js';
import { pageLanguage, t, translator } from '../language.js';
import { localDay } from '../local-time.js';

/** What each deadline is called on the page. */
export const DEADLINE_TITLE_KEYS: Readonly<Record<DeadlineKind, MessageKey>> = {
  documents_due_221g: 'cases.deadline.documentsDue',
  may_enquire: 'cases.deadline.mayEnquire',
  dv_issue_by: 'cases.deadline.dvIssueBy',
  issued_no_passport: 'cases.deadline.issuedNoPassport',
};

export const DEADLINE_SOURCE_KEYS: Readonly<Record<DeadlineKind, MessageKey>> = {
  documents_due_221g: 'source.twelveMonths',
  may_enquire: 'source.wait180',
  dv_issue_by: 'cases.deadline.source.dv',
  issued_no_passport: 'cases.deadline.source.issued',
};

/** What a deadline was counted from, in `tr`'s words (the same facts as `Deadline.basis`). */
export function deadlineBasis(d: Deadline, tr: Translator = translator()): string {
  const f = d.from;
  if (f.fact === 'dv_fiscal_year') return tr.text('cases.deadline.basis.dvFiscalYear', { year: String(f.year) });
  const date = localDay(f.date, tr.language);
  switch (f.fact) {
    case 'slip_date':
      return tr.text('cases.deadline.basis.slipDate', { date });
    case 'interview_221g':
      return tr.text('cases.deadline.basis.interview221g', { date });
    case 'refused_seen':
      return tr.text('cases.deadline.basis.refusedSeen', { date });
    case 'interview':
      return tr.text('cases.deadline.basis.interview', { date });
    case 'documents':
      return tr.text('cases.deadline.basis.documents', { date });
    case 'issued_seen':
      return tr.text('cases.deadline.basis.issuedSeen', { date });
  }
}

/** A deadline with its title, basis and source in `tr`'s words (for a calendar in the reader's language). */
export function deadlineIn(d: Deadline, tr: Translator): Deadline {
  if (tr.language === 'en') return d;
  return {
    ...d,
    title: tr.text(DEADLINE_TITLE_KEYS[d.kind]),
    basis: deadlineBasis(d, tr),
    source: tr.text(DEADLINE_SOURCE_KEYS[d.kind]),
  };
}

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
  // The wave notices are written once, in English, for every reader (src/notify/clearance-waves.ts).
  const wavesLang = pageLanguage() === 'en' ? undefined : 'en';
  return (
    <section class="card" aria-labelledby="ahead-h">
      <h2 id="ahead-h">{t('cases.ahead.heading')}</h2>
      {waves.length ? (
        <div>
          <h3>{t('cases.ahead.waves')}</h3>
          <ul lang={wavesLang}>
            {waves.map((w) => (
              <li>{w.message}</li>
            ))}
          </ul>
          <p class="muted small">{t('cases.ahead.wavesCaveat')}</p>
        </div>
      ) : null}
      {deadlines.length ? (
        <dl class="deadlines">
          {deadlines.map((d) => (
            <>
              <dt>
                <time datetime={d.date}>{localDay(d.date)}</time> — {t(DEADLINE_TITLE_KEYS[d.kind])}
              </dt>
              <dd>
                {t('cases.ahead.basis', { basis: deadlineBasis(d) })}{' '}
                <span class="muted small">{t('cases.ahead.source', { source: t(DEADLINE_SOURCE_KEYS[d.kind]) })}</span>
              </dd>
            </>
          ))}
        </dl>
      ) : null}
      <p>
        <a href={`/cases/${String(p.c.id)}/calendar.ics`}>{t('cases.ahead.calendar')}</a>
      </p>
    </section>
  );
}
