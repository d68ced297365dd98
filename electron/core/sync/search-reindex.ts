import type { Db } from '../db/open';
import { stmt } from '../db/statements';

/**
 * The search index of the rows a merge wrote. While a merge applies rows the
 * index triggers are silent (migrations 11 and 16): row by row they cost most of
 * a large merge. Here the same entries are made set-wise, one table at a time.
 * Title, body and audit are the expressions of the triggers (migrations 3, 11
 * and 16), over the row `t`; a change there must change them here
 * (tests/unit/search/findings-samples.test.ts compares the two).
 */
interface Searched {
  kind: string;
  title: string;
  body: string;
  /** The audit the entry belongs to. */
  audit: string;
}

/** An audit type's short prefix ("ST2" of "ST2-NC-01"), as shared/rules/gates/cycle.ts and migration 16 have it. */
const prefix = (type: string) =>
  `(CASE ${type} WHEN 'stage1' THEN 'ST1' WHEN 'stage2' THEN 'ST2' WHEN 'surveillance1' THEN 'SV1' ` +
  `WHEN 'surveillance2' THEN 'SV2' WHEN 'recertification' THEN 'RC' WHEN 'special' THEN 'SP' ` +
  `WHEN 'gap_analysis' THEN 'GA' ELSE 'AU' END)`;

/** A finding's title: its number plain and prefixed, then its type in words (migration 16). */
const findingTitle = (f: string, auditType: string) =>
  `coalesce(${f}.number || ' ' || ${prefix(auditType)} || '-' || ${f}.number || ' ', '') || ` +
  `CASE ${f}.type WHEN 'major' THEN 'Major nonconformity' WHEN 'minor' THEN 'Minor nonconformity' ` +
  `WHEN 'ofi' THEN 'Opportunity for improvement' ELSE 'Good practice' END`;

const SEARCHED: Readonly<Record<string, Searched>> = {
  checklist_items: {
    kind: 'checklist_item',
    title: "t.number || ' ' || t.title",
    body: 't.notes',
    audit: 't.audit_id',
  },
  interviews: {
    kind: 'interview',
    title: "t.interviewee_name || ' ' || t.interviewee_role || ' ' || t.department",
    body: 't.notes',
    audit: 't.audit_id',
  },
  observations: { kind: 'observation', title: 't.location', body: 't.description', audit: 't.audit_id' },
  documents_reviewed: {
    kind: 'document',
    title: "t.title || ' ' || t.identifier || ' ' || t.revision",
    body: "t.owner || ' ' || t.notes",
    audit: 't.audit_id',
  },
  evidence: { kind: 'evidence', title: 't.original_name', body: 't.description', audit: 't.audit_id' },
  findings: {
    kind: 'finding',
    title: findingTitle('t', '(SELECT a.type FROM audits a WHERE a.id = t.audit_id)'),
    body: "t.statement || ' ' || t.evidence_text",
    audit: 't.audit_id',
  },
  checklist_samples: {
    kind: 'sample',
    title: 't.identifier',
    body: 't.description',
    audit: '(SELECT i.audit_id FROM checklist_items i WHERE i.id = t.item_id)',
  },
};

/** Ids as one JSON array: one bound parameter however many rows. */
const IDS = '(SELECT value FROM json_each(?))';

/** Re-indexes these rows (inserted or updated; ids no longer in their table are skipped) of searched tables. */
export function reindexSearch(db: Db, written: ReadonlyMap<string, readonly string[]>): void {
  for (const [table, ids] of written) {
    const s = SEARCHED[table];
    if (!s || ids.length === 0) continue;
    const list = JSON.stringify(ids);
    stmt(db, `DELETE FROM search_index WHERE rowid IN (SELECT rowid FROM search_docs WHERE record_id IN ${IDS})`).run(
      list,
    );
    stmt(
      db,
      `INSERT OR IGNORE INTO search_docs (record_id, kind, audit_id) SELECT t.id, '${s.kind}', ${s.audit} FROM ${table} t WHERE t.id IN ${IDS}`,
    ).run(list);
    stmt(
      db,
      `INSERT INTO search_index (rowid, title, body)
       SELECT d.rowid, ${s.title}, ${s.body} FROM ${table} t JOIN search_docs d ON d.record_id = t.id WHERE t.id IN ${IDS}`,
    ).run(list);
  }
  // An audit whose type changed re-titles its findings ("ST1-NC-01" became "ST2-NC-01"), as migration 16's trigger does.
  const audits = written.get('audits');
  if (audits && audits.length > 0) {
    stmt(
      db,
      `UPDATE search_index SET title = (SELECT ${findingTitle('f', 'a.type')} FROM search_docs d
         JOIN findings f ON f.id = d.record_id JOIN audits a ON a.id = f.audit_id WHERE d.rowid = search_index.rowid)
       WHERE rowid IN (SELECT rowid FROM search_docs WHERE kind = 'finding' AND audit_id IN ${IDS})`,
    ).run(JSON.stringify(audits));
  }
}
