import { readFileSync } from 'node:fs';

import { describe, expect, it } from 'vitest';

import { findLocation, locationByCode, LOCATIONS, searchLocations } from './locations.js';

const csv = readFileSync(new URL('../../docs/ceac-locations.csv', import.meta.url), 'utf8')
  .trim()
  .split(/\r?\n/)
  .slice(1)
  .map((line) => {
    const m = /^([A-Z]{3}),(?:"(.*)"|(.*))$/.exec(line);
    if (!m) throw new Error(`bad csv line ${line}`);
    return { code: m[1]!, name: (m[2] ?? m[3])! };
  });

describe('LOCATIONS', () => {
  it('holds all 228 posts of the CEAC list, with CEAC spelling', () => {
    expect(LOCATIONS).toHaveLength(228);
    expect(LOCATIONS.map((l) => ({ code: l.code, name: l.name }))).toEqual(csv);
  });

  it('gives every post a valid IANA zone', () => {
    for (const l of LOCATIONS) {
      expect(() => new Intl.DateTimeFormat('en', { timeZone: l.timeZone }), `${l.code} ${l.timeZone}`).not.toThrow();
      expect(l.timeZone).toMatch(/^[A-Z][A-Za-z_-]+\/[A-Za-z_/-]+$/);
    }
  });

  it.each([
    ['BMB', 'Asia/Kolkata'],
    ['VAC', 'America/Vancouver'],
    ['CLG', 'America/Edmonton'],
    ['PRT', 'Australia/Perth'],
    ['KDU', 'Asia/Kathmandu'],
    ['TJT', 'America/Tijuana'],
    ['HER', 'America/Hermosillo'],
    ['VLA', 'Asia/Vladivostok'],
    ['DPT', 'America/New_York'],
    ['RCF', 'America/Recife'],
  ])('%s is in %s', (code, zone) => {
    expect(locationByCode(code)?.timeZone).toBe(zone);
  });

  it('has readable display names', () => {
    expect(locationByCode('BMB')?.displayName).toBe('Mumbai, India');
    expect(locationByCode('KGL')?.displayName).toBe('Kigali, Rwanda');
    expect(locationByCode('ABJ')?.displayName).toBe("Abidjan, Côte d'Ivoire");
    expect(locationByCode('RDJ')?.displayName).toBe('Rio de Janeiro, Brazil');
    expect(locationByCode('HNK')?.displayName).toBe('Hong Kong');
    for (const l of LOCATIONS) expect(l.displayName).not.toMatch(/[`]|^[A-Z ,]+$/);
  });
});

describe('findLocation', () => {
  it.each([
    ['BMB', 'BMB'],
    ['bmb', 'BMB'],
    ['INDIA, MUMBAI', 'BMB'],
    ['india,mumbai', 'BMB'],
    ['Mumbai', 'BMB'],
    ['  mumbai  ', 'BMB'],
    ['Mumbai, India', 'BMB'],
    ['Bombay', 'BMB'],
    ['U.S. Consulate General Vancouver', 'VAC'],
    ['U.S. Embassy New Delhi', 'NWD'],
    ['Kenya', 'NRB'],
    ['Kigali', 'KGL'],
    ['cote d`ivorie, abidjan', 'ABJ'],
    ['Mexico City', 'MEX'],
    ['Ho Chi Minh City', 'HCM'],
  ])('%j -> %s', (query, code) => {
    expect(findLocation(query)?.code).toBe(code);
  });

  it.each(['India', 'Mexico', 'Mum', '', 'Atlantis', '   '])('%j is ambiguous or unknown', (query) => {
    expect(findLocation(query)).toBeUndefined();
  });
});

describe('searchLocations', () => {
  it('lists the posts of a country and the prefixes of a city', () => {
    expect(
      searchLocations('India')
        .map((l) => l.code)
        .sort(),
    ).toEqual(['BMB', 'CLC', 'HYD', 'MDR', 'NWD']);
    expect(searchLocations('Mum')[0]?.code).toBe('BMB');
    expect(searchLocations('sao', 3).map((l) => l.code)).toContain('SPL');
  });

  it('puts an exact code first and respects the limit', () => {
    expect(searchLocations('LND')[0]?.code).toBe('LND');
    expect(searchLocations('a', 4)).toHaveLength(4);
    expect(searchLocations('zzzz')).toEqual([]);
  });
});
