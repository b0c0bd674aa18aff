import { describe, expect, it } from 'vitest';

import { intervalBudget, normaliseCaseNumber, sameCaseNumber, surnameForForm, validateCaseQuery } from './index.js';

describe('validateCaseQuery', () => {
  it.each([
    [
      { app: 'niv', location: 'bmb', id: ' aa00 20akax ' },
      { app: 'NIV', location: 'BMB', id: 'AA0020AKAX' },
    ],
    [
      { app: 'NIV', location: 'INDIA, MUMBAI', id: 'AA0020AKAX' },
      { app: 'NIV', location: 'BMB', id: 'AA0020AKAX' },
    ],
    [
      { app: 'NIV', location: 'Mumbai', id: 'AA0020AKAX', passport: 'z 4810-023', surname: "O'Sullivan" },
      { app: 'NIV', location: 'BMB', id: 'AA0020AKAX', passport: 'Z4810023', surname: 'OSULL' },
    ],
    [
      { app: 'IV', id: 'lma2020656002' },
      { app: 'IV', id: 'LMA2020656002' },
    ],
    [
      { app: 'IV', id: '2019AF000012345' },
      { app: 'IV', id: '2019AF12345' },
    ],
    [
      { app: 'IV', id: '2023EU0012345', surname: 'Müller', passport: 'NA' },
      { app: 'IV', id: '2023EU12345', surname: 'MULLE', passport: 'NA' },
    ],
  ])('accepts and normalises %j', (input, query) => {
    expect(validateCaseQuery(input)).toEqual({ ok: true, query });
  });

  it.each([
    [{ location: 'BMB', id: 'AA0020AKAX' }, 'app', /NIV .* or IV/],
    [{ app: 'B1', location: 'BMB', id: 'AA0020AKAX' }, 'app', /NIV/],
    [{ app: 'NIV', location: 'BMB', id: 'AB0020AKAX' }, 'id', /starting with AA, e\.g\. AA0020AKAX/],
    [{ app: 'NIV', location: 'BMB', id: 'LMA2020656002' }, 'id', /use the application type IV/],
    [{ app: 'IV', id: 'AA0020AKAX' }, 'id', /use the application type NIV/],
    [{ app: 'IV', id: '2023XX12345' }, 'id', /LMA2020656002.*2023EU0012345/],
    [{ app: 'NIV', id: 'AA0020AKAX' }, 'location', /needs the location/],
    [{ app: 'NIV', location: 'Atlantis', id: 'AA0020AKAX' }, 'location', /"Atlantis" is not one CEAC location/],
    [{ app: 'IV', location: 'BMB', id: 'LMA2020656002' }, 'location', /without a location/],
    [{ app: 'NIV', location: 'BMB', id: 'AA0020AKAX', passport: 'Z48!' }, 'passport', /letters and digits/],
    [{ app: 'NIV', location: 'BMB', id: 'AA0020AKAX', surname: 'R2D2' }, 'surname', /Latin letters/],
    [{ app: 'NIV', location: 'BMB', id: 12345 }, 'id', /must be text|missing/],
  ])('refuses %j, naming %s', (input, field, message) => {
    const r = validateCaseQuery(input);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const e = r.errors.find((x) => x.field === field);
    expect(e?.message).toMatch(message);
  });

  it('suggests posts for a near miss', () => {
    const r = validateCaseQuery({ app: 'NIV', location: 'Mum', id: 'AA0020AKAX' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]!.message).toMatch(/did you mean .*Mumbai, India \(BMB\)/);
  });

  it('never repeats a passport number or surname in its messages', () => {
    const r = validateCaseQuery({
      app: 'NIV',
      location: 'BMB',
      id: 'AA0020AKAX',
      passport: 'SECRET#99',
      surname: 'Sm1th',
    });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(JSON.stringify(r.errors)).not.toMatch(/SECRET|Sm1th/i);
  });
});

describe('case numbers', () => {
  it('compares as CEAC does: case, spaces and DV zeros ignored', () => {
    expect(normaliseCaseNumber('2019af000012345')).toBe('2019AF12345');
    expect(sameCaseNumber('aa00 20akax', 'AA0020AKAX')).toBe(true);
    expect(sameCaseNumber('2019AF000012345', '2019AF12345')).toBe(true);
    expect(sameCaseNumber('AA0020AKAX', 'AA0020AKAY')).toBe(false);
    expect(surnameForForm('de la Cruz')).toBe('DELAC');
  });
});

describe('intervalBudget', () => {
  it('hands out one request per interval, in arrival order', async () => {
    const budget = intervalBudget(40);
    const started = Date.now();
    const order: number[] = [];
    await Promise.all([0, 1, 2, 3].map((i) => budget.acquire().then(() => order.push(i))));
    expect(order).toEqual([0, 1, 2, 3]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(115);
  });
  it('refuses a negative interval', () => {
    expect(() => intervalBudget(-1)).toThrow(/>= 0/);
  });
});
