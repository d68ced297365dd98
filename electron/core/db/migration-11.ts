import type { Migration } from './migrations';

/**
 * Migration 11: while a merge materialises rows (write_context.applying = 1)
 * the search index triggers stay silent, like the log triggers: the merge
 * re-indexes the rows it touched in a few set-based statements afterwards
 * (sync/search-reindex.ts). Row by row, the triggers cost about 50 µs a
 * record, most of a large merge; the delete triggers keep firing (deletions
 * in a merge are few). Frozen: the SQL below is what this migration runs
 * forever, whatever later code does.
 */
interface Searched {
  table: string;
  kind: string;
  title: string;
  body: string;
  columns: string;
}

const SEARCHED: readonly Searched[] = [
  {
    table: 'checklist_items',
    kind: 'checklist_item',
    title: "NEW.number || ' ' || NEW.title",
    body: 'NEW.notes',
    columns: 'notes, number, title',
  },
  {
    table: 'interviews',
    kind: 'interview',
    title: "NEW.interviewee_name || ' ' || NEW.interviewee_role || ' ' || NEW.department",
    body: 'NEW.notes',
    columns: 'interviewee_name, interviewee_role, department, notes',
  },
  {
    table: 'observations',
    kind: 'observation',
    title: 'NEW.location',
    body: 'NEW.description',
    columns: 'location, description',
  },
  {
    table: 'documents_reviewed',
    kind: 'document',
    title: "NEW.title || ' ' || NEW.identifier || ' ' || NEW.revision",
    body: "NEW.owner || ' ' || NEW.notes",
    columns: 'title, identifier, revision, owner, notes',
  },
  {
    table: 'evidence',
    kind: 'evidence',
    title: 'NEW.original_name',
    body: 'NEW.description',
    columns: 'original_name, description',
  },
];

const QUIET = 'WHEN (SELECT applying FROM write_context) = 0';
const rowOf = '(SELECT rowid FROM search_docs WHERE record_id = NEW.id)';

export const MIGRATION_11: Migration = {
  version: 11,
  name: 'search index quiet while a merge applies rows',
  sql: SEARCHED.map(
    (s) => `
    DROP TRIGGER ${s.table}_search_insert;
    DROP TRIGGER ${s.table}_search_update;
    CREATE TRIGGER ${s.table}_search_insert AFTER INSERT ON ${s.table} ${QUIET} BEGIN
      INSERT INTO search_docs (record_id, kind, audit_id) VALUES (NEW.id, '${s.kind}', NEW.audit_id);
      INSERT INTO search_index (rowid, title, body) VALUES (${rowOf}, ${s.title}, ${s.body});
    END;
    CREATE TRIGGER ${s.table}_search_update AFTER UPDATE OF ${s.columns} ON ${s.table} ${QUIET} BEGIN
      UPDATE search_index SET title = ${s.title}, body = ${s.body} WHERE rowid = ${rowOf};
    END;`,
  ).join('\n'),
};
