import type { Migration } from './migrations';

/**
 * Migration 19: the nonconformity list's requirement filter reads indexes, not
 * rows (repos/findings/filters.ts, page.ts; issue 20).
 * - Checklist items by (ref, id) and (number, id), without case: the items a
 *   requirement names ("A.5": every A.5 control of every audit, 35,000 at ten
 *   years) come with their ids from the index, never from the item's row (its
 *   notes make the row large).
 * - A finding's items by (item_id, finding_id): the findings citing an item are
 *   in the index too.
 * Each replaces the narrower index it extends, under the same name (migrations
 * 4 and 12 made them; the foreign keys keep their leading index).
 * Frozen: literal SQL, what this migration runs forever.
 */
export const MIGRATION_19: Migration = {
  version: 19,
  name: 'covering indexes for the requirement filter',
  sql: `
    DROP INDEX checklist_items_ref;
    CREATE INDEX checklist_items_ref ON checklist_items(ref COLLATE NOCASE, id);
    DROP INDEX checklist_items_number;
    CREATE INDEX checklist_items_number ON checklist_items(number COLLATE NOCASE, id);
    DROP INDEX finding_items_item;
    CREATE INDEX finding_items_item ON finding_items(item_id, finding_id);`,
};
