export { type Catalog, type MessageKey, type MessageValue, msg, type Msg } from './catalog.js';
export {
  type Language,
  LANGUAGE_NAMES,
  LANGUAGES,
  languageFromAcceptLanguage,
  languageFromEnv,
  matchLanguage,
} from './languages.js';
export { createTranslator, english, loadCatalog, loadTranslator, type Translator } from './translator.js';
