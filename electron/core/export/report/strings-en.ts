import type { AuditMode, AuditType, TeamRole } from '#shared/domain/audit';
import type { ItemResult } from '#shared/domain/checklist';
import type { FindingStatus, FindingType, VerificationMethod } from '#shared/domain/finding';
import type { Recommendation } from '#shared/domain/programme';
import { recordedSentence } from '#shared/rules/gates/words';

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
  tocHint: 'If the page numbers are missing, right-click the table and choose Update Field.',
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
    interviewCols: ['Person', 'Role', 'Department', 'When'],
    riskHeading: 'Risk assessment and treatment',
    samplingHeading: 'Sampling',
    samplingStatement:
      'This audit examined a sample of the information available: records, people, sites and activities were selected, not checked in full. Nonconformities may therefore exist in areas that were not sampled, and the absence of a finding does not mean that a requirement is met everywhere.',
    sampledCols: ['Requirement', 'Sample size', 'Records selected'],
  },

  results: {
    heading: 'Results',
    intro: 'Each requirement and control in the audit checklist, with the result the team recorded and its notes.',
    byClause: 'Results by clause (4 to 10)',
    byTheme: 'Results by Annex A theme',
    byTopic: 'Results by topic',
    countCols: ['Area', 'Items', 'Conf.', 'OFI', 'Minor', 'Major', 'N/A', 'Not audited'],
    itemCols: ['Ref', 'Requirement', 'Result', 'Notes'],
    groupTitle: (id: string, title: string) => (/^[0-9A]/.test(id) ? `${id} ${title}` : title),
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
    intro: 'Findings of earlier audits in the certification cycle that were still open when this audit began.',
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

  ncList: {
    title: 'Nonconformity list',
    header: (body: string, client: string, audit: string, number: string) =>
      [body, client, audit, `Report ${number}`].filter((s) => s !== '').join(' · '),
    cols: [
      'No.',
      'Grade',
      'Requirement',
      'Statement',
      'Objective evidence',
      'Correction',
      'Root cause',
      'Corrective action',
      'Responsible',
      'Due date',
    ],
    none: 'No nonconformities were raised in this audit.',
    issuedBy: (name: string, on: string) => `Issued by ${name} on ${on}.`,
  },
};

export type ReportStrings = typeof STRINGS_EN;
