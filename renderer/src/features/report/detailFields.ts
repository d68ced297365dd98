import type { ReportDetailsInput } from '#shared/domain/report';

export type TextDetail = Exclude<keyof ReportDetailsInput, 'auditorDays'>;

export interface DetailGroup {
  /** The group's title: report:details.groups.<id>. */
  id: 'basis' | 'time' | 'examined' | 'conclusions' | 'other';
  /** Each field's label and help (what an assessor expects to find): report:details.fields.<key>. */
  fields: TextDetail[];
}

/** The report's own text, grouped as the report reads. */
export const DETAIL_GROUPS: DetailGroup[] = [
  { id: 'basis', fields: ['ismsDocumentation', 'processes'] },
  { id: 'time', fields: ['places', 'timeNotes', 'deviations'] },
  { id: 'examined', fields: ['documentsSummary', 'riskAssessment', 'sampling'] },
  {
    id: 'conclusions',
    fields: ['conclusionInternalAudit', 'conclusionManagementReview', 'conclusionScope', 'conclusionObjectives'],
  },
  { id: 'other', fields: ['certificateMarkUse', 'unresolvedIssues'] },
];
