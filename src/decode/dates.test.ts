import { describe, expect, it } from 'vitest';

import { parseCeacDate } from './dates.js';

describe('parseCeacDate', () => {
  it.each([
    ['28-Jul-2022', '2022-07-28'],
    ['1-Sep-2023', '2023-09-01'],
    ['01-SEPT-2023', '2023-09-01'],
    ['29-Feb-2024', '2024-02-29'],
    ['  05-aug-2022 ', '2022-08-05'],
    ['August 5, 2022', '2022-08-05'],
    ['Aug 5th 2022', '2022-08-05'],
    ['2022-8-5', '2022-08-05'],
  ])('%j -> %s', (input, iso) => {
    expect(parseCeacDate(input)).toBe(iso);
  });

  it.each([
    '29-Feb-2023',
    '32-Jan-2022',
    '28-Foo-2022',
    '05/08/2022',
    '2022-13-01',
    '',
    'yesterday',
    '28-Jul-1899',
    `${'1'.repeat(50)}-Jul-2022`,
  ])('%j is not a date', (input) => {
    expect(parseCeacDate(input)).toBeNull();
  });
});
