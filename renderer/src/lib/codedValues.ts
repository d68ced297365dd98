import { i18n } from '../i18n/instance';

/**
 * Columns whose values are codes, by table, and the shared labels map (labels:<map>.<code>) that words them: a
 * result is "Minor nonconformity", not "minor_nc". Read by the team's conflict cards and a finding's history.
 */
const CODED: Record<string, string> = {
  result: 'result',
  mode: 'auditMode',
  verification_method: 'verificationMethod',
};
const CODED_BY_TABLE: Record<string, Record<string, string>> = {
  audits: { type: 'auditType', status: 'auditStatus' },
  audit_team: { role: 'teamRole' },
  findings: { type: 'findingType', status: 'findingStatus' },
};

/** A coded value of `table`.`field` in words of the UI language, or null when it is not a code the catalogue knows. */
export function codedLabel(table: string, field: string | null, value: string): string | null {
  const map = field ? (CODED_BY_TABLE[table]?.[field] ?? CODED[field]) : undefined;
  if (!map) return null;
  const key = `labels:${map}.${value}`;
  return i18n.exists(key) ? i18n.t(key) : null;
}
