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
