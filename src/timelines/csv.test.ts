import { describe, expect, it } from 'vitest';

import { readCsv } from './csv.js';

const read = (text: string) => [...readCsv(text)].map((r) => [r.line, r.fields]);

describe('readCsv', () => {
  it.each([
    [
      'plain LF',
      'a,b\nc,d\n',
      [
        [1, ['a', 'b']],
        [2, ['c', 'd']],
      ],
    ],
    [
      'CRLF, CR and LF mixed, no final newline',
      'a,b\r\nc,d\re,f\ng,h',
      [
        [1, ['a', 'b']],
        [2, ['c', 'd']],
        [3, ['e', 'f']],
        [4, ['g', 'h']],
      ],
    ],
    [
      'a BOM is not part of the first field',
      '\ufeffname,x\n1,2\n',
      [
        [1, ['name', 'x']],
        [2, ['1', '2']],
      ],
    ],
    [
      'blank lines are no record, but count as lines',
      'a\n\n\r\nb\n',
      [
        [1, ['a']],
        [4, ['b']],
      ],
    ],
    ['quoted commas and doubled quotes', '"x, y","say ""hi""",z\n', [[1, ['x, y', 'say "hi"', 'z']]]],
    // The record that holds a line break starts on its first line; the next one starts after it.
    [
      'a quoted field over three lines',
      'h\n"one\ntwo\r\nthree",2\nnext\n',
      [
        [1, ['h']],
        [2, ['one\ntwo\r\nthree', '2']],
        [5, ['next']],
      ],
    ],
    ['empty fields', ',,\n', [[1, ['', '', '']]]],
    ['a stray quote inside a field is text', 'a,b"c\n', [[1, ['a', 'b"c']]]],
    ['a quote left open reads to the end', 'a,"b\nc\n', [[1, ['a', 'b\nc\n']]]],
  ])('%s', (_name, text, expected) => {
    expect(read(text)).toEqual(expected);
  });
});
