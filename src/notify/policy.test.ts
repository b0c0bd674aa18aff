import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import {
  backoffDelay,
  type ChannelRules,
  inQuietHours,
  nextLocalTime,
  parseEventKinds,
  parseQuietHours,
  releaseTime,
  routeEvent,
} from './policy.js';

const at = (iso: string) => Date.parse(iso);

describe('quiet hours', () => {
  const quiet = { start: '22:00', end: '07:00' };

  it('holds a 3 a.m. event in Toronto until 07:00 Toronto time', () => {
    // 2026-11-26 08:00Z is 03:00 in Toronto (EST, UTC-5).
    const t = at('2026-11-26T08:00:00Z');
    expect(inQuietHours(t, quiet, 'America/Toronto')).toBe(true);
    expect(new Date(releaseTime(t, quiet, 'America/Toronto')).toISOString()).toBe('2026-11-26T12:00:00.000Z');
  });

  it('lets the same instant through for someone in Berlin (09:00 there)', () => {
    const t = at('2026-11-26T08:00:00Z');
    expect(inQuietHours(t, quiet, 'Europe/Berlin')).toBe(false);
    expect(releaseTime(t, quiet, 'Europe/Berlin')).toBe(t);
  });

  it('treats the start as quiet and the end as not', () => {
    expect(inQuietHours(at('2026-11-26T22:00:00Z'), quiet, 'UTC')).toBe(true);
    expect(inQuietHours(at('2026-11-26T07:00:00Z'), quiet, 'UTC')).toBe(false);
    expect(inQuietHours(at('2026-11-26T06:59:00Z'), quiet, 'UTC')).toBe(true);
  });

  it('handles a window that does not cross midnight', () => {
    const lunch = { start: '12:00', end: '13:30' };
    expect(inQuietHours(at('2026-11-26T12:45:00Z'), lunch, 'UTC')).toBe(true);
    expect(inQuietHours(at('2026-11-26T23:00:00Z'), lunch, 'UTC')).toBe(false);
    expect(new Date(releaseTime(at('2026-11-26T12:45:00Z'), lunch, 'UTC')).toISOString()).toBe(
      '2026-11-26T13:30:00.000Z',
    );
  });

  it('releases at the local end even across a DST change in the night', () => {
    // Europe/Berlin leaves DST on 2026-10-25 at 03:00 local (01:00Z). 23:30 local on the 24th is 21:30Z;
    // 07:00 local on the 25th (CET, UTC+1) is 06:00Z: 8.5 wall hours but 9.5 real hours later.
    const t = at('2026-10-24T21:30:00Z');
    expect(new Date(releaseTime(t, quiet, 'Europe/Berlin')).toISOString()).toBe('2026-10-25T06:00:00.000Z');
  });

  it('nextLocalTime always lands on the asked local minute, within a day', () => {
    const zones = [
      'UTC',
      'America/Toronto',
      'Asia/Kolkata',
      'Europe/Berlin',
      'Australia/Adelaide',
      'America/Sao_Paulo',
    ];
    fc.assert(
      fc.property(
        fc.integer({ min: at('2026-01-01T00:00:00Z'), max: at('2027-12-31T00:00:00Z') }),
        fc.constantFrom(...zones),
        fc.integer({ min: 0, max: 23 }),
        fc.integer({ min: 0, max: 59 }),
        (t, zone, h, m) => {
          const hhmm = `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
          const next = nextLocalTime(t, hhmm, zone);
          expect(next).toBeGreaterThanOrEqual(t - 60_000);
          expect(next - t).toBeLessThanOrEqual(25 * 3_600_000);
          const shown = new Intl.DateTimeFormat('en-GB', {
            timeZone: zone,
            hour: '2-digit',
            minute: '2-digit',
            hourCycle: 'h23',
          }).format(next);
          // 02:xx is skipped on the night clocks go forward in these zones (it does not exist then);
          // every other asked time must be hit exactly.
          if (h !== 2) expect(shown).toBe(hhmm);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('parses and rejects quiet hour texts', () => {
    expect(parseQuietHours('22:00-07:00')).toEqual({ ok: true, quiet: { start: '22:00', end: '07:00' } });
    expect(parseQuietHours(' 9:30 - 11:00 ')).toEqual({ ok: true, quiet: { start: '09:30', end: '11:00' } });
    for (const bad of ['22-07', '25:00-07:00', '22:00', '10:00-10:00', '22:60-07:00']) {
      expect(parseQuietHours(bad).ok, bad).toBe(false);
    }
  });
});

describe('parseEventKinds', () => {
  it('expands aliases and keeps a stable order', () => {
    expect(parseEventKinds('text,status')).toEqual({ ok: true, kinds: ['status_changed', 'text_changed'] });
    expect(parseEventKinds('health')).toEqual({ ok: true, kinds: ['check_failing', 'check_recovered'] });
    expect(parseEventKinds('all')).toMatchObject({
      ok: true,
      kinds: expect.arrayContaining(['last_updated_changed', 'first_seen']),
    });
  });
  it('names the unknown word', () => {
    const r = parseEventKinds('status,bogus');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(/unknown event kind "bogus"/);
  });
});

describe('routeEvent', () => {
  const base: ChannelRules = {
    events: ['status_changed'],
    quiet: null,
    timeZone: 'UTC',
    digest: false,
    digestAt: '09:00',
  };
  const now = at('2026-11-26T15:00:00Z');

  it('sends status changes at once and skips kinds the channel did not choose', () => {
    expect(routeEvent('status_changed', base, now)).toEqual({ digest: false, nextAttemptAt: now, holdReason: null });
    expect(routeEvent('text_changed', base, now)).toBeNull();
    expect(routeEvent('last_updated_changed', base, now)).toBeNull();
  });

  it('sends last-updated-only changes to the next daily digest when the channel has one', () => {
    const r = routeEvent('last_updated_changed', { ...base, digest: true, timeZone: 'Asia/Kolkata' }, now);
    // 09:00 in Kolkata (UTC+5:30) next is 2026-11-27 03:30Z.
    expect(r).toEqual({ digest: true, nextAttemptAt: at('2026-11-27T03:30:00Z'), holdReason: 'digest' });
  });

  it('holds for quiet hours', () => {
    const r = routeEvent('status_changed', { ...base, quiet: { start: '14:00', end: '16:00' } }, now);
    expect(r).toEqual({ digest: false, nextAttemptAt: at('2026-11-26T16:00:00Z'), holdReason: 'quiet hours' });
  });
});

describe('backoffDelay', () => {
  it('doubles per try within [half, full] of the step and stops at the cap', () => {
    const opts = { baseMs: 1000, capMs: 60_000 };
    expect(backoffDelay(1, opts, () => 0)).toBe(500);
    expect(backoffDelay(1, opts, () => 1)).toBe(1000);
    expect(backoffDelay(4, opts, () => 0)).toBe(4000);
    expect(backoffDelay(4, opts, () => 0.999999)).toBeCloseTo(8000, -1);
    expect(backoffDelay(30, opts, () => 1)).toBe(60_000);
  });
  it('spreads retries: different random draws give different delays', () => {
    const delays = new Set(Array.from({ length: 50 }, () => backoffDelay(3)));
    expect(delays.size).toBeGreaterThan(40);
  });
});
