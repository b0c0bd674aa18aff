import type { ChangeTimesSummary } from '../../tracker/change-times-summary.js';
import { t } from '../language.js';
import { localNumber } from '../local-time.js';

/**
 * One fact for the case page's list: how sure the learned schedule is about this post. The numbers are those of
 * src/tracker/change-times-summary.ts (every one computed from the estimate), put into the page's words.
 */
export function LearnedScheduleFact(p: { summary: ChangeTimesSummary | undefined }) {
  if (!p.summary) return null;
  const s = p.summary;
  const text = s.learning
    ? t('cases.schedule.learning', { n: localNumber(s.n), count: s.instanceN })
    : t('cases.schedule.learned', {
        from: s.from,
        to: s.to,
        place: s.place,
        checkShare: Math.round(s.checkShare * 100),
        changeShare: Math.round(s.changeShare * 100),
        n: localNumber(s.n),
      });
  return (
    <>
      <dt>{t('cases.schedule.label')}</dt>
      <dd>{text}</dd>
    </>
  );
}
