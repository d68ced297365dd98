import { translator } from '#shared/i18n/instance';
import type { Language } from '#shared/i18n/languages';
import { SHARED_RESOURCES } from '#shared/i18n/resources';
import { REPORT_LOCALES } from './report/strings-en';

/**
 * The nonconformity list's own wording (DOCX) in one language, from the
 * `report` catalogue's ncList part; the grades, statuses and methods come from
 * the report's strings, so both documents name them alike. Dates are written
 * in the language's own style ("3 Apr 2026", "3. Apr. 2026"): the list is read
 * by the client and an assessor, not parsed (the XLSX carries real date cells).
 */
function buildNcListStrings(language: Language) {
  const t = translator(language);
  const c = SHARED_RESOURCES[language].report.ncList;
  const r = (key: string, params: Record<string, unknown>): string => t(`report:ncList.${key}`, params);
  return {
    title: c.title,
    header: (body: string, client: string, audit: string, number: string) =>
      [body, client, audit, r('reportNumber', { number })].filter((s) => s !== '').join(' · '),
    cols: Object.values(c.cols),
    none: c.none,
    issuedBy: (name: string, on: string) => r('issuedBy', { name, on }),
    /** Finding numbers carry the audit's prefix ("ST2-NC-01"), as wherever findings of several audits meet. */
    numbering: (example: string) => r('numbering', { example }),
    response: {
      ...c.response,
      received: (on: string) => r('response.received', { on }),
    },
    verification: {
      none: c.verification.none,
      /** Verification is recorded only when the correction and corrective action were found effective. */
      effective: (method: string) => r('verification.effective', { method }),
      by: (on: string, who: string) => r('verification.by', { on, who }),
    },
    notClosed: '—',
    date: (iso: string): string => {
      const d = new Date(`${iso.slice(0, 10)}T00:00:00Z`);
      if (!/^\d{4}-\d{2}-\d{2}/.test(iso) || Number.isNaN(d.getTime())) return iso;
      return new Intl.DateTimeFormat(REPORT_LOCALES[language], {
        day: 'numeric',
        month: 'short',
        year: 'numeric',
        timeZone: 'UTC',
      }).format(d);
    },
  };
}

export type NcListStrings = ReturnType<typeof buildNcListStrings>;

const cache = new Map<Language, NcListStrings>();

export function ncListStrings(language: Language): NcListStrings {
  let s = cache.get(language);
  if (!s) {
    s = buildNcListStrings(language);
    cache.set(language, s);
  }
  return s;
}
