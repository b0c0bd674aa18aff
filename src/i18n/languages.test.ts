import { describe, expect, it } from 'vitest';

import { languageFromAcceptLanguage, languageFromEnv, matchLanguage } from './languages.js';

describe('matchLanguage', () => {
  it.each([
    ['zh-CN', 'zh-CN'],
    ['zh', 'zh-CN'],
    ['zh-Hans-CN', 'zh-CN'],
    ['zh_CN.UTF-8', 'zh-CN'],
    ['es', 'es'],
    ['es-MX', 'es'],
    ['es_ES@euro', 'es'],
    ['EN-us', 'en'],
    ['zh-TW', undefined],
    ['zh-Hant', undefined],
    ['fr-FR', undefined],
    ['C', undefined],
    ['POSIX', undefined],
    ['', undefined],
  ])('%s -> %s', (tag, expected) => {
    expect(matchLanguage(tag)).toBe(expected);
  });
});

describe('languageFromEnv', () => {
  it('takes the flag first, then LC_ALL, LC_MESSAGES and LANG, else English', () => {
    expect(languageFromEnv('es', { LANG: 'zh_CN.UTF-8' })).toBe('es');
    expect(languageFromEnv(undefined, { LC_ALL: 'zh_CN.UTF-8', LANG: 'es_ES.UTF-8' })).toBe('zh-CN');
    expect(languageFromEnv(undefined, { LC_MESSAGES: 'es_AR.UTF-8', LANG: 'zh_CN.UTF-8' })).toBe('es');
    expect(languageFromEnv(undefined, { LANG: 'es_ES.UTF-8' })).toBe('es');
    expect(languageFromEnv(undefined, { LANG: 'fr_FR.UTF-8' })).toBe('en');
    expect(languageFromEnv(undefined, { LANG: 'C.UTF-8' })).toBe('en');
    expect(languageFromEnv(undefined, {})).toBe('en');
  });
});

describe('languageFromAcceptLanguage', () => {
  it.each([
    ['zh-CN,zh;q=0.9,en;q=0.8', 'zh-CN'],
    ['fr-FR,fr;q=0.9,es;q=0.8,en;q=0.7', 'es'],
    ['en;q=0.5, es;q=0.9', 'es'],
    ['de, fr', undefined],
    ['es;q=0, en', 'en'],
    ['*', undefined],
    ['', undefined],
    [undefined, undefined],
  ])('%s -> %s', (header, expected) => {
    expect(languageFromAcceptLanguage(header)).toBe(expected);
  });
});
