export { type Catalog, type MessageKey, type MessageValue, type Msg, msg } from './catalog.js';
export {
  type Language,
  LANGUAGE_NAMES,
  languageFromAcceptLanguage,
  languageFromEnv,
  LANGUAGES,
  matchLanguage,
} from './languages.js';
export { createTranslator, english, loadCatalog, loadTranslator, type Translator } from './translator.js';
