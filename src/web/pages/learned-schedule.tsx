import type { ChangeTimesSummary } from '../../tracker/change-times-summary.js';

/**
 * One fact for the case page's list: how sure the learned schedule is about this post, in the words
 * of src/tracker/change-times-summary.ts (every number there is computed from the estimate).
 */
export function LearnedScheduleFact(p: { summary: ChangeTimesSummary | undefined }) {
  if (!p.summary) return null;
  const text = p.summary.text;
  return (
    <>
      <dt>When we check</dt>
      <dd>{text.charAt(0).toUpperCase() + text.slice(1)}.</dd>
    </>
  );
}
