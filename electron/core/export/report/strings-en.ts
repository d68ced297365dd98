import type { AuditType } from '#shared/domain/audit';
import type { FindingType } from '#shared/domain/finding';
import type { Recommendation } from '#shared/domain/programme';
import type { GateStage } from '#shared/rules/gates/gates';
import { translator } from '#shared/i18n/instance';
import { labelsIn } from '#shared/i18n/labels/index';
import type { Language } from '#shared/i18n/languages';
import { SHARED_RESOURCES } from '#shared/i18n/resources';

/** The locale whose conventions a report's dates follow (en-GB: day before month, as the reports always had). */
export const REPORT_LOCALES: Readonly<Record<Language, string>> = { en: 'en-GB', de: 'de-DE', fr: 'fr-FR' };

const cols = <T extends Record<string, string>>(o: T): string[] => Object.values(o);

/**
 * Every fixed word of the audit report and the nonconformity list in one
 * language, built from the `report` and `labels` catalogues (shared/i18n): the
 * builders take this object and never hard-code text. Sentences with values go
 * through i18next (`{{name}}` interpolation, `_one`/`_other` plurals); the
 * logic that joins parts stays here, the words in the catalogues.
 */
export function buildReportStrings(language: Language) {
  const t = translator(language);
  const c = SHARED_RESOURCES[language].report;
  const l = labelsIn(language);
  const locale = REPORT_LOCALES[language];
  const r = (key: string, params?: Record<string, unknown>): string => t(`report:${key}`, params ?? {});
  const joinAnd = (parts: readonly string[]): string =>
    parts.length <= 1 ? parts.join('') : `${parts.slice(0, -1).join(', ')} ${c.and} ${parts.at(-1) ?? ''}`;
  const decimal = (n: number) =>
    new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1, useGrouping: false }).format(n);
  return {
    language,
    labels: {
      auditType: { ...l.auditType, ...c.labels.auditType } satisfies Record<AuditType, string>,
      mode: l.auditMode,
      teamRole: l.teamRole,
      result: { ...l.result, ...c.labels.result },
      resultShort: c.labels.resultShort,
      findingType: l.findingType as Record<FindingType, string>,
      findingGrade: c.labels.findingGrade as Record<FindingType, string>,
      findingStatus: { ...l.findingStatus, ...c.labels.findingStatus },
      verificationMethod: c.labels.verificationMethod,
      recommendation: c.labels.recommendation satisfies Record<Recommendation, string>,
      surveillanceRecommendation: c.labels.surveillanceRecommendation,
      recertificationRecommendation: c.labels.recertificationRecommendation,
      stage1Recommendation: c.labels.stage1Recommendation,
    },
    cover: c.cover,
    contents: c.contents,
    /** Why the contents' page numbers read "4-1" (export/report/toc.ts): they need no field update, so signing keeps them right. */
    contentsNote: c.contentsNote,
    /** The contents' page for a section: its first page. */
    sectionStart: (section: number) => `${section}-1`,
    /** Footer text before the page number field: "Page 4-" then the page within the section. */
    sectionPage: (section: number) => r('sectionPage', { section }),
    /** The cover and contents, numbered i, ii… before section 1. */
    frontPage: c.frontPage,
    header: (body: string, number: string, version: number) =>
      `${body ? `${body} · ` : ''}${r('header', { number, version })}`,
    pageOf: [c.pageOf.before, c.pageOf.between] as const,
    notRecorded: c.notRecorded,
    none: c.none,
    yes: c.yes,
    no: c.no,
    /**
     * A calendar date as the report's language writes it. English keeps the
     * ISO form the reports always had (unambiguous for an international
     * reader); German and French use their own day-first numeric dates.
     */
    date: (iso: string): string => {
      if (language === 'en' || !/^\d{4}-\d{2}-\d{2}$/.test(iso)) return iso;
      const d = new Date(`${iso}T00:00:00Z`);
      if (Number.isNaN(d.getTime())) return iso;
      return new Intl.DateTimeFormat(locale, {
        day: '2-digit',
        month: '2-digit',
        year: 'numeric',
        timeZone: 'UTC',
      }).format(d);
    },
    dateRange: (from: string, to: string) => r('dateRange', { from, to }),

    details: {
      ...c.details,
      soaIntro: (version: string) => r('details.soaIntro', { version }),
      soaCols: cols(c.details.soaCols),
      siteCols: cols(c.details.siteCols),
      hours: (minutes: number) => r('details.hours', { hours: decimal(minutes / 60) }),
      teamCols: cols(c.details.teamCols),
    },

    approach: {
      ...c.approach,
      documentCols: cols(c.approach.documentCols),
      /** "1 interview and 1 on-site observation were recorded." — the verb agrees with the whole list. */
      recorded: (interviews: number, observations: number) => {
        const present = [
          { n: interviews, key: 'approach.interviews' },
          { n: observations, key: 'approach.observations' },
        ].filter((x) => x.n > 0);
        if (present.length === 0) return c.approach.recordedNone;
        const plural = present.length > 1 || (present[0]?.n ?? 0) > 1;
        const list = joinAnd(present.map((x) => r(x.key, { count: x.n })));
        return r(plural ? 'approach.recordedMany' : 'approach.recordedOne', { list });
      },
      interviewCols: cols(c.approach.interviewCols),
      person: (name: string, role: string, department: string) =>
        [name, [role, department].filter((x) => x !== '').join(', ')].filter((x) => x !== '').join('\n'),
      observationCols: cols(c.approach.observationCols),
      where: (site: string, location: string) => [site, location].filter((x) => x !== '').join('\n'),
      /** A local wall-clock time as recorded on site ("2026-03-14T09:30"), read as "2026-03-14 09:30". */
      when: (local: string) => local.replace('T', ' '),
      sampledCols: cols(c.approach.sampledCols),
    },

    meetings: {
      ...c.meetings,
      held: (kind: string, on: string) => r('meetings.held', { kind, on }),
      notHeld: (kind: string) => r('meetings.notHeld', { kind }),
      attendees: cols(c.meetings.attendees),
      acknowledgement: (by: string) => r('meetings.acknowledgement', { by }),
    },

    results: {
      ...c.results,
      countCols: cols(c.results.countCols),
      itemCols: cols(c.results.itemCols),
      /** "Clause 4 Context of the organization", "A.5 Organizational controls"; a Stage 1 topic group by its title. */
      groupTitle: (id: string, title: string, kind: 'clause' | 'theme' | 'topic') =>
        kind === 'clause' ? r('results.clauseTitle', { id, title }) : kind === 'theme' ? `${id} ${title}` : title,
    },

    findings: {
      ...c.findings,
      summaryCols: cols(c.findings.summaryCols),
      title: (number: string, type: string) => `${number} ${type}`,
      verified: (method: string, on: string, by: string) => r('findings.verified', { method, on, by }),
    },

    previous: {
      ...c.previous,
      prefix: (prefix: string, auditType: string) => `${prefix}: ${auditType}`,
      cols: cols(c.previous.cols),
    },

    photos: {
      ...c.photos,
      caption: (n: number, text: string, ref: string) => r('photos.caption', { n, text, ref }),
      cite: (n: number, ref: string) => r('photos.cite', { n, ref }),
      warnMissing: (name: string, ref: string) => r('photos.warnMissing', { name, ref }),
      warnUnreadable: (name: string, ref: string) => r('photos.warnUnreadable', { name, ref }),
      progress: (done: number, total: number) => r('photos.progress', { done, total }),
    },

    overrides: {
      ...c.overrides,
      stage: c.overrides.stage satisfies Record<GateStage, string>,
    },

    evidence: {
      heading: c.evidence.heading,
      intro: c.evidence.intro,
      cols: cols(c.evidence.cols),
      none: c.evidence.none,
      file: (name: string, ref: string, size: string) => `${name}\n${ref} · ${size}`,
      size: (bytes: number) =>
        bytes < 1024
          ? r('evidence.bytes', { count: bytes })
          : bytes < 1024 * 1024
            ? r('evidence.kilobytes', { size: decimal(bytes / 1024) })
            : r('evidence.megabytes', { size: decimal(bytes / 1024 / 1024) }),
      finding: (number: string) => r('evidence.finding', { number }),
      verification: (number: string) => r('evidence.verification', { number }),
      draftFinding: c.evidence.draftFinding,
      interview: (name: string) => r('evidence.interview', { name }),
      observation: (where: string) => r('evidence.observation', { where }),
      item: (requirement: string) => r('evidence.item', { requirement }),
      library: c.evidence.library,
    },

    conclusions: c.conclusions,
    recommendation: {
      ...c.recommendation,
      decidedBy: (by: string, on: string) =>
        r('recommendation.decidedBy', { by: by || c.recommendation.theLeadAuditor, on }),
    },
    further: c.further,
    markUse: c.markUse,
    unresolved: c.unresolved,
    confidentiality: c.confidentiality,
    signOff: c.signOff,
    provenance: {
      heading: c.provenance.heading,
      intro: c.provenance.intro,
      auditor: c.provenance.auditor,
      device: c.provenance.device,
      sha256: c.provenance.sha256,
      merged: c.provenance.merged,
      /**
       * The device id's last 8 hex digits, as the Team tab shows them, so the two can be compared (a UUID v7
       * starts with its creation time, alike for laptops set up the same day; it ends in random digits).
       */
      shortDevice: (id: string) => id.replace(/-/g, '').slice(-8),
      /** A signed document read anywhere: the time in UTC, said so. */
      when: (iso: string) => {
        const d = new Date(iso);
        if (Number.isNaN(d.getTime())) return iso;
        const f = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short', timeZone: 'UTC' });
        return r('provenance.utc', { when: f.format(d) });
      },
      conflicts: (n: number) => (n === 0 ? c.provenance.noConflicts : r('provenance.conflicts', { count: n })),
    },
    progress: c.progress,

    /**
     * A gap analysis (pre-assessment) is outside the certification cycle: its
     * report is titled and worded as such, its findings are gaps, and it makes
     * no recommendation (strings.ts lays these over the words above).
     */
    gapAnalysis: {
      ...c.gapAnalysis,
      findingType: c.gapAnalysis.findingType as Record<FindingType, string>,
    },
    /** Marks the auditor's own text in a bilingual report when it exists in one language only. */
    bilingual: {
      ...c.bilingual,
      /** Set on a bilingual report's merged strings (strings.ts bilingualStrings): the second language. */
      secondLanguage: null as Language | null,
    },
  };
}

export type ReportStrings = ReturnType<typeof buildReportStrings>;

/** The English report strings (kept for callers and tests that name English directly). */
export const STRINGS_EN: ReportStrings = buildReportStrings('en');
