import type { ReportDetailsInput } from '#shared/domain/report';

export type TextDetail = Exclude<keyof ReportDetailsInput, 'auditorDays'>;

export interface DetailField {
  key: TextDetail;
  label: string;
  /** What to write, in a sentence: the helper text under the field. */
  help: string;
}

export interface DetailGroup {
  title: string;
  fields: DetailField[];
}

/** The report's own text, grouped as the report reads; the help says what an assessor expects to find. */
export const DETAIL_GROUPS: DetailGroup[] = [
  {
    title: 'Audit basis',
    fields: [
      {
        key: 'ismsDocumentation',
        label: 'ISMS documentation',
        help: 'The client documents the audit was held against: policy, ISMS manual, risk method, SoA version and date.',
      },
      {
        key: 'processes',
        label: 'Processes covered',
        help: 'Which processes, functions and locations were looked at during this audit.',
      },
    ],
  },
  {
    title: 'Time and places',
    fields: [
      {
        key: 'places',
        label: 'Dates and places',
        help: 'Which site or remote session on which day, e.g. "3 March: Hamburg HQ (on site)".',
      },
      {
        key: 'timeNotes',
        label: 'Time notes',
        help: 'Anything about the time spent: reductions, extra days, time lost, remote share.',
      },
      {
        key: 'deviations',
        label: 'Deviations from the plan',
        help: 'What differed from the audit plan (people unavailable, sites swapped, topics moved) and why.',
      },
    ],
  },
  {
    title: 'What was examined',
    fields: [
      {
        key: 'documentsSummary',
        label: 'Documents reviewed summary',
        help: 'A short overview of the documented information reviewed; the detailed list comes from the Documents tab.',
      },
      {
        key: 'riskAssessment',
        label: 'Risk assessment and treatment',
        help: 'How you checked the risk assessment and treatment: method, samples of risks followed through to controls.',
      },
      {
        key: 'sampling',
        label: 'Sampling',
        help: 'What was sampled and how. The report always says the audit relied on samples; describe them here.',
      },
    ],
  },
  {
    title: 'Conclusions',
    fields: [
      {
        key: 'conclusionInternalAudit',
        label: 'Internal audit',
        help: 'Is the internal audit programme planned and carried out effectively? Give the basis for your view.',
      },
      {
        key: 'conclusionManagementReview',
        label: 'Management review',
        help: 'Did top management review the ISMS with the required inputs, and are the outputs acted on?',
      },
      {
        key: 'conclusionScope',
        label: 'Scope',
        help: 'Is the certification scope still appropriate for what the client does and where?',
      },
      {
        key: 'conclusionObjectives',
        label: 'Audit objectives',
        help: 'Were the objectives of this audit met? If not, say which and what follows.',
      },
    ],
  },
  {
    title: 'Other matters',
    fields: [
      {
        key: 'certificateMarkUse',
        label: 'Certificate and mark use',
        help: 'How the client uses the certificate and marks (website, letterheads), and whether that use is correct.',
      },
      {
        key: 'unresolvedIssues',
        label: 'Unresolved issues',
        help: 'Points where the team and the client did not agree, or questions still open at the closing meeting.',
      },
    ],
  },
];
