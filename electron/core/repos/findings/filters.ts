import type { FindingListQuery } from '#shared/domain/finding';

/**
 * The nonconformity lists' filters in SQL, one builder for the full list
 * (findings.list) and the paged one (findings.page). The SQL reads the finding
 * as `f` and its audit as `a`.
 */

/**
 * The response days counted from the closing meeting (or the last day), in
 * SQL like responseDue() in shared/rules: SQLite's date() adds days in UTC too.
 */
const DUE = `date(coalesce(a.closing_meeting_date, a.end_date),
  '+' || (CASE f.type WHEN 'major' THEN a.response_days_major ELSE a.response_days_minor END) || ' days')`;

/**
 * The action date of the last accepted response (what isOverdue() checks once a
 * plan is accepted); migration 13's index answers it without reading the rows.
 */
export const ACCEPTED_ACTION_DUE = `(SELECT r.action_due FROM finding_responses r
  WHERE r.finding_id = f.id AND r.decision = 'accepted' ORDER BY r.created_at DESC, r.rowid DESC LIMIT 1)`;

/** isOverdue() in SQL for an open or accepted nonconformity (the two ways to be late). */
const LATE = `((f.status = 'open' AND @today > ${DUE})
  OR (f.status = 'response_accepted' AND @today > ${ACCEPTED_ACTION_DUE}))`;

/** isOverdue() in SQL for any finding; 0 or 1, never NULL. */
const OVERDUE = `coalesce(f.type IN ('major', 'minor') AND ${LATE}, 0)`;

/**
 * "8.5", "A.5.15" and "5.15" all find their item: a query matches an item's
 * ref or its number exactly, or its ref as a prefix of whole parts ("A.5"
 * finds every A.5 control, "8" every clause 8 requirement but no A.8 control).
 * Case-insensitive through the NOCASE indexes on ref and number (migration 12);
 * the prefix is a range, ['8.', '8/'), as '/' follows '.'.
 */
const REQUIREMENT_MATCH = `f.id IN (SELECT fi.finding_id FROM finding_items fi WHERE fi.item_id IN (
    SELECT id FROM checklist_items WHERE ref = @req COLLATE NOCASE
    UNION ALL SELECT id FROM checklist_items WHERE number = @req COLLATE NOCASE
    UNION ALL SELECT id FROM checklist_items WHERE ref >= (@req || '.') COLLATE NOCASE AND ref < (@req || '/') COLLATE NOCASE))`;

export interface FindingFilters {
  /** Conditions to AND together (none: every finding). */
  where: string[];
  params: Record<string, string | number>;
  /** A requirement narrows to a few findings found through their items, not by walking the audits. */
  byRequirement: boolean;
}

/** `today` is the date "overdue" is judged against (the caller's, or the machine's local date). */
export function findingFilters(q: FindingListQuery, today: string): FindingFilters {
  const where: string[] = [];
  const params: Record<string, string | number> = {};
  if (q.auditId) {
    where.push('a.id = @auditId');
    params.auditId = q.auditId;
  }
  if (q.clientId) {
    where.push('a.client_id = @clientId');
    params.clientId = q.clientId;
  }
  if (q.status && q.status.length > 0) {
    where.push('f.status IN (SELECT value FROM json_each(@status))');
    params.status = JSON.stringify(q.status);
  }
  if (q.type && q.type.length > 0) {
    where.push('f.type IN (SELECT value FROM json_each(@type))');
    params.type = JSON.stringify(q.type);
  }
  const req = q.requirement?.trim().replace(/\.$/, '');
  if (req) {
    where.push(REQUIREMENT_MATCH);
    params.req = req;
  }
  // Only an open or accepted nonconformity can be late: said outright, the status and type indexes narrow it.
  if (q.overdue === true)
    where.push(`f.status IN ('open', 'response_accepted') AND f.type IN ('major', 'minor') AND ${LATE}`);
  if (q.overdue === false) where.push(`${OVERDUE} = 0`);
  if (q.overdue !== undefined) params.today = today;
  return { where, params, byRequirement: Boolean(req) };
}
