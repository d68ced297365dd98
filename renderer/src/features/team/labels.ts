import { AUDIT_MODE_LABELS, AUDIT_STATUS_LABELS, AUDIT_TYPE_LABELS, TEAM_ROLE_LABELS } from '#shared/domain/audit';
import { RESULT_LABELS } from '#shared/domain/checklist';
import { FINDING_STATUS_LABELS, FINDING_TYPE_LABELS, VERIFICATION_METHOD_LABELS } from '#shared/domain/finding';
import type { RecordKind, TeamStatus } from '#shared/domain/team';

/** The kinds of record a package's counts are grouped by, as the preview's table names them. */
export const KIND_LABELS: Record<RecordKind, string> = {
  client: 'Client',
  audit: 'Audit',
  team: 'Team and assignments',
  checklist: 'Checklist items',
  interviews: 'Interviews',
  observations: 'Observations',
  documents: 'Documents reviewed',
  evidence: 'Evidence',
  findings: 'Findings',
  report: 'Report details',
  plan: 'Audit plan',
  meetings: 'Opening and closing meetings',
};

/** Column names of the logged tables in the words the forms use; others fall back to the column name. */
const FIELD_LABELS: Record<string, string> = {
  notes: 'Notes',
  result: 'Result',
  statement: 'Statement',
  evidence_text: 'Objective evidence',
  evidence: 'Evidence to look for',
  questions: 'Questions',
  title: 'Title',
  name: 'Name',
  email: 'E-mail',
  role: 'Role',
  address: 'Address',
  representative: 'Representative',
  scope: 'Scope statement',
  objectives: 'Objectives',
  criteria: 'Criteria',
  start_date: 'Planned start',
  end_date: 'Planned end',
  mode: 'Mode',
  status: 'Status',
  type: 'Type',
  assignee_id: 'Assigned to',
  sample_size: 'Sample size',
  minutes_spent: 'Time spent (minutes)',
  soa_applicable: 'Applicable (SoA)',
  soa_justification: 'SoA justification',
  soa_status: 'SoA implementation status',
  identifier: 'Identifier',
  description: 'Description',
  interviewee_name: 'Interviewee',
  interviewee_role: 'Interviewee’s role',
  department: 'Department',
  held_at: 'Held at',
  location: 'Location',
  observed_at: 'Observed at',
  revision: 'Revision',
  document_date: 'Document date',
  owner: 'Owner',
  original_name: 'File name',
  site_id: 'Site',
  verification_method: 'Verification method',
  verification_notes: 'Verification notes',
  verified_on: 'Verified on',
  correction: 'Correction',
  root_cause: 'Root cause',
  corrective_action: 'Corrective action',
  responsible: 'Responsible',
  correction_due: 'Correction due',
  action_due: 'Action due',
  decision: 'Decision',
  decision_comment: 'Decision comment',
  recommendation: 'Recommendation',
  reason: 'Reason',
  isms_documentation: 'ISMS documentation',
  places: 'Places audited',
  auditor_days: 'Auditor days',
  time_notes: 'Time notes',
  processes: 'Processes',
  deviations: 'Deviations from the plan',
  documents_summary: 'Documents summary',
  risk_assessment: 'Risk assessment',
  sampling: 'Sampling',
  conclusion_internal_audit: 'Conclusion: internal audit',
  conclusion_management_review: 'Conclusion: management review',
  conclusion_scope: 'Conclusion: scope',
  conclusion_objectives: 'Conclusion: objectives',
  certificate_mark_use: 'Use of certificate and marks',
  unresolved_issues: 'Unresolved issues',
  headcount: 'Headcount',
  phone: 'Phone',
};

export const fieldLabel = (field: string): string => FIELD_LABELS[field] ?? field;

/** Coded values shown in words: a result is "Minor nonconformity", not "minor_nc". */
const CODED: Record<string, Record<string, string>> = {
  result: RESULT_LABELS,
  mode: AUDIT_MODE_LABELS,
  verification_method: VERIFICATION_METHOD_LABELS,
};
const CODED_BY_TABLE: Record<string, Record<string, Record<string, string>>> = {
  audits: { type: AUDIT_TYPE_LABELS, status: AUDIT_STATUS_LABELS },
  audit_team: { role: TEAM_ROLE_LABELS },
  findings: { type: FINDING_TYPE_LABELS, status: FINDING_STATUS_LABELS },
};

/** Free-text fields: two versions of these can be combined into one text. */
const TEXT_FIELDS = new Set([
  'notes',
  'statement',
  'evidence_text',
  'evidence',
  'questions',
  'description',
  'scope',
  'objectives',
  'criteria',
  'soa_justification',
  'address',
  'processes',
  'verification_notes',
  'correction',
  'root_cause',
  'corrective_action',
  'decision_comment',
  'reason',
  'isms_documentation',
  'places',
  'time_notes',
  'deviations',
  'documents_summary',
  'risk_assessment',
  'sampling',
  'conclusion_internal_audit',
  'conclusion_management_review',
  'conclusion_scope',
  'conclusion_objectives',
  'certificate_mark_use',
  'unresolved_issues',
]);

export const isTextField = (field: string | null): boolean => field !== null && TEXT_FIELDS.has(field);

/** A candidate's value in words: coded values by their label, booleans as Yes/No, empty as "(empty)". */
export function valueInWords(table: string, field: string | null, value: unknown): string {
  if (value === null || value === undefined || value === '') return '(empty)';
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (typeof value === 'number') return String(value);
  if (typeof value !== 'string') return JSON.stringify(value);
  const codes = (field && (CODED_BY_TABLE[table]?.[field] ?? CODED[field])) || undefined;
  return codes?.[value] ?? value;
}

/**
 * A data folder (device) id, short enough to read out on the phone. Its end:
 * ids are UUID v7, whose first digits are the creation time, alike for
 * folders made the same day.
 */
export const shortId = (id: string): string => id.replace(/-/g, '').slice(-8);

/** The audit's place in its team, in one sentence. */
export function roleText(status: Pick<TeamStatus, 'role' | 'leadFolderId'>): string {
  if (status.role === 'lead') return 'You lead this audit’s team: this data folder sent it out.';
  if (status.role === 'member')
    return `Team copy — led from data folder ${shortId(status.leadFolderId ?? '')}. Return your work to the lead when you are done.`;
  return 'Solo: this audit has not been shared with a team yet.';
}
