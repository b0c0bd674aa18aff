import { describe, expect, it } from 'vitest';

import { WebhookPayload, webhookPayloadJsonSchema } from './payload.js';

describe('webhook payload schema', () => {
  it('is published as JSON Schema with the three message types', () => {
    const schema = webhookPayloadJsonSchema() as {
      oneOf?: { properties: { type: { const: string } } }[];
      anyOf?: unknown[];
    };
    const variants = schema.oneOf ?? (schema.anyOf as { properties: { type: { const: string } } }[]);
    expect(variants.map((v) => v.properties.type.const).sort()).toEqual(['digest', 'event', 'test']);
    expect(JSON.stringify(schema)).toContain('caseNumber');
  });

  it('rejects a body that does not follow it', () => {
    expect(WebhookPayload.safeParse({ version: 2, type: 'test', message: 'x' }).success).toBe(false);
    expect(WebhookPayload.safeParse({ version: 1, type: 'event', event: { id: 1 } }).success).toBe(false);
    // Every body carries the words people read and their language beside the English fields.
    expect(WebhookPayload.safeParse({ version: 1, type: 'test', message: 'hello' }).success).toBe(false);
    expect(
      WebhookPayload.safeParse({ version: 1, type: 'test', message: 'hi', lang: 'fr', text: 'salut' }).success,
    ).toBe(false);
    expect(
      WebhookPayload.safeParse({ version: 1, type: 'test', message: 'hello', lang: 'zh-CN', text: '你好' }).success,
    ).toBe(true);
  });
});
