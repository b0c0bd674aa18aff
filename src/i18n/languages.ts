/**
 * The languages ceac-watch speaks, and how a wish (a `--lang` flag, `LC_ALL`/`LANG`, an `Accept-Language` header)
 * becomes one of them.
 */
export const LANGUAGES = ['en', 'zh-CN', 'es'] as const;
export type Language = (typeof LANGUAGES)[number];

export const LANGUAGE_NAMES: Readonly<Record<Language, string>> = {
  en: 'English',
  'zh-CN': '简体中文',
  es: 'Español',
};

/**
 * The supported language closest to a tag: exact first ("zh-CN"), then by primary language ("es-MX" -> "es",
 * "zh", "zh-Hans", "zh_CN.UTF-8" -> "zh-CN"). Undefined when nothing fits.
 */
export function matchLanguage(tag: string | undefined): Language | undefined {
  if (!tag) return undefined;
  // POSIX locales look like zh_CN.UTF-8 or es_ES@euro; "C" and "POSIX" mean no preference.
  const cleaned = tag.trim().split(/[.@]/)[0]!.replace(/_/g, '-');
  if (cleaned === '' || cleaned === 'C' || cleaned === 'POSIX') return undefined;
  const lower = cleaned.toLowerCase();
  const exact = LANGUAGES.find((l) => l.toLowerCase() === lower);
  if (exact) return exact;
  const primary = lower.split('-')[0];
  if (primary === 'zh') return lower.includes('hant') || /-(tw|hk|mo)$/.test(lower) ? undefined : 'zh-CN';
  return LANGUAGES.find((l) => l.split('-')[0] === primary);
}

/** The language for a CLI command: `--lang` first, then LC_ALL, LC_MESSAGES and LANG (as gettext does), else English. */
export function languageFromEnv(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): Language {
  if (flag) return matchLanguage(flag) ?? 'en';
  for (const name of ['LC_ALL', 'LC_MESSAGES', 'LANG'] as const) {
    const value = env[name];
    if (value) return matchLanguage(value) ?? 'en';
  }
  return 'en';
}

/** Parses an Accept-Language header and returns the best supported language (by q-value, then order). */
export function languageFromAcceptLanguage(header: string | undefined): Language | undefined {
  if (!header) return undefined;
  const wishes = header
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)?.[1]).find(Boolean);
      return { tag: tag.trim(), q: q === undefined ? 1 : Number(q), index };
    })
    .filter((w) => w.tag !== '' && w.tag !== '*' && w.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const wish of wishes) {
    const language = matchLanguage(wish.tag);
    if (language) return language;
  }
  return undefined;
}
