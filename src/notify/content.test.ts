import { describe, expect, it } from 'vitest';

import { loadTranslator } from '../i18n/translator.js';
import { type CaseFacts, type EventFacts, maskLast4, renderDigest, renderEvent, renderTest } from './content.js';
import { WebhookPayload } from './payload.js';

const CASE: CaseFacts = {
  id: 9,
  label: 'AA0012345678 (dad)',
  group_name: null,
  case_number: 'AA0012345678',
  app_type: 'NIV',
  location: 'BMB',
};
const obs = (status: string, updated: string) =>
  JSON.stringify({
    status,
    caseNumber: 'AA0012345678',
    caseCreated: '2026-10-01',
    caseLastUpdated: updated,
    post: 'U.S. Consulate General Mumbai',
    message: 'Text for AA0012345678.',
  });
const EVENT: EventFacts = {
  id: 77,
  case_id: 9,
  kind: 'status_changed',
  at: Date.parse('2026-11-26T06:12:34Z'),
  from_json: obs('Refused', '2026-11-01'),
  to_json: obs('Approved', '2026-11-25'),
  interpretation_json: JSON.stringify({
    state: 'approved',
    variant: 'approved',
    finality: 'final_positive',
    confidence: 0.8,
    headline: 'Approved',
    meaning: 'The visa was approved.',
    nextSteps: ['Wait for the passport'],
    watchFor: [],
    sources: [],
    notes: [],
  }),
  detail_json: null,
};

describe('notification content', () => {
  it('masks the case number to its last 4 everywhere, even inside the label and the status text', () => {
    expect(maskLast4('AA0012345678')).toBe('********5678');
    expect(maskLast4('1234')).toBe('****');
    const n = renderEvent(EVENT, CASE, null);
    for (const text of [n.title, n.text, n.html, JSON.stringify(n.payload)]) {
      expect(text).not.toContain('AA0012345678');
      expect(text).toContain('5678');
    }
    expect(n.title).toBe('********5678 (dad) (********5678): Refused → Approved');
  });

  it('says previous → new status, the decoded meaning, next steps, dates and the link', () => {
    const n = renderEvent(EVENT, { ...CASE, label: 'Dad' }, 'https://watch.example.org/');
    expect(n.text).toBe(
      [
        'Case: Dad (********5678), BMB',
        'Refused → Approved',
        '',
        'Approved',
        'The visa was approved.',
        '',
        'Next steps:',
        '- Wait for the passport',
        '',
        'CEAC shows, in English (the authoritative text): Approved — Text for ********5678.',
        '',
        'Case Created: Oct 1, 2026',
        'Case Last Updated: Nov 25, 2026',
        // In the post's zone (Mumbai), named, so the time is never ambiguous.
        'Seen: Nov 26, 2026, 11:42 GMT+5:30',
        'Open: https://watch.example.org/cases/9',
      ].join('\n'),
    );
    expect(n.priority).toBe('high');
    expect(n.idempotencyKey).toBe('ceac-watch-event-77');
    expect(WebhookPayload.parse(n.payload)).toEqual(n.payload);
  });

  it('escapes status text in HTML mail', () => {
    const hostile = {
      ...EVENT,
      interpretation_json: JSON.stringify({
        ...JSON.parse(EVENT.interpretation_json!),
        meaning: '<script>alert(1)</script>',
      }),
    };
    const n = renderEvent(hostile, CASE, null);
    expect(n.html).not.toContain('<script>');
    expect(n.html).toContain('&#60;script&#62;');
  });

  it('tells a health alarm with its reason, and a digest with one line per case', () => {
    const failing = renderEvent(
      {
        ...EVENT,
        kind: 'check_failing',
        from_json: null,
        to_json: null,
        interpretation_json: null,
        detail_json: JSON.stringify({ outcome: 'blocked', message: 'CEAC blocked us', failures: 9 }),
      },
      CASE,
      null,
    );
    expect(failing.title).toMatch(/Checks are failing$/);
    expect(failing.text).toContain('Last error: CEAC blocked us');
    const digest = renderDigest(
      [{ event: { ...EVENT, kind: 'last_updated_changed' }, case: { ...CASE, label: 'Dad' } }],
      'k',
      null,
    );
    expect(digest.title).toBe('Daily digest: 1 "Case Last Updated" change');
    expect(digest.text).toContain('- Dad (********5678): Approved: Case Last Updated moved Nov 1, 2026 → Nov 25, 2026');
  });
});

const AP_TEXT = 'Your case is undergoing necessary administrative processing. Once it is complete, we will notify you.';
const AP_EVENT: EventFacts = {
  ...EVENT,
  to_json: JSON.stringify({ ...JSON.parse(obs('Administrative Processing', '2026-11-25')), message: AP_TEXT }),
  interpretation_json: JSON.stringify({
    state: 'administrative_processing',
    variant: 'administrative_processing',
    finality: 'in_progress',
    confidence: 0.9,
    headline: 'Stored English headline',
    meaning: 'Stored English meaning.',
    nextSteps: ['Stored English step'],
    watchFor: [],
    sources: [],
    notes: [],
  }),
};
const reminder = (detail: object): EventFacts => ({
  ...EVENT,
  kind: 'reminder',
  from_json: null,
  to_json: null,
  interpretation_json: null,
  detail_json: JSON.stringify({
    message: '221(g) documents due: 2026-03-04 (in 7 days); 12 months after the slip date 2025-03-04.',
    date: '2026-03-04',
    source: 'INA 203(e)',
    ...detail,
  }),
});

describe("notification content in the reader's language", () => {
  it("says a status change in Chinese, with CEAC's words verbatim in English, and keeps the webhook fields English", async () => {
    const t = await loadTranslator('zh-CN');
    const n = renderEvent(AP_EVENT, { ...CASE, label: 'Dad' }, null, { t });
    expect(n.title).toBe('Dad (********5678)：状态变化：Refused → Administrative Processing');
    expect(n.text).toContain('案件：Dad (********5678)，BMB');
    expect(n.text).toContain('行政审查');
    expect(n.text).toContain('下一步：');
    expect(n.text).toContain(`CEAC 显示的英文原文（以英文为准）：Administrative Processing — ${AP_TEXT}`);
    expect(n.text).toContain('"Case Last Updated"（最后更新日期）：2026年11月25日');
    // The decoded words are Chinese, not the stored English; no English frame words are left.
    expect(n.text).not.toContain('Stored English');
    for (const english of ['Next steps', 'Case:', 'Seen:', 'Case Created:']) expect(n.text).not.toContain(english);
    const payload = WebhookPayload.parse(n.payload);
    if (payload.type !== 'event') throw new Error(`expected an event, got ${payload.type}`);
    expect(payload.lang).toBe('zh-CN');
    expect(payload.text).toBe(n.text);
    expect(payload.event.kind).toBe('status_changed');
    expect(payload.event.interpretation?.headline).toBe('Stored English headline');
    expect(payload.event.to?.status).toBe('Administrative Processing');
  });

  it("says it in Spanish, marking CEAC's text as English in the HTML too", async () => {
    const t = await loadTranslator('es');
    const n = renderEvent(AP_EVENT, CASE, 'https://watch.example.org', { t });
    expect(n.text).toContain('Cambio de estado: Refused → Administrative Processing');
    expect(n.text).toContain('Próximos pasos:');
    expect(n.text).toContain(`CEAC muestra, en inglés (el texto que vale): Administrative Processing — ${AP_TEXT}`);
    expect(n.text).toContain('Abrir: https://watch.example.org/cases/9');
    expect(n.html).toContain('<div lang="es">');
    expect(n.html).toContain(`<q lang="en">Administrative Processing — ${AP_TEXT}</q>`);
    expect(n.html).toContain('>Abrir el caso</a>');
  });

  it("gives times in the post's zone, else the channel's, always named", async () => {
    const t = await loadTranslator('es');
    expect(renderEvent(EVENT, CASE, null, { t, timeZone: 'Asia/Shanghai' }).text).toContain(
      'Visto: 26 nov 2026, 11:42 GMT+5:30',
    );
    expect(renderEvent(EVENT, { ...CASE, location: null }, null, { t, timeZone: 'Asia/Shanghai' }).text).toContain(
      'Visto: 26 nov 2026, 14:12 GMT+8',
    );
    expect(renderEvent(EVENT, { ...CASE, location: null }, null, { t }).text).toContain(
      'Visto: 26 nov 2026, 06:12 UTC',
    );
  });

  it('counts days in a reminder with plurals, and keeps a reminder stored without its facts in English', async () => {
    const es = await loadTranslator('es');
    const zh = await loadTranslator('zh-CN');
    const facts = { kind: 'documents_due_221g', daysBefore: 7 };
    expect(renderEvent(reminder(facts), CASE, null, { t: es }).title).toContain(
      'Recordatorio: Vence el plazo para entregar los documentos de la 221(g): 4 mar 2026 (dentro de 7 días)',
    );
    expect(renderEvent(reminder({ ...facts, daysBefore: 1 }), CASE, null, { t: es }).title).toContain('(mañana)');
    expect(renderEvent(reminder({ ...facts, daysBefore: 0 }), CASE, null, { t: zh }).title).toContain('（今天）');
    expect(renderEvent(reminder(facts), CASE, null, { t: zh }).text).toContain('依据：');
    // Written before reminders kept their facts: the sentence stays as it was recorded.
    expect(renderEvent(reminder({}), CASE, null, { t: es }).title).toContain(
      'Recordatorio: 221(g) documents due: 2026-03-04 (in 7 days)',
    );
    expect(renderEvent(reminder(facts), CASE, null).title).toContain('Reminder: 221(g) documents due: 2026-03-04');
  });

  it('tells a clearance wave from its facts, and counts a digest with plurals', async () => {
    const es = await loadTranslator('es');
    const wave: EventFacts = {
      ...reminder({}),
      kind: 'clearance_wave',
      detail_json: JSON.stringify({
        message: '7 F1 cases at Beijing, China that had waited 30–90 days cleared on 2025-06-10; yours has waited 47.',
        date: '2025-06-10',
        source: null,
        post: 'BEJ',
        visaClass: 'F1',
        count: 7,
        minWait: 30,
        maxWait: 90,
        waited: 47,
      }),
    };
    const n = renderEvent(wave, CASE, null, { t: es });
    expect(n.title).toContain(
      'Ola de casos resueltos: 7 casos F1 en Beijing, China que habían esperado 30–90 días se resolvieron el 10 jun 2025; el suyo lleva 47 días esperando.',
    );
    expect(n.text).toContain('no dice nada seguro sobre el suyo');
    const item = { event: { ...EVENT, kind: 'last_updated_changed' as const }, case: CASE };
    expect(renderDigest([item], 'k', null, { t: es }).title).toBe('Resumen diario: 1 cambio de "Case Last Updated"');
    expect(renderDigest([item, item], 'k', null, { t: es }).title).toBe(
      'Resumen diario: 2 cambios de "Case Last Updated"',
    );
    expect(renderDigest([item, item], 'k', null).title).toBe('Daily digest: 2 "Case Last Updated" changes');
  });

  it("sends a test message in the language, with the webhook's message in English", async () => {
    const n = renderTest('mi teléfono', await loadTranslator('es'));
    expect(n.title).toBe('Notificación de prueba de ceac-watch');
    expect(n.payload).toMatchObject({
      type: 'test',
      lang: 'es',
      message: 'Test notification for channel "mi teléfono": ceac-watch can reach you here.',
      text: 'Notificación de prueba para el canal "mi teléfono": ceac-watch puede avisarle por aquí.',
    });
  });
});
