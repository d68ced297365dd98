import type { ApiError } from '#shared/api/result';
import { errorText } from '#shared/i18n/errors/render';
import { isLanguage, languageFromLocale, LANGUAGES, type Language } from '#shared/i18n/languages';
import { UserError } from './errors';

/** `--lang` / `--second-lang` of the export commands, as given on the command line. */
export interface LangOptions {
  lang?: string;
  secondLang?: string;
}

const LIST = LANGUAGES.join(', ');

/**
 * The export's language overrides: `--lang xx` writes in that language instead
 * of the audit's report language, `--second-lang xx` makes the report bilingual
 * and `--second-lang none` makes it one language. Absent: the audit's settings.
 */
export function exportLanguages(o: LangOptions): { language?: Language; secondLanguage?: Language | null } {
  const out: { language?: Language; secondLanguage?: Language | null } = {};
  if (o.lang !== undefined) {
    const lang = o.lang.toLowerCase();
    if (!isLanguage(lang)) throw new UserError(`Unknown language "${o.lang}": use ${LIST}. Nothing was written.`, 2);
    out.language = lang;
  }
  if (o.secondLang !== undefined) {
    const second = o.secondLang.toLowerCase();
    if (second === 'none') out.secondLanguage = null;
    else if (!isLanguage(second)) {
      throw new UserError(`Unknown language "${o.secondLang}": use ${LIST} or none. Nothing was written.`, 2);
    } else if (second === out.language) {
      throw new UserError('--second-lang must differ from --lang. Nothing was written.', 2);
    } else out.secondLanguage = second;
  }
  return out;
}

/** The language the CLI speaks: --lang when given, else the environment's locale (LC_ALL, LC_MESSAGES, LANG). */
export function cliLanguage(lang?: string): Language {
  if (lang !== undefined && isLanguage(lang.toLowerCase())) return lang.toLowerCase() as Language;
  const env = process.env;
  return languageFromLocale(env.LC_ALL || env.LC_MESSAGES || env.LANG);
}

/** A backend error in the reader's language: its key rendered when it has one, else its (English) message. */
export function localMessage(error: Pick<ApiError, 'message' | 'key' | 'params'>, language: Language): string {
  return error.key ? errorText(language, { key: error.key, params: error.params }) : error.message;
}
