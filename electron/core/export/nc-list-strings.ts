import type { REPORT_LANGUAGES } from '#shared/domain/branding';

type Language = (typeof REPORT_LANGUAGES)[number];

/**
 * The nonconformity list's own wording (DOCX), in the certification body's
 * language; the grades, statuses and methods come from the report's strings,
 * so both documents name them alike. Dates are written in the language's own
 * style ("3 Apr 2026"): the list is read by the client and an assessor, not
 * parsed (the XLSX carries real date cells for that).
 */
const NC_LIST_EN = {
  title: 'Nonconformity list',
  header: (body: string, client: string, audit: string, number: string) =>
    [body, client, audit, `Report ${number}`].filter((s) => s !== '').join(' · '),
  cols: [
    'Finding',
    'Grade',
    'Requirement',
    'Statement',
    'Objective evidence',
    'Status',
    "Client's response",
    'Due date',
    'Verification',
    'Closed on',
  ],
  none: 'No nonconformities were raised in this audit.',
  issuedBy: (name: string, on: string) => `Issued by ${name} on ${on}.`,
  /** Finding numbers carry the audit's prefix ("ST2-NC-01"), as wherever findings of several audits meet. */
  numbering: (example: string) =>
    `Findings are numbered with their audit's prefix (${example}), so that nonconformities of different audits of the certification cycle cannot be confused.`,
  response: {
    none: 'No response received yet.',
    received: (on: string) => `Received ${on}`,
    decision: { pending: 'under review', accepted: 'accepted', returned: 'returned for rework' },
    correction: 'Correction',
    rootCause: 'Root cause',
    correctiveAction: 'Corrective action',
    responsible: 'Responsible',
  },
  verification: {
    none: 'Not verified yet.',
    /** Verification is recorded only when the correction and corrective action were found effective. */
    effective: (method: string) => `Effective, ${method}`,
    by: (on: string, who: string) => `${on}, ${who}`,
  },
  notClosed: '—',
  date: (iso: string): string => {
    const d = new Date(`${iso.slice(0, 10)}T00:00:00Z`);
    if (!/^\d{4}-\d{2}-\d{2}/.test(iso) || Number.isNaN(d.getTime())) return iso;
    return new Intl.DateTimeFormat('en-GB', {
      day: 'numeric',
      month: 'short',
      year: 'numeric',
      timeZone: 'UTC',
    }).format(d);
  },
};

export type NcListStrings = typeof NC_LIST_EN;

const BY_LANGUAGE: Record<Language, NcListStrings> = { en: NC_LIST_EN };

export const ncListStrings = (language: Language): NcListStrings => BY_LANGUAGE[language];
