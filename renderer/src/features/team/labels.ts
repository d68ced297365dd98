import type { RecordKind, TeamStatus } from '#shared/domain/team';
import { i18n } from '../../i18n/instance';
import { codedLabel } from '../../lib/codedValues';

/** The kinds of record a package's counts are grouped by, as the preview's table names them (team:kind.*). */
export const kindLabel = (kind: RecordKind): string => i18n.t(`team:kind.${kind}`);

/** Column names of the logged tables in the words the forms use (team:field.*); others fall back to the column name. */
export const fieldLabel = (field: string): string =>
  field !== '' && i18n.exists(`team:field.${field}`) ? i18n.t(`team:field.${field}`) : field;

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

/** A candidate's value in words: coded values by their label (lib/codedValues), booleans as Yes/No, empty as "(empty)". */
export function valueInWords(table: string, field: string | null, value: unknown): string {
  if (value === null || value === undefined || value === '') return i18n.t('team:value.empty');
  if (typeof value === 'boolean') return i18n.t(value ? 'team:value.yes' : 'team:value.no');
  if (typeof value === 'number') return String(value);
  if (typeof value !== 'string') return JSON.stringify(value);
  return codedLabel(table, field, value) ?? value;
}

/**
 * A data folder (device) id, short enough to read out on the phone. Its end:
 * ids are UUID v7, whose first digits are the creation time, alike for
 * folders made the same day.
 */
export const shortId = (id: string): string => id.replace(/-/g, '').slice(-8);

/** The audit's place in its team, in one sentence. */
export function roleText(status: Pick<TeamStatus, 'role' | 'leadFolderId'>): string {
  if (status.role === 'lead') return i18n.t('team:role.lead');
  if (status.role === 'member') return i18n.t('team:role.member', { folder: shortId(status.leadFolderId ?? '') });
  return i18n.t('team:role.solo');
}
