import type { Kysely } from 'kysely';

import { normaliseVisaClass } from '../../knowledge/visa-classes.js';
import { TIME } from './util.js';

/**
 * Frozen. (1) `cases.details_rejected_at`: when CEAC last said it has no case with these details (case not
 * found, invalid number). Automatic checks stop until the details are edited; the page says so. (2) Visa
 * classes stored as people wrote them ("F-1", "h-1b") become one spelling ("F1", "H1B"), in the cases'
 * context and in the pooled timelines, so that filters and groups find them.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('cases').addColumn('details_rejected_at', TIME).execute();

  const k = db as unknown as Kysely<{
    cases: { id: number; context_json: string };
    timelines: { visa_class: string | null };
  }>;
  for (const row of await k.selectFrom('cases').select(['id', 'context_json']).execute()) {
    const context = JSON.parse(row.context_json) as { visaClass?: unknown };
    if (typeof context.visaClass !== 'string') continue;
    const canonical = normaliseVisaClass(context.visaClass);
    if (!canonical || canonical === context.visaClass) continue;
    await k
      .updateTable('cases')
      .set({ context_json: JSON.stringify({ ...context, visaClass: canonical }) })
      .where('id', '=', row.id)
      .execute();
  }
  const classes = await k
    .selectFrom('timelines')
    .select('visa_class')
    .distinct()
    .where('visa_class', 'is not', null)
    .execute();
  for (const { visa_class: written } of classes) {
    const canonical = written === null ? null : normaliseVisaClass(written);
    if (!canonical || canonical === written) continue;
    await k.updateTable('timelines').set({ visa_class: canonical }).where('visa_class', '=', written).execute();
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('cases').dropColumn('details_rejected_at').execute();
}
