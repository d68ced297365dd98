import type { AuditMode, AuditType, TeamRole } from '#shared/domain/audit';
import type { ItemResult } from '#shared/domain/checklist';
import type { FindingStatus, FindingType, VerificationMethod } from '#shared/domain/finding';
import type { Recommendation } from '#shared/domain/programme';
import type { GateStage } from '#shared/rules/gates/gates';
import { countPhrase, recordedSentence } from '#shared/rules/gates/words';

/**
 * Every fixed word of the audit report and the nonconformity list, in English.
 * Written in our own words. Another language is another object of this type
 * (see strings.ts); the builders never hard-code text.
 */
export const STRINGS_EN = {
  labels: {
    auditType: {
      stage1: 'Stage 1',
      stage2: 'Stage 2',
      surveillance1: 'Surveillance 1',
      surveillance2: 'Surveillance 2',
      recertification: 'Recertification',
      special: 'Special audit',
      gap_analysis: 'Gap analysis (pre-assessment)',
    } satisfies Record<AuditType, string>,
    mode: { on_site: 'On-site', remote: 'Remote' } satisfies Record<AuditMode, string>,
    teamRole: {
      lead_auditor: 'Lead auditor',
      auditor: 'Auditor',
      technical_expert: 'Technical expert',
      observer: 'Observer',
    } satisfies Record<TeamRole, string>,
    result: {
      not_audited: 'Not audited',
      conforming: 'Conforming',
      ofi: 'Opportunity for improvement',
      minor_nc: 'Minor nonconformity',
      major_nc: 'Major nonconformity',
      not_applicable: 'Not applicable',
    } satisfies Record<ItemResult, string>,
    resultShort: {
      not_audited: 'Not audited',
      conforming: 'Conf.',
      ofi: 'OFI',
      minor_nc: 'Minor',
      major_nc: 'Major',
      not_applicable: 'N/A',
    } satisfies Record<ItemResult, string>,
    findingType: {
      major: 'Major nonconformity',
      minor: 'Minor nonconformity',
      ofi: 'Opportunity for improvement',
      positive: 'Good practice',
    } satisfies Record<FindingType, string>,
    findingGrade: { major: 'Major', minor: 'Minor', ofi: 'OFI', positive: 'Good practice' } satisfies Record<
      FindingType,
      string
    >,
    findingStatus: {
      draft: 'Draft',
      open: 'Open',
      response_received: 'Response received',
      response_accepted: 'Response accepted',
      verified: 'Verified as effective',
      closed: 'Closed',
    } satisfies Record<FindingStatus, string>,
    verificationMethod: { document_review: 'by document review', on_site: 'on site' } satisfies Record<
      VerificationMethod,
      string
    >,
    recommendation: {
      recommend: 'The audit team recommends certification.',
      after_action_plans:
        'The audit team recommends certification once the corrective action plans for the minor nonconformities have been accepted.',
      not_recommended:
        'The audit team does not recommend certification until the major nonconformities have been corrected and the corrections verified.',
    } satisfies Record<Recommendation, string>,
    surveillanceRecommendation: {
      recommend: 'The audit team recommends that certification be maintained.',
      after_action_plans:
        'The audit team recommends that certification be maintained once the corrective action plans for the minor nonconformities have been accepted.',
      not_recommended:
        'The audit team does not recommend maintaining certification until the major nonconformities have been corrected and the corrections verified.',
    } satisfies Record<Recommendation, string>,
    recertificationRecommendation: {
      recommend: 'The audit team recommends that certification be renewed.',
      after_action_plans:
        'The audit team recommends that certification be renewed once the corrective action plans for the minor nonconformities have been accepted.',
      not_recommended:
        'The audit team does not recommend renewing certification until the major nonconformities have been corrected and the corrections verified.',
    } satisfies Record<Recommendation, string>,
    stage1Recommendation: {
      recommend: 'The audit team concludes that the organisation is ready for the Stage 2 audit.',
      after_action_plans:
        'The audit team concludes that the organisation is ready for the Stage 2 audit once the areas of concern have an accepted action plan.',
      not_recommended:
        'The audit team concludes that the organisation is not yet ready for the Stage 2 audit; the areas of concern must be addressed first.',
    } satisfies Record<Recommendation, string>,
  },

  cover: {
    title: 'Audit report',
    reportNumber: 'Report number',
    version: 'Version',
    status: 'Status',
    issued: 'Issued',
    draft: 'Draft, not issued',
    client: 'Organisation audited',
    audit: 'Audit',
    dates: 'Audit dates',
    standard: 'Standard',
    produced: 'Document produced on',
  },
  contents: 'Contents',
  /** Why the contents' page numbers read "4-1" (export/report/toc.ts): they need no field update, so signing keeps them right. */
  contentsNote:
    'Pages are numbered within each section: page 4-2 is the second page of section 4. Every section starts on a new page, so the page numbers here are fixed when the document is written and stay right in any viewer.',
  /** The contents' page for a section: its first page. */
  sectionStart: (section: number) => `${section}-1`,
  /** Footer text before the page number field: "Page 4-" then the page within the section. */
  sectionPage: (section: number) => `Page ${section}-`,
  /** The cover and contents, numbered i, ii… before section 1. */
  frontPage: 'Page ',
  header: (body: string, number: string, version: number) =>
    `${body ? `${body} · ` : ''}Report ${number} · Version ${version}`,
  pageOf: ['Page ', ' of '] as const,
  notRecorded: 'Not recorded.',
  none: 'None.',
  yes: 'Yes',
  no: 'No',

  details: {
    heading: 'Audit details',
    body: 'Certification body',
    client: 'Client',
    clientName: 'Organisation',
    address: 'Address',
    representative: 'Representative',
    contacts: 'Contacts',
    accreditation: 'Accreditation',
    website: 'Website',
    auditHeading: 'Audit type and objectives',
    auditType: 'Type of audit',
    objectives: 'Objectives',
    criteriaHeading: 'Audit criteria',
    standard: 'Standard audited against',
    isms: "The organisation's ISMS documentation",
    soa: 'Statement of Applicability version',
    soaNone: 'No Statement of Applicability was imported.',
    soaHeading: 'Controls excluded by the Statement of Applicability',
    soaIntro: (version: string) =>
      `The organisation's Statement of Applicability (version ${version}) excludes the Annex A controls below, with the justification it gives for each. Excluded controls were outside what this audit had to cover.`,
    soaCols: ['Control', 'Title', 'Justification for the exclusion'],
    soaNoExclusions: 'The Statement of Applicability excludes no Annex A control.',
    soaNotImported:
      'No Statement of Applicability was imported into this audit, so no exclusions of Annex A controls are on record.',
    soaNoJustification: 'No justification given in the Statement of Applicability.',
    criteria: 'Further criteria',
    checklist: 'Checklist used',
    scopeHeading: 'Scope, sites and processes',
    scope: 'Scope of certification',
    processes: 'Processes and functions covered',
    sites: 'Sites in the audit',
    siteCols: ['Site', 'Address', 'Headcount', 'Processes'],
    noSites: 'No sites were assigned to this audit.',
    whenHeading: 'Dates, places and time spent',
    dates: 'Dates',
    mode: 'How the audit was held',
    places: 'Dates and places',
    days: 'Time spent (auditor-days)',
    minutes: 'Time booked against checklist items',
    hours: (minutes: number) => `${(minutes / 60).toFixed(1)} hours`,
    timeNotes: 'Notes on time',
    teamHeading: 'Audit team',
    teamCols: ['Name', 'Role'],
    deviationsHeading: 'Deviations from the audit plan',
  },

  approach: {
    heading: 'How the audit was carried out',
    documentsHeading: 'Documents reviewed',
    documentCols: ['Document', 'Identifier', 'Revision'],
    /** "1 interview and 1 on-site observation were recorded." — the verb agrees with the whole list. */
    recorded: (interviews: number, observations: number) =>
      recordedSentence([
        { n: interviews, one: 'interview', many: 'interviews' },
        { n: observations, one: 'on-site observation', many: 'on-site observations' },
      ]) ?? 'No interviews or on-site observations were recorded.',
    recordsHeading: 'Interviews and on-site observations',
    interviewsHeading: 'Interviews',
    interviewCols: ['Person interviewed', 'Site', 'When', 'Audit team present', 'Requirements covered'],
    person: (name: string, role: string, department: string) =>
      [name, [role, department].filter((x) => x !== '').join(', ')].filter((x) => x !== '').join('\n'),
    observationsHeading: 'On-site observations',
    observationCols: ['Where', 'When', 'What was observed', 'Requirements covered'],
    where: (site: string, location: string) => [site, location].filter((x) => x !== '').join('\n'),
    /** A local wall-clock time as recorded on site ("2026-03-14T09:30"), read as "2026-03-14 09:30". */
    when: (local: string) => local.replace('T', ' '),
    riskHeading: 'Risk assessment and treatment',
    samplingHeading: 'Sampling',
    samplingStatement:
      'This audit examined a sample of the information available: records, people, sites and activities were selected, not checked in full. Nonconformities may therefore exist in areas that were not sampled, and the absence of a finding does not mean that a requirement is met everywhere.',
    sampledCols: ['Requirement', 'Sample size', 'Records selected'],
  },

  meetings: {
    heading: 'Opening and closing meetings',
    held: (kind: string, on: string) => `${kind}, held on ${on}`,
    notHeld: (kind: string) => `${kind}: not recorded.`,
    attendees: ['Attendee', 'Role', 'Organisation'],
    confirmed: 'Confirmed with the client',
    nothingConfirmed: 'Nothing recorded as confirmed.',
    findings: 'Findings presented',
    acknowledgement: (by: string) => `Acknowledged by ${by}`,
    notes: 'Notes',
    none: 'Not recorded',
  },

  results: {
    heading: 'Results',
    intro: 'Each requirement and control in the audit checklist, with the result the team recorded and its notes.',
    byClause: 'Results by clause (4 to 10)',
    byTheme: 'Results by Annex A theme',
    byTopic: 'Results by topic',
    countCols: ['Area', 'Items', 'Conf.', 'OFI', 'Minor', 'Major', 'N/A', 'Not audited'],
    itemCols: ['Ref', 'Requirement', 'Result', 'Notes'],
    /** "Clause 4 Context of the organization", "A.5 Organizational controls"; a Stage 1 topic group by its title. */
    groupTitle: (id: string, title: string, kind: 'clause' | 'theme' | 'topic') =>
      kind === 'clause' ? `Clause ${id} ${title}` : kind === 'theme' ? `${id} ${title}` : title,
    excluded: 'Excluded by the Statement of Applicability',
  },

  findings: {
    heading: 'Findings',
    summaryHeading: 'Summary of findings',
    summaryCols: ['No.', 'Type', 'Requirement', 'Status'],
    noFindings: 'No findings were issued in this audit.',
    ncHeading: 'Nonconformities',
    noNcs: 'No nonconformities were raised.',
    otherHeading: 'Good practice and opportunities for improvement',
    noOther: 'No good practice or opportunities for improvement were recorded.',
    title: (number: string, type: string) => `${number} ${type}`,
    type: 'Type',
    status: 'Status',
    requirement: 'Requirement',
    statement: 'Statement',
    evidence: 'Objective evidence',
    records: 'Records cited',
    photos: 'Photographs',
    attachments: 'Other attachments',
    site: 'Site',
    raised: 'Raised by',
    responseDue: 'Response due',
    response: 'Latest response from the organisation',
    correction: 'Correction',
    rootCause: 'Root cause',
    correctiveAction: 'Corrective action',
    responsible: 'Responsible',
    verification: 'Verification',
    verified: (method: string, on: string, by: string) => `Verified ${method} on ${on} by ${by}.`,
  },

  previous: {
    heading: 'Verification of previous findings',
    intro:
      'Findings of earlier audits in the certification cycle that were still open when this audit began. Their numbers carry the prefix of the audit that raised them, so that they cannot be mistaken for findings of this audit:',
    prefix: (prefix: string, auditType: string) => `${prefix}: ${auditType}`,
    none: 'No findings from earlier audits were carried into this audit.',
    cols: ['No.', 'From audit', 'Type', 'Statement', 'Status now', 'Verification'],
  },

  photos: {
    heading: 'Photographs',
    intro: 'Photographs taken as objective evidence. Each is referenced from the findings by its number.',
    caption: (n: number, text: string, ref: string) => `Photo ${n}: ${text} (evidence ${ref})`,
    cite: (n: number, ref: string) => `Photo ${n} (${ref})`,
    missing: 'The file of this photograph is missing from the evidence store.',
    unreadable: 'The file of this photograph could not be read as an image.',
    warnMissing: (name: string, ref: string) => `Evidence file missing: ${name} (${ref})`,
    warnUnreadable: (name: string, ref: string) => `Evidence file could not be read as an image: ${name} (${ref})`,
    progress: (done: number, total: number) => `Photos ${done} of ${total}`,
  },

  overrides: {
    heading: 'Decisions taken with completeness gaps open',
    intro:
      'Before the recommendation is recorded and before the report is issued, Fieldwork checks that the audit is complete. The lead auditor went ahead while the gaps below were open, and recorded why.',
    none: 'No decision on this audit was taken with completeness gaps open.',
    decision: 'Decision',
    stage: {
      recommend: "Recording the audit team's conclusion",
      issue: 'Issuing the report',
      close: 'Closing the audit',
    } satisfies Record<GateStage, string>,
    by: 'Taken by',
    on: 'On',
    gaps: 'Gaps open at the time',
    reason: 'Reason given',
  },

  evidence: {
    heading: 'Evidence files',
    intro:
      'Every file kept as evidence of this audit. The SHA-256 digest identifies a file exactly: compute it over a copy of the file (for example with sha256sum, or certutil -hashfile FILE SHA256 on Windows) and compare all 64 digits. The reference, E- and the first eight digits, is how findings and photographs cite the file.',
    cols: ['File', 'SHA-256', 'Supports'],
    none: 'No evidence files were added to this audit.',
    file: (name: string, ref: string, size: string) => `${name}\n${ref} · ${size}`,
    size: (bytes: number) =>
      bytes < 1024
        ? countPhrase(bytes, 'byte', 'bytes')
        : bytes < 1024 * 1024
          ? `${(bytes / 1024).toFixed(1)} KB`
          : `${(bytes / 1024 / 1024).toFixed(1)} MB`,
    finding: (number: string) => `Finding ${number}`,
    verification: (number: string) => `Verification of ${number}`,
    draftFinding: 'A draft finding (not in this report)',
    interview: (name: string) => `Interview with ${name}`,
    observation: (where: string) => `Observation: ${where}`,
    item: (requirement: string) => `Checklist: ${requirement}`,
    library: "The audit's evidence library",
  },

  conclusions: {
    heading: 'Conclusions',
    internalAudit: 'Internal audit',
    managementReview: 'Management review',
    scope: 'Appropriateness of the scope',
    objectives: 'Whether the audit objectives were met',
  },
  recommendation: {
    heading: 'Recommendation of the audit team',
    stage1Heading: 'Conclusion of the audit team: readiness for Stage 2',
    reasonGiven: 'The lead auditor recorded this reason with the decision:',
    suggestedOnly: 'No recommendation has been recorded yet. Based on the findings the suggestion is:',
    overridden: 'The lead auditor departed from the suggestion based on the findings, for this reason:',
    decidedBy: (by: string, on: string) => `Recorded by ${by || 'the lead auditor'} on ${on}.`,
    basis: 'Basis',
  },
  further: { heading: 'Marks, unresolved issues and confidentiality' },
  markUse: { heading: 'Use of certificates and marks' },
  unresolved: { heading: 'Unresolved issues' },
  confidentiality: {
    heading: 'Confidentiality',
    text: 'This report and the information gathered during the audit are confidential between the certification body and the audited organisation. They are not disclosed to others without the organisation’s written consent, unless the law requires it.',
  },
  signOff: {
    heading: 'Sign-off',
    intro: 'The lead auditor confirms that this report reflects the audit as carried out.',
    name: 'Lead auditor',
    role: 'Role',
    date: 'Date',
    fingerprint: 'Certificate fingerprint (SHA-256)',
    signatureNote:
      'This document carries a digital signature of the lead auditor. Any change to the file breaks the signature.',
    draft: 'Not issued — draft. This document is not signed and is not a valid audit report.',
  },
  provenance: {
    heading: 'Work merged from the audit team',
    intro:
      'Team members worked on their own copies of this audit and returned their work as signed packages. These returns were merged into this report; the SHA-256 identifies each package file exactly.',
    auditor: 'Auditor',
    device: 'Device',
    sha256: 'Package SHA-256',
    merged: 'Merged on',
    /**
     * The device id's last 8 hex digits, as the Team tab shows them, so the two can be compared (a UUID v7
     * starts with its creation time, alike for laptops set up the same day; it ends in random digits).
     */
    shortDevice: (id: string) => id.replace(/-/g, '').slice(-8),
    /** A signed document read anywhere: the time in UTC, said so. */
    when: (iso: string) => {
      const d = new Date(iso);
      if (Number.isNaN(d.getTime())) return iso;
      const f = new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeStyle: 'short', timeZone: 'UTC' });
      return `${f.format(d)} UTC`;
    },
    conflicts: (n: number) =>
      n === 0
        ? 'No conflicting changes needed a decision.'
        : `${n} conflict${n === 1 ? '' : 's'} between team members' changes ${n === 1 ? 'was' : 'were'} resolved.`,
  },
  progress: { collecting: 'Preparing', writing: 'Writing document' },

  /**
   * A gap analysis (pre-assessment) is outside the certification cycle: its
   * report is titled and worded as such, its findings are gaps, and it makes
   * no recommendation (strings.ts lays these over the words above).
   */
  gapAnalysis: {
    coverTitle: 'Pre-assessment report (gap analysis)',
    findingType: {
      major: 'Major gap',
      minor: 'Minor gap',
      ofi: 'Opportunity for improvement',
      positive: 'Good practice',
    } satisfies Record<FindingType, string>,
    findingGrade: { major: 'Major gap', minor: 'Minor gap' },
    result: { minor_nc: 'Minor gap', major_nc: 'Major gap' },
    approachHeading: 'How the pre-assessment was carried out',
    samplingStatement:
      'This pre-assessment examined a sample of the information available: records, people, sites and activities were selected, not checked in full. Gaps may therefore exist in areas that were not sampled, and the absence of a gap does not mean that a requirement is met everywhere.',
    findings: {
      heading: 'Gaps found',
      intro:
        'A pre-assessment shows the organisation where its management system does not yet meet the standard, before any certification audit. The gaps below are not nonconformities of a certification audit: they lead to no certification decision and need no corrective action plan from the certification body, but each is a point to address before Stage 1.',
      summaryHeading: 'Summary of gaps and other findings',
      noFindings: 'No gaps or other findings were recorded in this pre-assessment.',
      ncHeading: 'Gaps against the requirements',
      noNcs: 'No gaps against the requirements were found.',
    },
    conclusionsObjectives: 'Whether the pre-assessment objectives were met',
    signOffIntro: 'The lead auditor confirms that this report reflects the pre-assessment as carried out.',
    signOffDraft: 'Not issued — draft. This document is not signed and is not a valid pre-assessment report.',
    furtherHeading: 'Unresolved issues and confidentiality',
  },
};

export type ReportStrings = typeof STRINGS_EN;
