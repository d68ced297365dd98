import type { Db } from '../db/open';
import { stmt } from './statements';

/**
 * The search index of the rows a merge wrote. While a merge applies rows the
 * index triggers are silent (migration 11): row by row they cost most of a
 * large merge. Here the same entries are made set-wise, one table at a time.
 * Title and body are the expressions of the triggers (migrations 3 and 11),
 * over the row `t`; a change there must change them here.
 */
const SEARCHED: Readonly<Record<string, { kind: string; title: string; body: string }>> = {
  checklist_items: { kind: 'checklist_item', title: "t.number || ' ' || t.title", body: 't.notes' },
  interviews: {
    kind: 'interview',
    title: "t.interviewee_name || ' ' || t.interviewee_role || ' ' || t.department",
    body: 't.notes',
  },
  observations: { kind: 'observation', title: 't.location', body: 't.description' },
  documents_reviewed: {
    kind: 'document',
    title: "t.title || ' ' || t.identifier || ' ' || t.revision",
    body: "t.owner || ' ' || t.notes",
  },
  evidence: { kind: 'evidence', title: 't.original_name', body: 't.description' },
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
      `INSERT OR IGNORE INTO search_docs (record_id, kind, audit_id) SELECT t.id, '${s.kind}', t.audit_id FROM ${table} t WHERE t.id IN ${IDS}`,
    ).run(list);
    stmt(
      db,
      `INSERT INTO search_index (rowid, title, body)
       SELECT d.rowid, ${s.title}, ${s.body} FROM ${table} t JOIN search_docs d ON d.record_id = t.id WHERE t.id IN ${IDS}`,
    ).run(list);
  }
}
