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
 * Case-insensitive through the NOCASE indexes on ref and number (migration 12;
 * migration 19 adds the item's id to them, so each part reads its index alone);
 * the prefix is a range, ['8.', '8/'), as '/' follows '.'.
 */
export const REQUIREMENT_ITEMS = `SELECT id FROM checklist_items WHERE ref = @req COLLATE NOCASE
    UNION ALL SELECT id FROM checklist_items WHERE number = @req COLLATE NOCASE
    UNION ALL SELECT id FROM checklist_items WHERE ref >= (@req || '.') COLLATE NOCASE AND ref < (@req || '/') COLLATE NOCASE`;

/**
 * The findings citing those items: each item looked up once in finding_items
 * (whose index on item_id carries the finding's id since migration 19). What
 * a count needs, and a page of a requirement few findings cite.
 */
const REQUIREMENT_MATCH = `f.id IN (SELECT fi.finding_id FROM (${REQUIREMENT_ITEMS}) m
    CROSS JOIN finding_items fi ON fi.item_id = m.id)`;

/**
 * The same test for one finding, on its own few items: what a page walking the
 * findings in order asks of each (a requirement many findings cite, "A.5", is
 * met within a few hundred findings, where finding every citing item would
 * read tens of thousands).
 */
const REQUIREMENT_OF_FINDING = `EXISTS (SELECT 1 FROM finding_items fi CROSS JOIN checklist_items ci ON ci.id = fi.item_id
    WHERE fi.finding_id = f.id AND (ci.ref = @req COLLATE NOCASE OR ci.number = @req COLLATE NOCASE
      OR (ci.ref >= (@req || '.') COLLATE NOCASE AND ci.ref < (@req || '/') COLLATE NOCASE)))`;

export interface FindingFilters {
  /** Conditions to AND together (none: every finding). */
  where: string[];
  params: Record<string, string | number>;
  /** A requirement narrows to a few findings found through their items, not by walking the audits. */
  byRequirement: boolean;
  /** A condition reads the audit (`a`): its client, or its dates for "overdue". */
  readsAudit: boolean;
}

/**
 * `today` is the date "overdue" is judged against (the caller's, or the machine's local date).
 * `requirementBy`: 'items' finds the findings a requirement's items are cited by, 'finding' tests each finding.
 */
export function findingFilters(
  q: FindingListQuery,
  today: string,
  requirementBy: 'items' | 'finding' = 'items',
): FindingFilters {
  const where: string[] = [];
  const params: Record<string, string | number> = {};
  // The finding's own column: a count of one audit's findings then needs no audit row.
  if (q.auditId) {
    where.push('f.audit_id = @auditId');
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
    where.push(requirementBy === 'items' ? REQUIREMENT_MATCH : REQUIREMENT_OF_FINDING);
    params.req = req;
  }
  // Only an open or accepted nonconformity can be late: said outright, the status and type indexes narrow it.
  if (q.overdue === true)
    where.push(`f.status IN ('open', 'response_accepted') AND f.type IN ('major', 'minor') AND ${LATE}`);
  if (q.overdue === false) where.push(`${OVERDUE} = 0`);
  if (q.overdue !== undefined) params.today = today;
  return {
    where,
    params,
    byRequirement: Boolean(req),
    readsAudit: Boolean(q.clientId) || q.overdue !== undefined,
  };
}
