import type { AuditType } from '#shared/domain/audit';
import { LANGUAGES, type Language } from '#shared/i18n/languages';
import { buildReportStrings, type ReportStrings } from './strings-en';

const BY_LANGUAGE = new Map<Language, ReportStrings>(LANGUAGES.map((lng) => [lng, buildReportStrings(lng)]));

/** The fixed texts of a report in one language (the audit's report language, or a CLI --lang). */
export const reportStrings = (language: Language): ReportStrings =>
  BY_LANGUAGE.get(language) ?? buildReportStrings(language);

/**
 * The texts for one audit type: a gap analysis (pre-assessment) report is
 * titled and worded as one, its findings called gaps (the language's
 * `gapAnalysis` words laid over the usual ones); other types as they are.
 */
export function stringsForAudit(s: ReportStrings, type: AuditType): ReportStrings {
  if (type !== 'gap_analysis') return s;
  const g = s.gapAnalysis;
  return {
    ...s,
    labels: {
      ...s.labels,
      findingType: g.findingType,
      findingGrade: { ...s.labels.findingGrade, ...g.findingGrade },
      result: { ...s.labels.result, ...g.result },
    },
    cover: { ...s.cover, title: g.coverTitle },
    approach: { ...s.approach, heading: g.approachHeading, samplingStatement: g.samplingStatement },
    findings: { ...s.findings, ...g.findings },
    conclusions: { ...s.conclusions, objectives: g.conclusionsObjectives },
    signOff: { ...s.signOff, intro: g.signOffIntro, draft: g.signOffDraft },
    further: { heading: g.furtherHeading },
  };
}

/** Functions that lay out or format values rather than word them: a bilingual report keeps the first language's. */
const STRUCTURAL: readonly (readonly string[])[] = [
  ['language'],
  ['sectionStart'],
  ['sectionPage'],
  ['frontPage'],
  ['header'],
  ['pageOf'],
  ['date'],
  ['dateRange'],
  ['approach', 'person'],
  ['approach', 'where'],
  ['approach', 'when'],
  ['findings', 'title'],
  ['previous', 'prefix'],
  ['evidence', 'file'],
  ['provenance', 'shortDevice'],
  ['provenance', 'when'],
];

function both(a: unknown, b: unknown, path: readonly string[]): unknown {
  if (STRUCTURAL.some((p) => p.length === path.length && p.every((x, i) => x === path[i]))) return a;
  if (typeof a === 'string' && typeof b === 'string') return a === b ? a : `${a} / ${b}`;
  if (typeof a === 'function' && typeof b === 'function') {
    const fa = a as (...args: unknown[]) => unknown;
    const fb = b as (...args: unknown[]) => unknown;
    return (...args: unknown[]) => both(fa(...args), fb(...args), []);
  }
  if (Array.isArray(a) && Array.isArray(b)) return a.map((x, i) => both(x, b[i], [...path, String(i)]));
  if (a !== null && typeof a === 'object' && b !== null && typeof b === 'object') {
    const o = b as Record<string, unknown>;
    return Object.fromEntries(Object.entries(a).map(([k, v]) => [k, both(v, o[k], [...path, k])]));
  }
  return a;
}

/**
 * A bilingual report's words: each fixed text in both languages, first / second
 * ("Feststellungen / Constats"), so a reader of either finds their language in
 * the same place. Page furniture and value formats (dates, page numbers) follow
 * the first language. The auditor's own texts are not ours to translate: they
 * appear once, as written, and the cover says so in both languages (`bilingual.note`).
 */
export function bilingualStrings(first: ReportStrings, second: ReportStrings): ReportStrings {
  const merged = both(first, second, []) as ReportStrings;
  // The auditor's texts under these labels exist in one language only: said beside each, in both languages.
  const once = (label: string) => `${label} ${merged.bilingual.oneLanguageOnly}`;
  return {
    ...merged,
    findings: {
      ...merged.findings,
      statement: once(merged.findings.statement),
      evidence: once(merged.findings.evidence),
    },
    meetings: { ...merged.meetings, notes: once(merged.meetings.notes) },
    // The results tables' last column holds the team's notes per item.
    results: {
      ...merged.results,
      itemCols: merged.results.itemCols.map((c, i, all) => (i === all.length - 1 ? once(c) : c)),
    },
    bilingual: { ...merged.bilingual, secondLanguage: second.language },
  };
}

/** The report's strings for a model: its language, the audit type's wording, and a second language if bilingual. */
export function stringsForModel(m: {
  language: Language;
  secondLanguage?: Language | null | undefined;
  audit: { type: AuditType };
}): ReportStrings {
  const first = stringsForAudit(reportStrings(m.language), m.audit.type);
  if (!m.secondLanguage || m.secondLanguage === m.language) return first;
  return bilingualStrings(first, stringsForAudit(reportStrings(m.secondLanguage), m.audit.type));
}
