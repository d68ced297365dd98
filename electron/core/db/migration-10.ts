import type { Migration } from './migrations';

/**
 * Migration 10: team audits (issue 13). The change log learns what the merge
 * needs: each entry's `scope` (the audit, or for client records the client,
 * it belongs to), its base `replaces` (the clocks of the values of its row it
 * overwrote here: the field's live values and any live tombstone) and `live`
 * (no held entry replaces it). Tombstones become several per row with the same
 * three columns. `write_context.applying` is 1 while a merge materialises rows:
 * the triggers then stay silent (the merge writes its own entries).
 *
 * Within one transaction (one clock) a field written twice keeps one entry
 * (the last value); a row deleted and inserted again keeps no tombstone (its
 * new entries take over the deletion's base), and a row inserted and deleted
 * again keeps no entries (the tombstone takes over theirs): two entries with
 * one clock on one field would be read as a forged package by the merge.
 *
 * A deleted row's log is purged (secure delete, as in migration 9) unless it
 * belongs to a team audit: the merge needs its history (a deletion against a
 * colleague's edit must be able to keep the record).
 *
 * Rows logged under migration 9 are given their scope from the row itself,
 * from their key's first part when that is the owning column, or through their
 * parent; a row already gone (and not keyed by its owner) keeps none.
 *
 * Frozen: the SQL (at the end of this file) is the text this migration has run
 * since it was released, written out; a test checks its SHA-256. It was
 * generated once from migration 9's SHARED list and SCOPE_RULES and reads
 * neither: SCOPE_RULES is how the merge finds a row's scope (sync/tables.ts).
 */

/** How an entry's scope is found from its row (`R` is NEW, OLD or the table itself). */
type ScopeRule =
  | { kind: 'self' }
  | { kind: 'column'; column: 'audit_id' | 'client_id' }
  | { kind: 'parent'; column: string; parent: string };

export const SCOPE_RULES: Readonly<Record<string, ScopeRule>> = {
  clients: { kind: 'self' },
  client_contacts: { kind: 'column', column: 'client_id' },
  client_sites: { kind: 'column', column: 'client_id' },
  audits: { kind: 'self' },
  audit_sites: { kind: 'column', column: 'audit_id' },
  audit_team: { kind: 'column', column: 'audit_id' },
  checklist_items: { kind: 'column', column: 'audit_id' },
  checklist_samples: { kind: 'parent', column: 'item_id', parent: 'checklist_items' },
  interviews: { kind: 'column', column: 'audit_id' },
  interview_auditors: { kind: 'parent', column: 'interview_id', parent: 'interviews' },
  interview_items: { kind: 'parent', column: 'interview_id', parent: 'interviews' },
  observations: { kind: 'column', column: 'audit_id' },
  observation_items: { kind: 'parent', column: 'observation_id', parent: 'observations' },
  documents_reviewed: { kind: 'column', column: 'audit_id' },
  document_items: { kind: 'parent', column: 'document_id', parent: 'documents_reviewed' },
  evidence: { kind: 'column', column: 'audit_id' },
  evidence_links: { kind: 'parent', column: 'evidence_id', parent: 'evidence' },
  findings: { kind: 'column', column: 'audit_id' },
  finding_items: { kind: 'parent', column: 'finding_id', parent: 'findings' },
  finding_records: { kind: 'parent', column: 'finding_id', parent: 'findings' },
  finding_responses: { kind: 'parent', column: 'finding_id', parent: 'findings' },
  carried_findings: { kind: 'column', column: 'audit_id' },
  recommendations: { kind: 'column', column: 'audit_id' },
  audit_reports: { kind: 'column', column: 'audit_id' },
};

export const MIGRATION_10: Migration = {
  version: 10,
  name: 'team audits: scoped change log with bases, several tombstones per row, team tables',
  sql: `
    DROP TRIGGER IF EXISTS clients_log_insert; DROP TRIGGER IF EXISTS clients_log_update; DROP TRIGGER IF EXISTS clients_log_delete;
DROP TRIGGER IF EXISTS client_contacts_log_insert; DROP TRIGGER IF EXISTS client_contacts_log_update; DROP TRIGGER IF EXISTS client_contacts_log_delete;
DROP TRIGGER IF EXISTS client_sites_log_insert; DROP TRIGGER IF EXISTS client_sites_log_update; DROP TRIGGER IF EXISTS client_sites_log_delete;
DROP TRIGGER IF EXISTS audits_log_insert; DROP TRIGGER IF EXISTS audits_log_update; DROP TRIGGER IF EXISTS audits_log_delete;
DROP TRIGGER IF EXISTS audit_sites_log_insert; DROP TRIGGER IF EXISTS audit_sites_log_update; DROP TRIGGER IF EXISTS audit_sites_log_delete;
DROP TRIGGER IF EXISTS audit_team_log_insert; DROP TRIGGER IF EXISTS audit_team_log_update; DROP TRIGGER IF EXISTS audit_team_log_delete;
DROP TRIGGER IF EXISTS checklist_items_log_insert; DROP TRIGGER IF EXISTS checklist_items_log_update; DROP TRIGGER IF EXISTS checklist_items_log_delete;
DROP TRIGGER IF EXISTS checklist_samples_log_insert; DROP TRIGGER IF EXISTS checklist_samples_log_update; DROP TRIGGER IF EXISTS checklist_samples_log_delete;
DROP TRIGGER IF EXISTS interviews_log_insert; DROP TRIGGER IF EXISTS interviews_log_update; DROP TRIGGER IF EXISTS interviews_log_delete;
DROP TRIGGER IF EXISTS interview_auditors_log_insert; DROP TRIGGER IF EXISTS interview_auditors_log_update; DROP TRIGGER IF EXISTS interview_auditors_log_delete;
DROP TRIGGER IF EXISTS interview_items_log_insert; DROP TRIGGER IF EXISTS interview_items_log_update; DROP TRIGGER IF EXISTS interview_items_log_delete;
DROP TRIGGER IF EXISTS observations_log_insert; DROP TRIGGER IF EXISTS observations_log_update; DROP TRIGGER IF EXISTS observations_log_delete;
DROP TRIGGER IF EXISTS observation_items_log_insert; DROP TRIGGER IF EXISTS observation_items_log_update; DROP TRIGGER IF EXISTS observation_items_log_delete;
DROP TRIGGER IF EXISTS documents_reviewed_log_insert; DROP TRIGGER IF EXISTS documents_reviewed_log_update; DROP TRIGGER IF EXISTS documents_reviewed_log_delete;
DROP TRIGGER IF EXISTS document_items_log_insert; DROP TRIGGER IF EXISTS document_items_log_update; DROP TRIGGER IF EXISTS document_items_log_delete;
DROP TRIGGER IF EXISTS evidence_log_insert; DROP TRIGGER IF EXISTS evidence_log_update; DROP TRIGGER IF EXISTS evidence_log_delete;
DROP TRIGGER IF EXISTS evidence_links_log_insert; DROP TRIGGER IF EXISTS evidence_links_log_update; DROP TRIGGER IF EXISTS evidence_links_log_delete;
DROP TRIGGER IF EXISTS findings_log_insert; DROP TRIGGER IF EXISTS findings_log_update; DROP TRIGGER IF EXISTS findings_log_delete;
DROP TRIGGER IF EXISTS finding_items_log_insert; DROP TRIGGER IF EXISTS finding_items_log_update; DROP TRIGGER IF EXISTS finding_items_log_delete;
DROP TRIGGER IF EXISTS finding_records_log_insert; DROP TRIGGER IF EXISTS finding_records_log_update; DROP TRIGGER IF EXISTS finding_records_log_delete;
DROP TRIGGER IF EXISTS finding_responses_log_insert; DROP TRIGGER IF EXISTS finding_responses_log_update; DROP TRIGGER IF EXISTS finding_responses_log_delete;
DROP TRIGGER IF EXISTS carried_findings_log_insert; DROP TRIGGER IF EXISTS carried_findings_log_update; DROP TRIGGER IF EXISTS carried_findings_log_delete;
DROP TRIGGER IF EXISTS recommendations_log_insert; DROP TRIGGER IF EXISTS recommendations_log_update; DROP TRIGGER IF EXISTS recommendations_log_delete;
DROP TRIGGER IF EXISTS audit_reports_log_insert; DROP TRIGGER IF EXISTS audit_reports_log_update; DROP TRIGGER IF EXISTS audit_reports_log_delete;
    ALTER TABLE write_context ADD COLUMN applying INTEGER NOT NULL DEFAULT 0 CHECK (applying IN (0, 1));
    ALTER TABLE change_log ADD COLUMN scope TEXT;
    ALTER TABLE change_log ADD COLUMN replaces TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(replaces));
    ALTER TABLE change_log ADD COLUMN live INTEGER NOT NULL DEFAULT 1 CHECK (live IN (0, 1));
    CREATE TABLE tombstones_v10 (
      table_name TEXT NOT NULL,
      row_id TEXT NOT NULL,
      clock TEXT NOT NULL,
      device_id TEXT NOT NULL,
      author TEXT NOT NULL,
      scope TEXT,
      replaces TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(replaces)),
      live INTEGER NOT NULL DEFAULT 1 CHECK (live IN (0, 1)),
      PRIMARY KEY (table_name, row_id, clock)
    ) STRICT;
    INSERT INTO tombstones_v10 (table_name, row_id, clock, device_id, author)
      SELECT table_name, row_id, clock, device_id, author FROM tombstones;
    DROP TABLE tombstones;
    ALTER TABLE tombstones_v10 RENAME TO tombstones;
    CREATE INDEX tombstones_scope ON tombstones(scope, clock);
    -- Exports read by scope and clock; nothing reads by clock alone any more (one index less per logged field).
    DROP INDEX change_log_clock;
    CREATE INDEX change_log_scope ON change_log(scope, clock);
    CREATE INDEX change_log_live ON change_log(scope, table_name, row_id, field) WHERE live = 1;

    -- Backfill. No package existed before this migration, so each row's history is local and linear:
    -- one entry per field and clock (the last write of a transaction), each replacing the one before,
    -- the newest live; a tombstone older than the row's entries was undone by a later insert.
    DELETE FROM change_log WHERE seq NOT IN (SELECT max(seq) FROM change_log GROUP BY table_name, row_id, field, clock);
    DELETE FROM tombstones WHERE EXISTS (SELECT 1 FROM change_log c WHERE c.table_name = tombstones.table_name
      AND c.row_id = tombstones.row_id AND c.clock >= tombstones.clock);
    WITH chain AS (
      SELECT seq, LAG(clock) OVER w AS prev, ROW_NUMBER() OVER (PARTITION BY table_name, row_id, field ORDER BY clock DESC) AS newest
      FROM change_log WINDOW w AS (PARTITION BY table_name, row_id, field ORDER BY clock)
    )
    UPDATE change_log SET replaces = CASE WHEN chain.prev IS NULL THEN '[]' ELSE json_array(chain.prev) END,
      live = (chain.newest = 1)
    FROM chain WHERE chain.seq = change_log.seq;
    UPDATE change_log SET scope = change_log.row_id WHERE table_name = 'clients';
UPDATE change_log SET scope = (SELECT client_id FROM client_contacts WHERE id = change_log.row_id) WHERE table_name = 'client_contacts';
UPDATE change_log SET scope = (SELECT client_id FROM client_sites WHERE id = change_log.row_id) WHERE table_name = 'client_sites';
UPDATE change_log SET scope = change_log.row_id WHERE table_name = 'audits';
UPDATE change_log SET scope = substr(change_log.row_id, 1, instr(change_log.row_id, '/') - 1) WHERE table_name = 'audit_sites';
UPDATE change_log SET scope = (SELECT audit_id FROM audit_team WHERE id = change_log.row_id) WHERE table_name = 'audit_team';
UPDATE change_log SET scope = (SELECT audit_id FROM checklist_items WHERE id = change_log.row_id) WHERE table_name = 'checklist_items';
UPDATE change_log SET scope = (SELECT audit_id FROM checklist_items WHERE id = (SELECT item_id FROM checklist_samples WHERE id = change_log.row_id)) WHERE table_name = 'checklist_samples';
UPDATE change_log SET scope = (SELECT audit_id FROM interviews WHERE id = change_log.row_id) WHERE table_name = 'interviews';
UPDATE change_log SET scope = (SELECT audit_id FROM interviews WHERE id = substr(change_log.row_id, 1, instr(change_log.row_id, '/') - 1)) WHERE table_name = 'interview_auditors';
UPDATE change_log SET scope = (SELECT audit_id FROM interviews WHERE id = substr(change_log.row_id, 1, instr(change_log.row_id, '/') - 1)) WHERE table_name = 'interview_items';
UPDATE change_log SET scope = (SELECT audit_id FROM observations WHERE id = change_log.row_id) WHERE table_name = 'observations';
UPDATE change_log SET scope = (SELECT audit_id FROM observations WHERE id = substr(change_log.row_id, 1, instr(change_log.row_id, '/') - 1)) WHERE table_name = 'observation_items';
UPDATE change_log SET scope = (SELECT audit_id FROM documents_reviewed WHERE id = change_log.row_id) WHERE table_name = 'documents_reviewed';
UPDATE change_log SET scope = (SELECT audit_id FROM documents_reviewed WHERE id = substr(change_log.row_id, 1, instr(change_log.row_id, '/') - 1)) WHERE table_name = 'document_items';
UPDATE change_log SET scope = (SELECT audit_id FROM evidence WHERE id = change_log.row_id) WHERE table_name = 'evidence';
UPDATE change_log SET scope = (SELECT audit_id FROM evidence WHERE id = substr(change_log.row_id, 1, instr(change_log.row_id, '/') - 1)) WHERE table_name = 'evidence_links';
UPDATE change_log SET scope = (SELECT audit_id FROM findings WHERE id = change_log.row_id) WHERE table_name = 'findings';
UPDATE change_log SET scope = (SELECT audit_id FROM findings WHERE id = substr(change_log.row_id, 1, instr(change_log.row_id, '/') - 1)) WHERE table_name = 'finding_items';
UPDATE change_log SET scope = (SELECT audit_id FROM findings WHERE id = substr(change_log.row_id, 1, instr(change_log.row_id, '/') - 1)) WHERE table_name = 'finding_records';
UPDATE change_log SET scope = (SELECT audit_id FROM findings WHERE id = (SELECT finding_id FROM finding_responses WHERE id = change_log.row_id)) WHERE table_name = 'finding_responses';
UPDATE change_log SET scope = substr(change_log.row_id, 1, instr(change_log.row_id, '/') - 1) WHERE table_name = 'carried_findings';
UPDATE change_log SET scope = (SELECT audit_id FROM recommendations WHERE id = change_log.row_id) WHERE table_name = 'recommendations';
UPDATE change_log SET scope = change_log.row_id WHERE table_name = 'audit_reports';
    UPDATE tombstones SET scope = tombstones.row_id WHERE table_name = 'clients';
UPDATE tombstones SET scope = (SELECT client_id FROM client_contacts WHERE id = tombstones.row_id) WHERE table_name = 'client_contacts';
UPDATE tombstones SET scope = (SELECT client_id FROM client_sites WHERE id = tombstones.row_id) WHERE table_name = 'client_sites';
UPDATE tombstones SET scope = tombstones.row_id WHERE table_name = 'audits';
UPDATE tombstones SET scope = substr(tombstones.row_id, 1, instr(tombstones.row_id, '/') - 1) WHERE table_name = 'audit_sites';
UPDATE tombstones SET scope = (SELECT audit_id FROM audit_team WHERE id = tombstones.row_id) WHERE table_name = 'audit_team';
UPDATE tombstones SET scope = (SELECT audit_id FROM checklist_items WHERE id = tombstones.row_id) WHERE table_name = 'checklist_items';
UPDATE tombstones SET scope = (SELECT audit_id FROM checklist_items WHERE id = (SELECT item_id FROM checklist_samples WHERE id = tombstones.row_id)) WHERE table_name = 'checklist_samples';
UPDATE tombstones SET scope = (SELECT audit_id FROM interviews WHERE id = tombstones.row_id) WHERE table_name = 'interviews';
UPDATE tombstones SET scope = (SELECT audit_id FROM interviews WHERE id = substr(tombstones.row_id, 1, instr(tombstones.row_id, '/') - 1)) WHERE table_name = 'interview_auditors';
UPDATE tombstones SET scope = (SELECT audit_id FROM interviews WHERE id = substr(tombstones.row_id, 1, instr(tombstones.row_id, '/') - 1)) WHERE table_name = 'interview_items';
UPDATE tombstones SET scope = (SELECT audit_id FROM observations WHERE id = tombstones.row_id) WHERE table_name = 'observations';
UPDATE tombstones SET scope = (SELECT audit_id FROM observations WHERE id = substr(tombstones.row_id, 1, instr(tombstones.row_id, '/') - 1)) WHERE table_name = 'observation_items';
UPDATE tombstones SET scope = (SELECT audit_id FROM documents_reviewed WHERE id = tombstones.row_id) WHERE table_name = 'documents_reviewed';
UPDATE tombstones SET scope = (SELECT audit_id FROM documents_reviewed WHERE id = substr(tombstones.row_id, 1, instr(tombstones.row_id, '/') - 1)) WHERE table_name = 'document_items';
UPDATE tombstones SET scope = (SELECT audit_id FROM evidence WHERE id = tombstones.row_id) WHERE table_name = 'evidence';
UPDATE tombstones SET scope = (SELECT audit_id FROM evidence WHERE id = substr(tombstones.row_id, 1, instr(tombstones.row_id, '/') - 1)) WHERE table_name = 'evidence_links';
UPDATE tombstones SET scope = (SELECT audit_id FROM findings WHERE id = tombstones.row_id) WHERE table_name = 'findings';
UPDATE tombstones SET scope = (SELECT audit_id FROM findings WHERE id = substr(tombstones.row_id, 1, instr(tombstones.row_id, '/') - 1)) WHERE table_name = 'finding_items';
UPDATE tombstones SET scope = (SELECT audit_id FROM findings WHERE id = substr(tombstones.row_id, 1, instr(tombstones.row_id, '/') - 1)) WHERE table_name = 'finding_records';
UPDATE tombstones SET scope = (SELECT audit_id FROM findings WHERE id = (SELECT finding_id FROM finding_responses WHERE id = tombstones.row_id)) WHERE table_name = 'finding_responses';
UPDATE tombstones SET scope = substr(tombstones.row_id, 1, instr(tombstones.row_id, '/') - 1) WHERE table_name = 'carried_findings';
UPDATE tombstones SET scope = (SELECT audit_id FROM recommendations WHERE id = tombstones.row_id) WHERE table_name = 'recommendations';
UPDATE tombstones SET scope = tombstones.row_id WHERE table_name = 'audit_reports';

    -- lead: this data folder sent the audit out; member: a team copy made by importing a 'send' package.
    CREATE TABLE team_audits (
      audit_id TEXT PRIMARY KEY REFERENCES audits(id) ON DELETE CASCADE,
      role TEXT NOT NULL CHECK (role IN ('lead','member')),
      lead_folder_id TEXT NOT NULL,
      created_at TEXT NOT NULL
    ) STRICT;
    -- Every package sent or merged: the provenance the report's sign-off page lists.
    CREATE TABLE team_exchanges (
      package_id TEXT PRIMARY KEY,
      audit_id TEXT NOT NULL REFERENCES audits(id) ON DELETE CASCADE,
      direction TEXT NOT NULL CHECK (direction IN ('sent','received')),
      kind TEXT NOT NULL CHECK (kind IN ('send','return')),
      peer_name TEXT NOT NULL,
      device_id TEXT NOT NULL,
      signer_name TEXT NOT NULL,
      signer_fingerprint TEXT NOT NULL,
      sha256 TEXT NOT NULL,
      size INTEGER NOT NULL,
      at TEXT NOT NULL,
      version_vector TEXT NOT NULL CHECK (json_valid(version_vector)),
      added INTEGER NOT NULL DEFAULT 0,
      changed INTEGER NOT NULL DEFAULT 0,
      conflicts INTEGER NOT NULL DEFAULT 0
    ) STRICT;
    CREATE INDEX team_exchanges_audit ON team_exchanges(audit_id, at);
    CREATE TABLE conflict_resolutions (
      id INTEGER PRIMARY KEY,
      audit_id TEXT NOT NULL REFERENCES audits(id) ON DELETE CASCADE,
      table_name TEXT NOT NULL,
      row_id TEXT NOT NULL,
      field TEXT,
      clock TEXT NOT NULL,
      resolved_by TEXT NOT NULL,
      resolved_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX conflict_resolutions_audit ON conflict_resolutions(audit_id);
    
    CREATE TRIGGER clients_log_insert AFTER INSERT ON clients WHEN (SELECT applying FROM write_context) = 0 BEGIN
      INSERT INTO change_log (table_name, row_id, field, value, clock, device_id, author, scope, replaces)
      SELECT 'clients', NEW.id, c.f, c.v, w.clock, w.device_id, w.author, NEW.id,
        (SELECT json_group_array(x) FROM (SELECT clock AS x FROM change_log WHERE table_name = 'clients' AND row_id = NEW.id AND field = c.f AND live = 1 UNION SELECT clock FROM tombstones WHERE table_name = 'clients' AND row_id = NEW.id AND live = 1 AND clock <> w.clock
          UNION SELECT j.value FROM tombstones t, json_each(t.replaces) j
            WHERE t.table_name = 'clients' AND t.row_id = NEW.id AND t.clock = w.clock ORDER BY 1))
      FROM write_context w, (SELECT 'id' AS f, json_quote(NEW.id) AS v UNION ALL SELECT 'name' AS f, json_quote(NEW.name) AS v UNION ALL SELECT 'address' AS f, json_quote(NEW.address) AS v UNION ALL SELECT 'representative' AS f, json_quote(NEW.representative) AS v) c;
      DELETE FROM tombstones WHERE table_name = 'clients' AND row_id = NEW.id AND clock = (SELECT clock FROM write_context);
      UPDATE change_log SET live = 0 WHERE table_name = 'clients' AND row_id = NEW.id AND live = 1 AND clock <> (SELECT clock FROM write_context);
      UPDATE tombstones SET live = 0 WHERE table_name = 'clients' AND row_id = NEW.id AND live = 1;
    END;
    CREATE TRIGGER clients_log_update AFTER UPDATE ON clients WHEN (SELECT applying FROM write_context) = 0 BEGIN
      UPDATE change_log SET value = CASE field WHEN 'name' THEN json_quote(NEW.name) WHEN 'address' THEN json_quote(NEW.address) WHEN 'representative' THEN json_quote(NEW.representative) END
        WHERE table_name = 'clients' AND row_id = NEW.id AND clock = (SELECT clock FROM write_context) AND field IN (SELECT f FROM (SELECT 'name' AS f, json_quote(NEW.name) AS v WHERE NEW.name IS NOT OLD.name UNION ALL SELECT 'address' AS f, json_quote(NEW.address) AS v WHERE NEW.address IS NOT OLD.address UNION ALL SELECT 'representative' AS f, json_quote(NEW.representative) AS v WHERE NEW.representative IS NOT OLD.representative));
      INSERT INTO change_log (table_name, row_id, field, value, clock, device_id, author, scope, replaces)
      SELECT 'clients', NEW.id, c.f, c.v, w.clock, w.device_id, w.author, NEW.id,
        (SELECT json_group_array(x) FROM (SELECT clock AS x FROM change_log WHERE table_name = 'clients' AND row_id = NEW.id AND field = c.f AND live = 1 UNION SELECT clock FROM tombstones WHERE table_name = 'clients' AND row_id = NEW.id AND live = 1 AND clock <> w.clock ORDER BY 1))
      FROM write_context w, (SELECT 'name' AS f, json_quote(NEW.name) AS v WHERE NEW.name IS NOT OLD.name UNION ALL SELECT 'address' AS f, json_quote(NEW.address) AS v WHERE NEW.address IS NOT OLD.address UNION ALL SELECT 'representative' AS f, json_quote(NEW.representative) AS v WHERE NEW.representative IS NOT OLD.representative) c
      WHERE NOT EXISTS (SELECT 1 FROM change_log WHERE table_name = 'clients' AND row_id = NEW.id AND field = c.f AND clock = w.clock);
      UPDATE change_log SET live = 0 WHERE table_name = 'clients' AND row_id = NEW.id AND live = 1 AND clock <> (SELECT clock FROM write_context)
        AND field IN (SELECT f FROM (SELECT 'name' AS f, json_quote(NEW.name) AS v WHERE NEW.name IS NOT OLD.name UNION ALL SELECT 'address' AS f, json_quote(NEW.address) AS v WHERE NEW.address IS NOT OLD.address UNION ALL SELECT 'representative' AS f, json_quote(NEW.representative) AS v WHERE NEW.representative IS NOT OLD.representative));
      UPDATE tombstones SET live = 0 WHERE table_name = 'clients' AND row_id = NEW.id AND live = 1;
    END;
    CREATE TRIGGER clients_log_delete AFTER DELETE ON clients WHEN (SELECT applying FROM write_context) = 0 BEGIN
      INSERT OR REPLACE INTO tombstones (table_name, row_id, clock, device_id, author, scope, replaces, live)
      SELECT 'clients', OLD.id, w.clock, w.device_id, w.author,
        coalesce((SELECT scope FROM change_log WHERE table_name = 'clients' AND row_id = OLD.id AND scope IS NOT NULL LIMIT 1), OLD.id),
        (SELECT json_group_array(x) FROM (
          SELECT clock AS x FROM change_log WHERE table_name = 'clients' AND row_id = OLD.id AND live = 1 AND clock <> w.clock
          UNION SELECT j.value FROM change_log c, json_each(c.replaces) j WHERE c.table_name = 'clients'
            AND c.row_id = OLD.id AND c.clock = w.clock
          UNION SELECT clock FROM tombstones WHERE table_name = 'clients' AND row_id = OLD.id AND live = 1 AND clock <> w.clock ORDER BY 1)),
        1
      FROM write_context w;
      DELETE FROM change_log WHERE table_name = 'clients' AND row_id = OLD.id AND clock = (SELECT clock FROM write_context);
      UPDATE change_log SET live = 0 WHERE table_name = 'clients' AND row_id = OLD.id AND live = 1;
      UPDATE tombstones SET live = 0 WHERE table_name = 'clients' AND row_id = OLD.id AND live = 1 AND clock <> (SELECT clock FROM write_context);
      DELETE FROM change_log WHERE table_name = 'clients' AND row_id = OLD.id AND coalesce(scope, '') NOT IN (SELECT audit_id FROM team_audits UNION SELECT a.client_id FROM team_audits t JOIN audits a ON a.id = t.audit_id);
    END;
    CREATE TRIGGER client_contacts_log_insert AFTER INSERT ON client_contacts WHEN (SELECT applying FROM write_context) = 0 BEGIN
      INSERT INTO change_log (table_name, row_id, field, value, clock, device_id, author, scope, replaces)
      SELECT 'client_contacts', NEW.id, c.f, c.v, w.clock, w.device_id, w.author, NEW.client_id,
        (SELECT json_group_array(x) FROM (SELECT clock AS x FROM change_log WHERE table_name = 'client_contacts' AND row_id = NEW.id AND field = c.f AND live = 1 UNION SELECT clock FROM tombstones WHERE table_name = 'client_contacts' AND row_id = NEW.id AND live = 1 AND clock <> w.clock
          UNION SELECT j.value FROM tombstones t, json_each(t.replaces) j
            WHERE t.table_name = 'client_contacts' AND t.row_id = NEW.id AND t.clock = w.clock ORDER BY 1))
      FROM write_context w, (SELECT 'id' AS f, json_quote(NEW.id) AS v UNION ALL SELECT 'client_id' AS f, json_quote(NEW.client_id) AS v UNION ALL SELECT 'position' AS f, json_quote(NEW.position) AS v UNION ALL SELECT 'name' AS f, json_quote(NEW.name) AS v UNION ALL SELECT 'role' AS f, json_quote(NEW.role) AS v UNION ALL SELECT 'email' AS f, json_quote(NEW.email) AS v UNION ALL SELECT 'phone' AS f, json_quote(NEW.phone) AS v) c;
      DELETE FROM tombstones WHERE table_name = 'client_contacts' AND row_id = NEW.id AND clock = (SELECT clock FROM write_context);
      UPDATE change_log SET live = 0 WHERE table_name = 'client_contacts' AND row_id = NEW.id AND live = 1 AND clock <> (SELECT clock FROM write_context);
      UPDATE tombstones SET live = 0 WHERE table_name = 'client_contacts' AND row_id = NEW.id AND live = 1;
    END;
    CREATE TRIGGER client_contacts_log_update AFTER UPDATE ON client_contacts WHEN (SELECT applying FROM write_context) = 0 BEGIN
      UPDATE change_log SET value = CASE field WHEN 'client_id' THEN json_quote(NEW.client_id) WHEN 'position' THEN json_quote(NEW.position) WHEN 'name' THEN json_quote(NEW.name) WHEN 'role' THEN json_quote(NEW.role) WHEN 'email' THEN json_quote(NEW.email) WHEN 'phone' THEN json_quote(NEW.phone) END
        WHERE table_name = 'client_contacts' AND row_id = NEW.id AND clock = (SELECT clock FROM write_context) AND field IN (SELECT f FROM (SELECT 'client_id' AS f, json_quote(NEW.client_id) AS v WHERE NEW.client_id IS NOT OLD.client_id UNION ALL SELECT 'position' AS f, json_quote(NEW.position) AS v WHERE NEW.position IS NOT OLD.position UNION ALL SELECT 'name' AS f, json_quote(NEW.name) AS v WHERE NEW.name IS NOT OLD.name UNION ALL SELECT 'role' AS f, json_quote(NEW.role) AS v WHERE NEW.role IS NOT OLD.role UNION ALL SELECT 'email' AS f, json_quote(NEW.email) AS v WHERE NEW.email IS NOT OLD.email UNION ALL SELECT 'phone' AS f, json_quote(NEW.phone) AS v WHERE NEW.phone IS NOT OLD.phone));
      INSERT INTO change_log (table_name, row_id, field, value, clock, device_id, author, scope, replaces)
      SELECT 'client_contacts', NEW.id, c.f, c.v, w.clock, w.device_id, w.author, NEW.client_id,
        (SELECT json_group_array(x) FROM (SELECT clock AS x FROM change_log WHERE table_name = 'client_contacts' AND row_id = NEW.id AND field = c.f AND live = 1 UNION SELECT clock FROM tombstones WHERE table_name = 'client_contacts' AND row_id = NEW.id AND live = 1 AND clock <> w.clock ORDER BY 1))
      FROM write_context w, (SELECT 'client_id' AS f, json_quote(NEW.client_id) AS v WHERE NEW.client_id IS NOT OLD.client_id UNION ALL SELECT 'position' AS f, json_quote(NEW.position) AS v WHERE NEW.position IS NOT OLD.position UNION ALL SELECT 'name' AS f, json_quote(NEW.name) AS v WHERE NEW.name IS NOT OLD.name UNION ALL SELECT 'role' AS f, json_quote(NEW.role) AS v WHERE NEW.role IS NOT OLD.role UNION ALL SELECT 'email' AS f, json_quote(NEW.email) AS v WHERE NEW.email IS NOT OLD.email UNION ALL SELECT 'phone' AS f, json_quote(NEW.phone) AS v WHERE NEW.phone IS NOT OLD.phone) c
      WHERE NOT EXISTS (SELECT 1 FROM change_log WHERE table_name = 'client_contacts' AND row_id = NEW.id AND field = c.f AND clock = w.clock);
      UPDATE change_log SET live = 0 WHERE table_name = 'client_contacts' AND row_id = NEW.id AND live = 1 AND clock <> (SELECT clock FROM write_context)
        AND field IN (SELECT f FROM (SELECT 'client_id' AS f, json_quote(NEW.client_id) AS v WHERE NEW.client_id IS NOT OLD.client_id UNION ALL SELECT 'position' AS f, json_quote(NEW.position) AS v WHERE NEW.position IS NOT OLD.position UNION ALL SELECT 'name' AS f, json_quote(NEW.name) AS v WHERE NEW.name IS NOT OLD.name UNION ALL SELECT 'role' AS f, json_quote(NEW.role) AS v WHERE NEW.role IS NOT OLD.role UNION ALL SELECT 'email' AS f, json_quote(NEW.email) AS v WHERE NEW.email IS NOT OLD.email UNION ALL SELECT 'phone' AS f, json_quote(NEW.phone) AS v WHERE NEW.phone IS NOT OLD.phone));
      UPDATE tombstones SET live = 0 WHERE table_name = 'client_contacts' AND row_id = NEW.id AND live = 1;
    END;
    CREATE TRIGGER client_contacts_log_delete AFTER DELETE ON client_contacts WHEN (SELECT applying FROM write_context) = 0 BEGIN
      INSERT OR REPLACE INTO tombstones (table_name, row_id, clock, device_id, author, scope, replaces, live)
      SELECT 'client_contacts', OLD.id, w.clock, w.device_id, w.author,
        coalesce((SELECT scope FROM change_log WHERE table_name = 'client_contacts' AND row_id = OLD.id AND scope IS NOT NULL LIMIT 1), OLD.client_id),
        (SELECT json_group_array(x) FROM (
          SELECT clock AS x FROM change_log WHERE table_name = 'client_contacts' AND row_id = OLD.id AND live = 1 AND clock <> w.clock
          UNION SELECT j.value FROM change_log c, json_each(c.replaces) j WHERE c.table_name = 'client_contacts'
            AND c.row_id = OLD.id AND c.clock = w.clock
          UNION SELECT clock FROM tombstones WHERE table_name = 'client_contacts' AND row_id = OLD.id AND live = 1 AND clock <> w.clock ORDER BY 1)),
        1
      FROM write_context w;
      DELETE FROM change_log WHERE table_name = 'client_contacts' AND row_id = OLD.id AND clock = (SELECT clock FROM write_context);
      UPDATE change_log SET live = 0 WHERE table_name = 'client_contacts' AND row_id = OLD.id AND live = 1;
      UPDATE tombstones SET live = 0 WHERE table_name = 'client_contacts' AND row_id = OLD.id AND live = 1 AND clock <> (SELECT clock FROM write_context);
      DELETE FROM change_log WHERE table_name = 'client_contacts' AND row_id = OLD.id AND coalesce(scope, '') NOT IN (SELECT audit_id FROM team_audits UNION SELECT a.client_id FROM team_audits t JOIN audits a ON a.id = t.audit_id);
    END;
    CREATE TRIGGER client_sites_log_insert AFTER INSERT ON client_sites WHEN (SELECT applying FROM write_context) = 0 BEGIN
      INSERT INTO change_log (table_name, row_id, field, value, clock, device_id, author, scope, replaces)
      SELECT 'client_sites', NEW.id, c.f, c.v, w.clock, w.device_id, w.author, NEW.client_id,
        (SELECT json_group_array(x) FROM (SELECT clock AS x FROM change_log WHERE table_name = 'client_sites' AND row_id = NEW.id AND field = c.f AND live = 1 UNION SELECT clock FROM tombstones WHERE table_name = 'client_sites' AND row_id = NEW.id AND live = 1 AND clock <> w.clock
          UNION SELECT j.value FROM tombstones t, json_each(t.replaces) j
            WHERE t.table_name = 'client_sites' AND t.row_id = NEW.id AND t.clock = w.clock ORDER BY 1))
      FROM write_context w, (SELECT 'id' AS f, json_quote(NEW.id) AS v UNION ALL SELECT 'client_id' AS f, json_quote(NEW.client_id) AS v UNION ALL SELECT 'position' AS f, json_quote(NEW.position) AS v UNION ALL SELECT 'name' AS f, json_quote(NEW.name) AS v UNION ALL SELECT 'address' AS f, json_quote(NEW.address) AS v UNION ALL SELECT 'headcount' AS f, json_quote(NEW.headcount) AS v UNION ALL SELECT 'processes' AS f, json_quote(NEW.processes) AS v) c;
      DELETE FROM tombstones WHERE table_name = 'client_sites' AND row_id = NEW.id AND clock = (SELECT clock FROM write_context);
      UPDATE change_log SET live = 0 WHERE table_name = 'client_sites' AND row_id = NEW.id AND live = 1 AND clock <> (SELECT clock FROM write_context);
      UPDATE tombstones SET live = 0 WHERE table_name = 'client_sites' AND row_id = NEW.id AND live = 1;
    END;
    CREATE TRIGGER client_sites_log_update AFTER UPDATE ON client_sites WHEN (SELECT applying FROM write_context) = 0 BEGIN
      UPDATE change_log SET value = CASE field WHEN 'client_id' THEN json_quote(NEW.client_id) WHEN 'position' THEN json_quote(NEW.position) WHEN 'name' THEN json_quote(NEW.name) WHEN 'address' THEN json_quote(NEW.address) WHEN 'headcount' THEN json_quote(NEW.headcount) WHEN 'processes' THEN json_quote(NEW.processes) END
        WHERE table_name = 'client_sites' AND row_id = NEW.id AND clock = (SELECT clock FROM write_context) AND field IN (SELECT f FROM (SELECT 'client_id' AS f, json_quote(NEW.client_id) AS v WHERE NEW.client_id IS NOT OLD.client_id UNION ALL SELECT 'position' AS f, json_quote(NEW.position) AS v WHERE NEW.position IS NOT OLD.position UNION ALL SELECT 'name' AS f, json_quote(NEW.name) AS v WHERE NEW.name IS NOT OLD.name UNION ALL SELECT 'address' AS f, json_quote(NEW.address) AS v WHERE NEW.address IS NOT OLD.address UNION ALL SELECT 'headcount' AS f, json_quote(NEW.headcount) AS v WHERE NEW.headcount IS NOT OLD.headcount UNION ALL SELECT 'processes' AS f, json_quote(NEW.processes) AS v WHERE NEW.processes IS NOT OLD.processes));
      INSERT INTO change_log (table_name, row_id, field, value, clock, device_id, author, scope, replaces)
      SELECT 'client_sites', NEW.id, c.f, c.v, w.clock, w.device_id, w.author, NEW.client_id,
        (SELECT json_group_array(x) FROM (SELECT clock AS x FROM change_log WHERE table_name = 'client_sites' AND row_id = NEW.id AND field = c.f AND live = 1 UNION SELECT clock FROM tombstones WHERE table_name = 'client_sites' AND row_id = NEW.id AND live = 1 AND clock <> w.clock ORDER BY 1))
      FROM write_context w, (SELECT 'client_id' AS f, json_quote(NEW.client_id) AS v WHERE NEW.client_id IS NOT OLD.client_id UNION ALL SELECT 'position' AS f, json_quote(NEW.position) AS v WHERE NEW.position IS NOT OLD.position UNION ALL SELECT 'name' AS f, json_quote(NEW.name) AS v WHERE NEW.name IS NOT OLD.name UNION ALL SELECT 'address' AS f, json_quote(NEW.address) AS v WHERE NEW.address IS NOT OLD.address UNION ALL SELECT 'headcount' AS f, json_quote(NEW.headcount) AS v WHERE NEW.headcount IS NOT OLD.headcount UNION ALL SELECT 'processes' AS f, json_quote(NEW.processes) AS v WHERE NEW.processes IS NOT OLD.processes) c
      WHERE NOT EXISTS (SELECT 1 FROM change_log WHERE table_name = 'client_sites' AND row_id = NEW.id AND field = c.f AND clock = w.clock);
      UPDATE change_log SET live = 0 WHERE table_name = 'client_sites' AND row_id = NEW.id AND live = 1 AND clock <> (SELECT clock FROM write_context)
        AND field IN (SELECT f FROM (SELECT 'client_id' AS f, json_quote(NEW.client_id) AS v WHERE NEW.client_id IS NOT OLD.client_id UNION ALL SELECT 'position' AS f, json_quote(NEW.position) AS v WHERE NEW.position IS NOT OLD.position UNION ALL SELECT 'name' AS f, json_quote(NEW.name) AS v WHERE NEW.name IS NOT OLD.name UNION ALL SELECT 'address' AS f, json_quote(NEW.address) AS v WHERE NEW.address IS NOT OLD.address UNION ALL SELECT 'headcount' AS f, json_quote(NEW.headcount) AS v WHERE NEW.headcount IS NOT OLD.headcount UNION ALL SELECT 'processes' AS f, json_quote(NEW.processes) AS v WHERE NEW.processes IS NOT OLD.processes));
      UPDATE tombstones SET live = 0 WHERE table_name = 'client_sites' AND row_id = NEW.id AND live = 1;
    END;
    CREATE TRIGGER client_sites_log_delete AFTER DELETE ON client_sites WHEN (SELECT applying FROM write_context) = 0 BEGIN
      INSERT OR REPLACE INTO tombstones (table_name, row_id, clock, device_id, author, scope, replaces, live)
      SELECT 'client_sites', OLD.id, w.clock, w.device_id, w.author,
        coalesce((SELECT scope FROM change_log WHERE table_name = 'client_sites' AND row_id = OLD.id AND scope IS NOT NULL LIMIT 1), OLD.client_id),
        (SELECT json_group_array(x) FROM (
          SELECT clock AS x FROM change_log WHERE table_name = 'client_sites' AND row_id = OLD.id AND live = 1 AND clock <> w.clock
          UNION SELECT j.value FROM change_log c, json_each(c.replaces) j WHERE c.table_name = 'client_sites'
            AND c.row_id = OLD.id AND c.clock = w.clock
          UNION SELECT clock FROM tombstones WHERE table_name = 'client_sites' AND row_id = OLD.id AND live = 1 AND clock <> w.clock ORDER BY 1)),
        1
      FROM write_context w;
      DELETE FROM change_log WHERE table_name = 'client_sites' AND row_id = OLD.id AND clock = (SELECT clock FROM write_context);
      UPDATE change_log SET live = 0 WHERE table_name = 'client_sites' AND row_id = OLD.id AND live = 1;
      UPDATE tombstones SET live = 0 WHERE table_name = 'client_sites' AND row_id = OLD.id AND live = 1 AND clock <> (SELECT clock FROM write_context);
      DELETE FROM change_log WHERE table_name = 'client_sites' AND row_id = OLD.id AND coalesce(scope, '') NOT IN (SELECT audit_id FROM team_audits UNION SELECT a.client_id FROM team_audits t JOIN audits a ON a.id = t.audit_id);
    END;
    CREATE TRIGGER audits_log_insert AFTER INSERT ON audits WHEN (SELECT applying FROM write_context) = 0 BEGIN
      INSERT INTO change_log (table_name, row_id, field, value, clock, device_id, author, scope, replaces)
      SELECT 'audits', NEW.id, c.f, c.v, w.clock, w.device_id, w.author, NEW.id,
        (SELECT json_group_array(x) FROM (SELECT clock AS x FROM change_log WHERE table_name = 'audits' AND row_id = NEW.id AND field = c.f AND live = 1 UNION SELECT clock FROM tombstones WHERE table_name = 'audits' AND row_id = NEW.id AND live = 1 AND clock <> w.clock
          UNION SELECT j.value FROM tombstones t, json_each(t.replaces) j
            WHERE t.table_name = 'audits' AND t.row_id = NEW.id AND t.clock = w.clock ORDER BY 1))
      FROM write_context w, (SELECT 'id' AS f, json_quote(NEW.id) AS v UNION ALL SELECT 'client_id' AS f, json_quote(NEW.client_id) AS v UNION ALL SELECT 'standard' AS f, json_quote(NEW.standard) AS v UNION ALL SELECT 'type' AS f, json_quote(NEW.type) AS v UNION ALL SELECT 'scope' AS f, json_quote(NEW.scope) AS v UNION ALL SELECT 'start_date' AS f, json_quote(NEW.start_date) AS v UNION ALL SELECT 'end_date' AS f, json_quote(NEW.end_date) AS v UNION ALL SELECT 'mode' AS f, json_quote(NEW.mode) AS v UNION ALL SELECT 'objectives' AS f, json_quote(NEW.objectives) AS v UNION ALL SELECT 'criteria' AS f, json_quote(NEW.criteria) AS v UNION ALL SELECT 'status' AS f, json_quote(NEW.status) AS v UNION ALL SELECT 'template_id' AS f, json_quote(NEW.template_id) AS v UNION ALL SELECT 'template_version' AS f, json_quote(NEW.template_version) AS v UNION ALL SELECT 'soa_version' AS f, json_quote(NEW.soa_version) AS v UNION ALL SELECT 'soa_imported_at' AS f, json_quote(NEW.soa_imported_at) AS v UNION ALL SELECT 'closing_meeting_date' AS f, json_quote(NEW.closing_meeting_date) AS v UNION ALL SELECT 'response_days_major' AS f, json_quote(NEW.response_days_major) AS v UNION ALL SELECT 'response_days_minor' AS f, json_quote(NEW.response_days_minor) AS v UNION ALL SELECT 'previous_audit_id' AS f, json_quote(NEW.previous_audit_id) AS v) c;
      DELETE FROM tombstones WHERE table_name = 'audits' AND row_id = NEW.id AND clock = (SELECT clock FROM write_context);
      UPDATE change_log SET live = 0 WHERE table_name = 'audits' AND row_id = NEW.id AND live = 1 AND clock <> (SELECT clock FROM write_context);
      UPDATE tombstones SET live = 0 WHERE table_name = 'audits' AND row_id = NEW.id AND live = 1;
    END;
    CREATE TRIGGER audits_log_update AFTER UPDATE ON audits WHEN (SELECT applying FROM write_context) = 0 BEGIN
      UPDATE change_log SET value = CASE field WHEN 'client_id' THEN json_quote(NEW.client_id) WHEN 'standard' THEN json_quote(NEW.standard) WHEN 'type' THEN json_quote(NEW.type) WHEN 'scope' THEN json_quote(NEW.scope) WHEN 'start_date' THEN json_quote(NEW.start_date) WHEN 'end_date' THEN json_quote(NEW.end_date) WHEN 'mode' THEN json_quote(NEW.mode) WHEN 'objectives' THEN json_quote(NEW.objectives) WHEN 'criteria' THEN json_quote(NEW.criteria) WHEN 'status' THEN json_quote(NEW.status) WHEN 'template_id' THEN json_quote(NEW.template_id) WHEN 'template_version' THEN json_quote(NEW.template_version) WHEN 'soa_version' THEN json_quote(NEW.soa_version) WHEN 'soa_imported_at' THEN json_quote(NEW.soa_imported_at) WHEN 'closing_meeting_date' THEN json_quote(NEW.closing_meeting_date) WHEN 'response_days_major' THEN json_quote(NEW.response_days_major) WHEN 'response_days_minor' THEN json_quote(NEW.response_days_minor) WHEN 'previous_audit_id' THEN json_quote(NEW.previous_audit_id) END
        WHERE table_name = 'audits' AND row_id = NEW.id AND clock = (SELECT clock FROM write_context) AND field IN (SELECT f FROM (SELECT 'client_id' AS f, json_quote(NEW.client_id) AS v WHERE NEW.client_id IS NOT OLD.client_id UNION ALL SELECT 'standard' AS f, json_quote(NEW.standard) AS v WHERE NEW.standard IS NOT OLD.standard UNION ALL SELECT 'type' AS f, json_quote(NEW.type) AS v WHERE NEW.type IS NOT OLD.type UNION ALL SELECT 'scope' AS f, json_quote(NEW.scope) AS v WHERE NEW.scope IS NOT OLD.scope UNION ALL SELECT 'start_date' AS f, json_quote(NEW.start_date) AS v WHERE NEW.start_date IS NOT OLD.start_date UNION ALL SELECT 'end_date' AS f, json_quote(NEW.end_date) AS v WHERE NEW.end_date IS NOT OLD.end_date UNION ALL SELECT 'mode' AS f, json_quote(NEW.mode) AS v WHERE NEW.mode IS NOT OLD.mode UNION ALL SELECT 'objectives' AS f, json_quote(NEW.objectives) AS v WHERE NEW.objectives IS NOT OLD.objectives UNION ALL SELECT 'criteria' AS f, json_quote(NEW.criteria) AS v WHERE NEW.criteria IS NOT OLD.criteria UNION ALL SELECT 'status' AS f, json_quote(NEW.status) AS v WHERE NEW.status IS NOT OLD.status UNION ALL SELECT 'template_id' AS f, json_quote(NEW.template_id) AS v WHERE NEW.template_id IS NOT OLD.template_id UNION ALL SELECT 'template_version' AS f, json_quote(NEW.template_version) AS v WHERE NEW.template_version IS NOT OLD.template_version UNION ALL SELECT 'soa_version' AS f, json_quote(NEW.soa_version) AS v WHERE NEW.soa_version IS NOT OLD.soa_version UNION ALL SELECT 'soa_imported_at' AS f, json_quote(NEW.soa_imported_at) AS v WHERE NEW.soa_imported_at IS NOT OLD.soa_imported_at UNION ALL SELECT 'closing_meeting_date' AS f, json_quote(NEW.closing_meeting_date) AS v WHERE NEW.closing_meeting_date IS NOT OLD.closing_meeting_date UNION ALL SELECT 'response_days_major' AS f, json_quote(NEW.response_days_major) AS v WHERE NEW.response_days_major IS NOT OLD.response_days_major UNION ALL SELECT 'response_days_minor' AS f, json_quote(NEW.response_days_minor) AS v WHERE NEW.response_days_minor IS NOT OLD.response_days_minor UNION ALL SELECT 'previous_audit_id' AS f, json_quote(NEW.previous_audit_id) AS v WHERE NEW.previous_audit_id IS NOT OLD.previous_audit_id));
      INSERT INTO change_log (table_name, row_id, field, value, clock, device_id, author, scope, replaces)
      SELECT 'audits', NEW.id, c.f, c.v, w.clock, w.device_id, w.author, NEW.id,
        (SELECT json_group_array(x) FROM (SELECT clock AS x FROM change_log WHERE table_name = 'audits' AND row_id = NEW.id AND field = c.f AND live = 1 UNION SELECT clock FROM tombstones WHERE table_name = 'audits' AND row_id = NEW.id AND live = 1 AND clock <> w.clock ORDER BY 1))
      FROM write_context w, (SELECT 'client_id' AS f, json_quote(NEW.client_id) AS v WHERE NEW.client_id IS NOT OLD.client_id UNION ALL SELECT 'standard' AS f, json_quote(NEW.standard) AS v WHERE NEW.standard IS NOT OLD.standard UNION ALL SELECT 'type' AS f, json_quote(NEW.type) AS v WHERE NEW.type IS NOT OLD.type UNION ALL SELECT 'scope' AS f, json_quote(NEW.scope) AS v WHERE NEW.scope IS NOT OLD.scope UNION ALL SELECT 'start_date' AS f, json_quote(NEW.start_date) AS v WHERE NEW.start_date IS NOT OLD.start_date UNION ALL SELECT 'end_date' AS f, json_quote(NEW.end_date) AS v WHERE NEW.end_date IS NOT OLD.end_date UNION ALL SELECT 'mode' AS f, json_quote(NEW.mode) AS v WHERE NEW.mode IS NOT OLD.mode UNION ALL SELECT 'objectives' AS f, json_quote(NEW.objectives) AS v WHERE NEW.objectives IS NOT OLD.objectives UNION ALL SELECT 'criteria' AS f, json_quote(NEW.criteria) AS v WHERE NEW.criteria IS NOT OLD.criteria UNION ALL SELECT 'status' AS f, json_quote(NEW.status) AS v WHERE NEW.status IS NOT OLD.status UNION ALL SELECT 'template_id' AS f, json_quote(NEW.template_id) AS v WHERE NEW.template_id IS NOT OLD.template_id UNION ALL SELECT 'template_version' AS f, json_quote(NEW.template_version) AS v WHERE NEW.template_version IS NOT OLD.template_version UNION ALL SELECT 'soa_version' AS f, json_quote(NEW.soa_version) AS v WHERE NEW.soa_version IS NOT OLD.soa_version UNION ALL SELECT 'soa_imported_at' AS f, json_quote(NEW.soa_imported_at) AS v WHERE NEW.soa_imported_at IS NOT OLD.soa_imported_at UNION ALL SELECT 'closing_meeting_date' AS f, json_quote(NEW.closing_meeting_date) AS v WHERE NEW.closing_meeting_date IS NOT OLD.closing_meeting_date UNION ALL SELECT 'response_days_major' AS f, json_quote(NEW.response_days_major) AS v WHERE NEW.response_days_major IS NOT OLD.response_days_major UNION ALL SELECT 'response_days_minor' AS f, json_quote(NEW.response_days_minor) AS v WHERE NEW.response_days_minor IS NOT OLD.response_days_minor UNION ALL SELECT 'previous_audit_id' AS f, json_quote(NEW.previous_audit_id) AS v WHERE NEW.previous_audit_id IS NOT OLD.previous_audit_id) c
      WHERE NOT EXISTS (SELECT 1 FROM change_log WHERE table_name = 'audits' AND row_id = NEW.id AND field = c.f AND clock = w.clock);
      UPDATE change_log SET live = 0 WHERE table_name = 'audits' AND row_id = NEW.id AND live = 1 AND clock <> (SELECT clock FROM write_context)
        AND field IN (SELECT f FROM (SELECT 'client_id' AS f, json_quote(NEW.client_id) AS v WHERE NEW.client_id IS NOT OLD.client_id UNION ALL SELECT 'standard' AS f, json_quote(NEW.standard) AS v WHERE NEW.standard IS NOT OLD.standard UNION ALL SELECT 'type' AS f, json_quote(NEW.type) AS v WHERE NEW.type IS NOT OLD.type UNION ALL SELECT 'scope' AS f, json_quote(NEW.scope) AS v WHERE NEW.scope IS NOT OLD.scope UNION ALL SELECT 'start_date' AS f, json_quote(NEW.start_date) AS v WHERE NEW.start_date IS NOT OLD.start_date UNION ALL SELECT 'end_date' AS f, json_quote(NEW.end_date) AS v WHERE NEW.end_date IS NOT OLD.end_date UNION ALL SELECT 'mode' AS f, json_quote(NEW.mode) AS v WHERE NEW.mode IS NOT OLD.mode UNION ALL SELECT 'objectives' AS f, json_quote(NEW.objectives) AS v WHERE NEW.objectives IS NOT OLD.objectives UNION ALL SELECT 'criteria' AS f, json_quote(NEW.criteria) AS v WHERE NEW.criteria IS NOT OLD.criteria UNION ALL SELECT 'status' AS f, json_quote(NEW.status) AS v WHERE NEW.status IS NOT OLD.status UNION ALL SELECT 'template_id' AS f, json_quote(NEW.template_id) AS v WHERE NEW.template_id IS NOT OLD.template_id UNION ALL SELECT 'template_version' AS f, json_quote(NEW.template_version) AS v WHERE NEW.template_version IS NOT OLD.template_version UNION ALL SELECT 'soa_version' AS f, json_quote(NEW.soa_version) AS v WHERE NEW.soa_version IS NOT OLD.soa_version UNION ALL SELECT 'soa_imported_at' AS f, json_quote(NEW.soa_imported_at) AS v WHERE NEW.soa_imported_at IS NOT OLD.soa_imported_at UNION ALL SELECT 'closing_meeting_date' AS f, json_quote(NEW.closing_meeting_date) AS v WHERE NEW.closing_meeting_date IS NOT OLD.closing_meeting_date UNION ALL SELECT 'response_days_major' AS f, json_quote(NEW.response_days_major) AS v WHERE NEW.response_days_major IS NOT OLD.response_days_major UNION ALL SELECT 'response_days_minor' AS f, json_quote(NEW.response_days_minor) AS v WHERE NEW.response_days_minor IS NOT OLD.response_days_minor UNION ALL SELECT 'previous_audit_id' AS f, json_quote(NEW.previous_audit_id) AS v WHERE NEW.previous_audit_id IS NOT OLD.previous_audit_id));
      UPDATE tombstones SET live = 0 WHERE table_name = 'audits' AND row_id = NEW.id AND live = 1;
    END;
    CREATE TRIGGER audits_log_delete AFTER DELETE ON audits WHEN (SELECT applying FROM write_context) = 0 BEGIN
      INSERT OR REPLACE INTO tombstones (table_name, row_id, clock, device_id, author, scope, replaces, live)
      SELECT 'audits', OLD.id, w.clock, w.device_id, w.author,
        coalesce((SELECT scope FROM change_log WHERE table_name = 'audits' AND row_id = OLD.id AND scope IS NOT NULL LIMIT 1), OLD.id),
        (SELECT json_group_array(x) FROM (
          SELECT clock AS x FROM change_log WHERE table_name = 'audits' AND row_id = OLD.id AND live = 1 AND clock <> w.clock
          UNION SELECT j.value FROM change_log c, json_each(c.replaces) j WHERE c.table_name = 'audits'
            AND c.row_id = OLD.id AND c.clock = w.clock
          UNION SELECT clock FROM tombstones WHERE table_name = 'audits' AND row_id = OLD.id AND live = 1 AND clock <> w.clock ORDER BY 1)),
        1
      FROM write_context w;
      DELETE FROM change_log WHERE table_name = 'audits' AND row_id = OLD.id AND clock = (SELECT clock FROM write_context);
      UPDATE change_log SET live = 0 WHERE table_name = 'audits' AND row_id = OLD.id AND live = 1;
      UPDATE tombstones SET live = 0 WHERE table_name = 'audits' AND row_id = OLD.id AND live = 1 AND clock <> (SELECT clock FROM write_context);
      DELETE FROM change_log WHERE table_name = 'audits' AND row_id = OLD.id AND coalesce(scope, '') NOT IN (SELECT audit_id FROM team_audits UNION SELECT a.client_id FROM team_audits t JOIN audits a ON a.id = t.audit_id);
    END;
    CREATE TRIGGER audit_sites_log_insert AFTER INSERT ON audit_sites WHEN (SELECT applying FROM write_context) = 0 BEGIN
      INSERT INTO change_log (table_name, row_id, field, value, clock, device_id, author, scope, replaces)
      SELECT 'audit_sites', NEW.audit_id || '/' || NEW.site_id, c.f, c.v, w.clock, w.device_id, w.author, NEW.audit_id,
        (SELECT json_group_array(x) FROM (SELECT clock AS x FROM change_log WHERE table_name = 'audit_sites' AND row_id = NEW.audit_id || '/' || NEW.site_id AND field = c.f AND live = 1 UNION SELECT clock FROM tombstones WHERE table_name = 'audit_sites' AND row_id = NEW.audit_id || '/' || NEW.site_id AND live = 1 AND clock <> w.clock
          UNION SELECT j.value FROM tombstones t, json_each(t.replaces) j
            WHERE t.table_name = 'audit_sites' AND t.row_id = NEW.audit_id || '/' || NEW.site_id AND t.clock = w.clock ORDER BY 1))
      FROM write_context w, (SELECT 'audit_id' AS f, json_quote(NEW.audit_id) AS v UNION ALL SELECT 'site_id' AS f, json_quote(NEW.site_id) AS v) c;
      DELETE FROM tombstones WHERE table_name = 'audit_sites' AND row_id = NEW.audit_id || '/' || NEW.site_id AND clock = (SELECT clock FROM write_context);
      UPDATE change_log SET live = 0 WHERE table_name = 'audit_sites' AND row_id = NEW.audit_id || '/' || NEW.site_id AND live = 1 AND clock <> (SELECT clock FROM write_context);
      UPDATE tombstones SET live = 0 WHERE table_name = 'audit_sites' AND row_id = NEW.audit_id || '/' || NEW.site_id AND live = 1;
    END;
    CREATE TRIGGER audit_sites_log_delete AFTER DELETE ON audit_sites WHEN (SELECT applying FROM write_context) = 0 BEGIN
      INSERT OR REPLACE INTO tombstones (table_name, row_id, clock, device_id, author, scope, replaces, live)
      SELECT 'audit_sites', OLD.audit_id || '/' || OLD.site_id, w.clock, w.device_id, w.author,
        coalesce((SELECT scope FROM change_log WHERE table_name = 'audit_sites' AND row_id = OLD.audit_id || '/' || OLD.site_id AND scope IS NOT NULL LIMIT 1), OLD.audit_id),
        (SELECT json_group_array(x) FROM (
          SELECT clock AS x FROM change_log WHERE table_name = 'audit_sites' AND row_id = OLD.audit_id || '/' || OLD.site_id AND live = 1 AND clock <> w.clock
          UNION SELECT j.value FROM change_log c, json_each(c.replaces) j WHERE c.table_name = 'audit_sites'
            AND c.row_id = OLD.audit_id || '/' || OLD.site_id AND c.clock = w.clock
          UNION SELECT clock FROM tombstones WHERE table_name = 'audit_sites' AND row_id = OLD.audit_id || '/' || OLD.site_id AND live = 1 AND clock <> w.clock ORDER BY 1)),
        1
      FROM write_context w;
      DELETE FROM change_log WHERE table_name = 'audit_sites' AND row_id = OLD.audit_id || '/' || OLD.site_id AND clock = (SELECT clock FROM write_context);
      UPDATE change_log SET live = 0 WHERE table_name = 'audit_sites' AND row_id = OLD.audit_id || '/' || OLD.site_id AND live = 1;
      UPDATE tombstones SET live = 0 WHERE table_name = 'audit_sites' AND row_id = OLD.audit_id || '/' || OLD.site_id AND live = 1 AND clock <> (SELECT clock FROM write_context);
      DELETE FROM change_log WHERE table_name = 'audit_sites' AND row_id = OLD.audit_id || '/' || OLD.site_id AND coalesce(scope, '') NOT IN (SELECT audit_id FROM team_audits UNION SELECT a.client_id FROM team_audits t JOIN audits a ON a.id = t.audit_id);
    END;
    CREATE TRIGGER audit_team_log_insert AFTER INSERT ON audit_team WHEN (SELECT applying FROM write_context) = 0 BEGIN
      INSERT INTO change_log (table_name, row_id, field, value, clock, device_id, author, scope, replaces)
      SELECT 'audit_team', NEW.id, c.f, c.v, w.clock, w.device_id, w.author, NEW.audit_id,
        (SELECT json_group_array(x) FROM (SELECT clock AS x FROM change_log WHERE table_name = 'audit_team' AND row_id = NEW.id AND field = c.f AND live = 1 UNION SELECT clock FROM tombstones WHERE table_name = 'audit_team' AND row_id = NEW.id AND live = 1 AND clock <> w.clock
          UNION SELECT j.value FROM tombstones t, json_each(t.replaces) j
            WHERE t.table_name = 'audit_team' AND t.row_id = NEW.id AND t.clock = w.clock ORDER BY 1))
      FROM write_context w, (SELECT 'id' AS f, json_quote(NEW.id) AS v UNION ALL SELECT 'audit_id' AS f, json_quote(NEW.audit_id) AS v UNION ALL SELECT 'position' AS f, json_quote(NEW.position) AS v UNION ALL SELECT 'name' AS f, json_quote(NEW.name) AS v UNION ALL SELECT 'email' AS f, json_quote(NEW.email) AS v UNION ALL SELECT 'role' AS f, json_quote(NEW.role) AS v) c;
      DELETE FROM tombstones WHERE table_name = 'audit_team' AND row_id = NEW.id AND clock = (SELECT clock FROM write_context);
      UPDATE change_log SET live = 0 WHERE table_name = 'audit_team' AND row_id = NEW.id AND live = 1 AND clock <> (SELECT clock FROM write_context);
      UPDATE tombstones SET live = 0 WHERE table_name = 'audit_team' AND row_id = NEW.id AND live = 1;
    END;
    CREATE TRIGGER audit_team_log_update AFTER UPDATE ON audit_team WHEN (SELECT applying FROM write_context) = 0 BEGIN
      UPDATE change_log SET value = CASE field WHEN 'audit_id' THEN json_quote(NEW.audit_id) WHEN 'position' THEN json_quote(NEW.position) WHEN 'name' THEN json_quote(NEW.name) WHEN 'email' THEN json_quote(NEW.email) WHEN 'role' THEN json_quote(NEW.role) END
        WHERE table_name = 'audit_team' AND row_id = NEW.id AND clock = (SELECT clock FROM write_context) AND field IN (SELECT f FROM (SELECT 'audit_id' AS f, json_quote(NEW.audit_id) AS v WHERE NEW.audit_id IS NOT OLD.audit_id UNION ALL SELECT 'position' AS f, json_quote(NEW.position) AS v WHERE NEW.position IS NOT OLD.position UNION ALL SELECT 'name' AS f, json_quote(NEW.name) AS v WHERE NEW.name IS NOT OLD.name UNION ALL SELECT 'email' AS f, json_quote(NEW.email) AS v WHERE NEW.email IS NOT OLD.email UNION ALL SELECT 'role' AS f, json_quote(NEW.role) AS v WHERE NEW.role IS NOT OLD.role));
      INSERT INTO change_log (table_name, row_id, field, value, clock, device_id, author, scope, replaces)
      SELECT 'audit_team', NEW.id, c.f, c.v, w.clock, w.device_id, w.author, NEW.audit_id,
        (SELECT json_group_array(x) FROM (SELECT clock AS x FROM change_log WHERE table_name = 'audit_team' AND row_id = NEW.id AND field = c.f AND live = 1 UNION SELECT clock FROM tombstones WHERE table_name = 'audit_team' AND row_id = NEW.id AND live = 1 AND clock <> w.clock ORDER BY 1))
      FROM write_context w, (SELECT 'audit_id' AS f, json_quote(NEW.audit_id) AS v WHERE NEW.audit_id IS NOT OLD.audit_id UNION ALL SELECT 'position' AS f, json_quote(NEW.position) AS v WHERE NEW.position IS NOT OLD.position UNION ALL SELECT 'name' AS f, json_quote(NEW.name) AS v WHERE NEW.name IS NOT OLD.name UNION ALL SELECT 'email' AS f, json_quote(NEW.email) AS v WHERE NEW.email IS NOT OLD.email UNION ALL SELECT 'role' AS f, json_quote(NEW.role) AS v WHERE NEW.role IS NOT OLD.role) c
      WHERE NOT EXISTS (SELECT 1 FROM change_log WHERE table_name = 'audit_team' AND row_id = NEW.id AND field = c.f AND clock = w.clock);
      UPDATE change_log SET live = 0 WHERE table_name = 'audit_team' AND row_id = NEW.id AND live = 1 AND clock <> (SELECT clock FROM write_context)
        AND field IN (SELECT f FROM (SELECT 'audit_id' AS f, json_quote(NEW.audit_id) AS v WHERE NEW.audit_id IS NOT OLD.audit_id UNION ALL SELECT 'position' AS f, json_quote(NEW.position) AS v WHERE NEW.position IS NOT OLD.position UNION ALL SELECT 'name' AS f, json_quote(NEW.name) AS v WHERE NEW.name IS NOT OLD.name UNION ALL SELECT 'email' AS f, json_quote(NEW.email) AS v WHERE NEW.email IS NOT OLD.email UNION ALL SELECT 'role' AS f, json_quote(NEW.role) AS v WHERE NEW.role IS NOT OLD.role));
      UPDATE tombstones SET live = 0 WHERE table_name = 'audit_team' AND row_id = NEW.id AND live = 1;
    END;
    CREATE TRIGGER audit_team_log_delete AFTER DELETE ON audit_team WHEN (SELECT applying FROM write_context) = 0 BEGIN
      INSERT OR REPLACE INTO tombstones (table_name, row_id, clock, device_id, author, scope, replaces, live)
      SELECT 'audit_team', OLD.id, w.clock, w.device_id, w.author,
        coalesce((SELECT scope FROM change_log WHERE table_name = 'audit_team' AND row_id = OLD.id AND scope IS NOT NULL LIMIT 1), OLD.audit_id),
        (SELECT json_group_array(x) FROM (
          SELECT clock AS x FROM change_log WHERE table_name = 'audit_team' AND row_id = OLD.id AND live = 1 AND clock <> w.clock
          UNION SELECT j.value FROM change_log c, json_each(c.replaces) j WHERE c.table_name = 'audit_team'
            AND c.row_id = OLD.id AND c.clock = w.clock
          UNION SELECT clock FROM tombstones WHERE table_name = 'audit_team' AND row_id = OLD.id AND live = 1 AND clock <> w.clock ORDER BY 1)),
        1
      FROM write_context w;
      DELETE FROM change_log WHERE table_name = 'audit_team' AND row_id = OLD.id AND clock = (SELECT clock FROM write_context);
      UPDATE change_log SET live = 0 WHERE table_name = 'audit_team' AND row_id = OLD.id AND live = 1;
      UPDATE tombstones SET live = 0 WHERE table_name = 'audit_team' AND row_id = OLD.id AND live = 1 AND clock <> (SELECT clock FROM write_context);
      DELETE FROM change_log WHERE table_name = 'audit_team' AND row_id = OLD.id AND coalesce(scope, '') NOT IN (SELECT audit_id FROM team_audits UNION SELECT a.client_id FROM team_audits t JOIN audits a ON a.id = t.audit_id);
    END;
    CREATE TRIGGER checklist_items_log_insert AFTER INSERT ON checklist_items WHEN (SELECT applying FROM write_context) = 0 BEGIN
      INSERT INTO change_log (table_name, row_id, field, value, clock, device_id, author, scope, replaces)
      SELECT 'checklist_items', NEW.id, c.f, c.v, w.clock, w.device_id, w.author, NEW.audit_id,
        (SELECT json_group_array(x) FROM (SELECT clock AS x FROM change_log WHERE table_name = 'checklist_items' AND row_id = NEW.id AND field = c.f AND live = 1 UNION SELECT clock FROM tombstones WHERE table_name = 'checklist_items' AND row_id = NEW.id AND live = 1 AND clock <> w.clock
          UNION SELECT j.value FROM tombstones t, json_each(t.replaces) j
            WHERE t.table_name = 'checklist_items' AND t.row_id = NEW.id AND t.clock = w.clock ORDER BY 1))
      FROM write_context w, (SELECT 'id' AS f, json_quote(NEW.id) AS v UNION ALL SELECT 'audit_id' AS f, json_quote(NEW.audit_id) AS v UNION ALL SELECT 'position' AS f, json_quote(NEW.position) AS v UNION ALL SELECT 'ref' AS f, json_quote(NEW.ref) AS v UNION ALL SELECT 'kind' AS f, json_quote(NEW.kind) AS v UNION ALL SELECT 'group_id' AS f, json_quote(NEW.group_id) AS v UNION ALL SELECT 'group_title' AS f, json_quote(NEW.group_title) AS v UNION ALL SELECT 'group_kind' AS f, json_quote(NEW.group_kind) AS v UNION ALL SELECT 'number' AS f, json_quote(NEW.number) AS v UNION ALL SELECT 'title' AS f, json_quote(NEW.title) AS v UNION ALL SELECT 'questions' AS f, json_quote(NEW.questions) AS v UNION ALL SELECT 'evidence' AS f, json_quote(NEW.evidence) AS v UNION ALL SELECT 'clauses' AS f, json_quote(NEW.clauses) AS v UNION ALL SELECT 'result' AS f, json_quote(NEW.result) AS v UNION ALL SELECT 'notes' AS f, json_quote(NEW.notes) AS v UNION ALL SELECT 'assignee_id' AS f, json_quote(NEW.assignee_id) AS v UNION ALL SELECT 'sample_size' AS f, json_quote(NEW.sample_size) AS v UNION ALL SELECT 'minutes_spent' AS f, json_quote(NEW.minutes_spent) AS v UNION ALL SELECT 'soa_applicable' AS f, json_quote(NEW.soa_applicable) AS v UNION ALL SELECT 'soa_justification' AS f, json_quote(NEW.soa_justification) AS v UNION ALL SELECT 'soa_status' AS f, json_quote(NEW.soa_status) AS v UNION ALL SELECT 'updated_by' AS f, json_quote(NEW.updated_by) AS v) c;
      DELETE FROM tombstones WHERE table_name = 'checklist_items' AND row_id = NEW.id AND clock = (SELECT clock FROM write_context);
      UPDATE change_log SET live = 0 WHERE table_name = 'checklist_items' AND row_id = NEW.id AND live = 1 AND clock <> (SELECT clock FROM write_context);
      UPDATE tombstones SET live = 0 WHERE table_name = 'checklist_items' AND row_id = NEW.id AND live = 1;
    END;
    CREATE TRIGGER checklist_items_log_update AFTER UPDATE ON checklist_items WHEN (SELECT applying FROM write_context) = 0 BEGIN
      UPDATE change_log SET value = CASE field WHEN 'audit_id' THEN json_quote(NEW.audit_id) WHEN 'position' THEN json_quote(NEW.position) WHEN 'ref' THEN json_quote(NEW.ref) WHEN 'kind' THEN json_quote(NEW.kind) WHEN 'group_id' THEN json_quote(NEW.group_id) WHEN 'group_title' THEN json_quote(NEW.group_title) WHEN 'group_kind' THEN json_quote(NEW.group_kind) WHEN 'number' THEN json_quote(NEW.number) WHEN 'title' THEN json_quote(NEW.title) WHEN 'questions' THEN json_quote(NEW.questions) WHEN 'evidence' THEN json_quote(NEW.evidence) WHEN 'clauses' THEN json_quote(NEW.clauses) WHEN 'result' THEN json_quote(NEW.result) WHEN 'notes' THEN json_quote(NEW.notes) WHEN 'assignee_id' THEN json_quote(NEW.assignee_id) WHEN 'sample_size' THEN json_quote(NEW.sample_size) WHEN 'minutes_spent' THEN json_quote(NEW.minutes_spent) WHEN 'soa_applicable' THEN json_quote(NEW.soa_applicable) WHEN 'soa_justification' THEN json_quote(NEW.soa_justification) WHEN 'soa_status' THEN json_quote(NEW.soa_status) WHEN 'updated_by' THEN json_quote(NEW.updated_by) END
        WHERE table_name = 'checklist_items' AND row_id = NEW.id AND clock = (SELECT clock FROM write_context) AND field IN (SELECT f FROM (SELECT 'audit_id' AS f, json_quote(NEW.audit_id) AS v WHERE NEW.audit_id IS NOT OLD.audit_id UNION ALL SELECT 'position' AS f, json_quote(NEW.position) AS v WHERE NEW.position IS NOT OLD.position UNION ALL SELECT 'ref' AS f, json_quote(NEW.ref) AS v WHERE NEW.ref IS NOT OLD.ref UNION ALL SELECT 'kind' AS f, json_quote(NEW.kind) AS v WHERE NEW.kind IS NOT OLD.kind UNION ALL SELECT 'group_id' AS f, json_quote(NEW.group_id) AS v WHERE NEW.group_id IS NOT OLD.group_id UNION ALL SELECT 'group_title' AS f, json_quote(NEW.group_title) AS v WHERE NEW.group_title IS NOT OLD.group_title UNION ALL SELECT 'group_kind' AS f, json_quote(NEW.group_kind) AS v WHERE NEW.group_kind IS NOT OLD.group_kind UNION ALL SELECT 'number' AS f, json_quote(NEW.number) AS v WHERE NEW.number IS NOT OLD.number UNION ALL SELECT 'title' AS f, json_quote(NEW.title) AS v WHERE NEW.title IS NOT OLD.title UNION ALL SELECT 'questions' AS f, json_quote(NEW.questions) AS v WHERE NEW.questions IS NOT OLD.questions UNION ALL SELECT 'evidence' AS f, json_quote(NEW.evidence) AS v WHERE NEW.evidence IS NOT OLD.evidence UNION ALL SELECT 'clauses' AS f, json_quote(NEW.clauses) AS v WHERE NEW.clauses IS NOT OLD.clauses UNION ALL SELECT 'result' AS f, json_quote(NEW.result) AS v WHERE NEW.result IS NOT OLD.result UNION ALL SELECT 'notes' AS f, json_quote(NEW.notes) AS v WHERE NEW.notes IS NOT OLD.notes UNION ALL SELECT 'assignee_id' AS f, json_quote(NEW.assignee_id) AS v WHERE NEW.assignee_id IS NOT OLD.assignee_id UNION ALL SELECT 'sample_size' AS f, json_quote(NEW.sample_size) AS v WHERE NEW.sample_size IS NOT OLD.sample_size UNION ALL SELECT 'minutes_spent' AS f, json_quote(NEW.minutes_spent) AS v WHERE NEW.minutes_spent IS NOT OLD.minutes_spent UNION ALL SELECT 'soa_applicable' AS f, json_quote(NEW.soa_applicable) AS v WHERE NEW.soa_applicable IS NOT OLD.soa_applicable UNION ALL SELECT 'soa_justification' AS f, json_quote(NEW.soa_justification) AS v WHERE NEW.soa_justification IS NOT OLD.soa_justification UNION ALL SELECT 'soa_status' AS f, json_quote(NEW.soa_status) AS v WHERE NEW.soa_status IS NOT OLD.soa_status UNION ALL SELECT 'updated_by' AS f, json_quote(NEW.updated_by) AS v WHERE NEW.updated_by IS NOT OLD.updated_by));
      INSERT INTO change_log (table_name, row_id, field, value, clock, device_id, author, scope, replaces)
      SELECT 'checklist_items', NEW.id, c.f, c.v, w.clock, w.device_id, w.author, NEW.audit_id,
        (SELECT json_group_array(x) FROM (SELECT clock AS x FROM change_log WHERE table_name = 'checklist_items' AND row_id = NEW.id AND field = c.f AND live = 1 UNION SELECT clock FROM tombstones WHERE table_name = 'checklist_items' AND row_id = NEW.id AND live = 1 AND clock <> w.clock ORDER BY 1))
      FROM write_context w, (SELECT 'audit_id' AS f, json_quote(NEW.audit_id) AS v WHERE NEW.audit_id IS NOT OLD.audit_id UNION ALL SELECT 'position' AS f, json_quote(NEW.position) AS v WHERE NEW.position IS NOT OLD.position UNION ALL SELECT 'ref' AS f, json_quote(NEW.ref) AS v WHERE NEW.ref IS NOT OLD.ref UNION ALL SELECT 'kind' AS f, json_quote(NEW.kind) AS v WHERE NEW.kind IS NOT OLD.kind UNION ALL SELECT 'group_id' AS f, json_quote(NEW.group_id) AS v WHERE NEW.group_id IS NOT OLD.group_id UNION ALL SELECT 'group_title' AS f, json_quote(NEW.group_title) AS v WHERE NEW.group_title IS NOT OLD.group_title UNION ALL SELECT 'group_kind' AS f, json_quote(NEW.group_kind) AS v WHERE NEW.group_kind IS NOT OLD.group_kind UNION ALL SELECT 'number' AS f, json_quote(NEW.number) AS v WHERE NEW.number IS NOT OLD.number UNION ALL SELECT 'title' AS f, json_quote(NEW.title) AS v WHERE NEW.title IS NOT OLD.title UNION ALL SELECT 'questions' AS f, json_quote(NEW.questions) AS v WHERE NEW.questions IS NOT OLD.questions UNION ALL SELECT 'evidence' AS f, json_quote(NEW.evidence) AS v WHERE NEW.evidence IS NOT OLD.evidence UNION ALL SELECT 'clauses' AS f, json_quote(NEW.clauses) AS v WHERE NEW.clauses IS NOT OLD.clauses UNION ALL SELECT 'result' AS f, json_quote(NEW.result) AS v WHERE NEW.result IS NOT OLD.result UNION ALL SELECT 'notes' AS f, json_quote(NEW.notes) AS v WHERE NEW.notes IS NOT OLD.notes UNION ALL SELECT 'assignee_id' AS f, json_quote(NEW.assignee_id) AS v WHERE NEW.assignee_id IS NOT OLD.assignee_id UNION ALL SELECT 'sample_size' AS f, json_quote(NEW.sample_size) AS v WHERE NEW.sample_size IS NOT OLD.sample_size UNION ALL SELECT 'minutes_spent' AS f, json_quote(NEW.minutes_spent) AS v WHERE NEW.minutes_spent IS NOT OLD.minutes_spent UNION ALL SELECT 'soa_applicable' AS f, json_quote(NEW.soa_applicable) AS v WHERE NEW.soa_applicable IS NOT OLD.soa_applicable UNION ALL SELECT 'soa_justification' AS f, json_quote(NEW.soa_justification) AS v WHERE NEW.soa_justification IS NOT OLD.soa_justification UNION ALL SELECT 'soa_status' AS f, json_quote(NEW.soa_status) AS v WHERE NEW.soa_status IS NOT OLD.soa_status UNION ALL SELECT 'updated_by' AS f, json_quote(NEW.updated_by) AS v WHERE NEW.updated_by IS NOT OLD.updated_by) c
      WHERE NOT EXISTS (SELECT 1 FROM change_log WHERE table_name = 'checklist_items' AND row_id = NEW.id AND field = c.f AND clock = w.clock);
      UPDATE change_log SET live = 0 WHERE table_name = 'checklist_items' AND row_id = NEW.id AND live = 1 AND clock <> (SELECT clock FROM write_context)
        AND field IN (SELECT f FROM (SELECT 'audit_id' AS f, json_quote(NEW.audit_id) AS v WHERE NEW.audit_id IS NOT OLD.audit_id UNION ALL SELECT 'position' AS f, json_quote(NEW.position) AS v WHERE NEW.position IS NOT OLD.position UNION ALL SELECT 'ref' AS f, json_quote(NEW.ref) AS v WHERE NEW.ref IS NOT OLD.ref UNION ALL SELECT 'kind' AS f, json_quote(NEW.kind) AS v WHERE NEW.kind IS NOT OLD.kind UNION ALL SELECT 'group_id' AS f, json_quote(NEW.group_id) AS v WHERE NEW.group_id IS NOT OLD.group_id UNION ALL SELECT 'group_title' AS f, json_quote(NEW.group_title) AS v WHERE NEW.group_title IS NOT OLD.group_title UNION ALL SELECT 'group_kind' AS f, json_quote(NEW.group_kind) AS v WHERE NEW.group_kind IS NOT OLD.group_kind UNION ALL SELECT 'number' AS f, json_quote(NEW.number) AS v WHERE NEW.number IS NOT OLD.number UNION ALL SELECT 'title' AS f, json_quote(NEW.title) AS v WHERE NEW.title IS NOT OLD.title UNION ALL SELECT 'questions' AS f, json_quote(NEW.questions) AS v WHERE NEW.questions IS NOT OLD.questions UNION ALL SELECT 'evidence' AS f, json_quote(NEW.evidence) AS v WHERE NEW.evidence IS NOT OLD.evidence UNION ALL SELECT 'clauses' AS f, json_quote(NEW.clauses) AS v WHERE NEW.clauses IS NOT OLD.clauses UNION ALL SELECT 'result' AS f, json_quote(NEW.result) AS v WHERE NEW.result IS NOT OLD.result UNION ALL SELECT 'notes' AS f, json_quote(NEW.notes) AS v WHERE NEW.notes IS NOT OLD.notes UNION ALL SELECT 'assignee_id' AS f, json_quote(NEW.assignee_id) AS v WHERE NEW.assignee_id IS NOT OLD.assignee_id UNION ALL SELECT 'sample_size' AS f, json_quote(NEW.sample_size) AS v WHERE NEW.sample_size IS NOT OLD.sample_size UNION ALL SELECT 'minutes_spent' AS f, json_quote(NEW.minutes_spent) AS v WHERE NEW.minutes_spent IS NOT OLD.minutes_spent UNION ALL SELECT 'soa_applicable' AS f, json_quote(NEW.soa_applicable) AS v WHERE NEW.soa_applicable IS NOT OLD.soa_applicable UNION ALL SELECT 'soa_justification' AS f, json_quote(NEW.soa_justification) AS v WHERE NEW.soa_justification IS NOT OLD.soa_justification UNION ALL SELECT 'soa_status' AS f, json_quote(NEW.soa_status) AS v WHERE NEW.soa_status IS NOT OLD.soa_status UNION ALL SELECT 'updated_by' AS f, json_quote(NEW.updated_by) AS v WHERE NEW.updated_by IS NOT OLD.updated_by));
      UPDATE tombstones SET live = 0 WHERE table_name = 'checklist_items' AND row_id = NEW.id AND live = 1;
    END;
    CREATE TRIGGER checklist_items_log_delete AFTER DELETE ON checklist_items WHEN (SELECT applying FROM write_context) = 0 BEGIN
      INSERT OR REPLACE INTO tombstones (table_name, row_id, clock, device_id, author, scope, replaces, live)
      SELECT 'checklist_items', OLD.id, w.clock, w.device_id, w.author,
        coalesce((SELECT scope FROM change_log WHERE table_name = 'checklist_items' AND row_id = OLD.id AND scope IS NOT NULL LIMIT 1), OLD.audit_id),
        (SELECT json_group_array(x) FROM (
          SELECT clock AS x FROM change_log WHERE table_name = 'checklist_items' AND row_id = OLD.id AND live = 1 AND clock <> w.clock
          UNION SELECT j.value FROM change_log c, json_each(c.replaces) j WHERE c.table_name = 'checklist_items'
            AND c.row_id = OLD.id AND c.clock = w.clock
          UNION SELECT clock FROM tombstones WHERE table_name = 'checklist_items' AND row_id = OLD.id AND live = 1 AND clock <> w.clock ORDER BY 1)),
        1
      FROM write_context w;
      DELETE FROM change_log WHERE table_name = 'checklist_items' AND row_id = OLD.id AND clock = (SELECT clock FROM write_context);
      UPDATE change_log SET live = 0 WHERE table_name = 'checklist_items' AND row_id = OLD.id AND live = 1;
      UPDATE tombstones SET live = 0 WHERE table_name = 'checklist_items' AND row_id = OLD.id AND live = 1 AND clock <> (SELECT clock FROM write_context);
      DELETE FROM change_log WHERE table_name = 'checklist_items' AND row_id = OLD.id AND coalesce(scope, '') NOT IN (SELECT audit_id FROM team_audits UNION SELECT a.client_id FROM team_audits t JOIN audits a ON a.id = t.audit_id);
    END;
    CREATE TRIGGER checklist_samples_log_insert AFTER INSERT ON checklist_samples WHEN (SELECT applying FROM write_context) = 0 BEGIN
      INSERT INTO change_log (table_name, row_id, field, value, clock, device_id, author, scope, replaces)
      SELECT 'checklist_samples', NEW.id, c.f, c.v, w.clock, w.device_id, w.author, (SELECT audit_id FROM checklist_items WHERE id = NEW.item_id),
        (SELECT json_group_array(x) FROM (SELECT clock AS x FROM change_log WHERE table_name = 'checklist_samples' AND row_id = NEW.id AND field = c.f AND live = 1 UNION SELECT clock FROM tombstones WHERE table_name = 'checklist_samples' AND row_id = NEW.id AND live = 1 AND clock <> w.clock
          UNION SELECT j.value FROM tombstones t, json_each(t.replaces) j
            WHERE t.table_name = 'checklist_samples' AND t.row_id = NEW.id AND t.clock = w.clock ORDER BY 1))
      FROM write_context w, (SELECT 'id' AS f, json_quote(NEW.id) AS v UNION ALL SELECT 'item_id' AS f, json_quote(NEW.item_id) AS v UNION ALL SELECT 'position' AS f, json_quote(NEW.position) AS v UNION ALL SELECT 'identifier' AS f, json_quote(NEW.identifier) AS v UNION ALL SELECT 'description' AS f, json_quote(NEW.description) AS v) c;
      DELETE FROM tombstones WHERE table_name = 'checklist_samples' AND row_id = NEW.id AND clock = (SELECT clock FROM write_context);
      UPDATE change_log SET live = 0 WHERE table_name = 'checklist_samples' AND row_id = NEW.id AND live = 1 AND clock <> (SELECT clock FROM write_context);
      UPDATE tombstones SET live = 0 WHERE table_name = 'checklist_samples' AND row_id = NEW.id AND live = 1;
    END;
    CREATE TRIGGER checklist_samples_log_update AFTER UPDATE ON checklist_samples WHEN (SELECT applying FROM write_context) = 0 BEGIN
      UPDATE change_log SET value = CASE field WHEN 'item_id' THEN json_quote(NEW.item_id) WHEN 'position' THEN json_quote(NEW.position) WHEN 'identifier' THEN json_quote(NEW.identifier) WHEN 'description' THEN json_quote(NEW.description) END
        WHERE table_name = 'checklist_samples' AND row_id = NEW.id AND clock = (SELECT clock FROM write_context) AND field IN (SELECT f FROM (SELECT 'item_id' AS f, json_quote(NEW.item_id) AS v WHERE NEW.item_id IS NOT OLD.item_id UNION ALL SELECT 'position' AS f, json_quote(NEW.position) AS v WHERE NEW.position IS NOT OLD.position UNION ALL SELECT 'identifier' AS f, json_quote(NEW.identifier) AS v WHERE NEW.identifier IS NOT OLD.identifier UNION ALL SELECT 'description' AS f, json_quote(NEW.description) AS v WHERE NEW.description IS NOT OLD.description));
      INSERT INTO change_log (table_name, row_id, field, value, clock, device_id, author, scope, replaces)
      SELECT 'checklist_samples', NEW.id, c.f, c.v, w.clock, w.device_id, w.author, (SELECT audit_id FROM checklist_items WHERE id = NEW.item_id),
        (SELECT json_group_array(x) FROM (SELECT clock AS x FROM change_log WHERE table_name = 'checklist_samples' AND row_id = NEW.id AND field = c.f AND live = 1 UNION SELECT clock FROM tombstones WHERE table_name = 'checklist_samples' AND row_id = NEW.id AND live = 1 AND clock <> w.clock ORDER BY 1))
      FROM write_context w, (SELECT 'item_id' AS f, json_quote(NEW.item_id) AS v WHERE NEW.item_id IS NOT OLD.item_id UNION ALL SELECT 'position' AS f, json_quote(NEW.position) AS v WHERE NEW.position IS NOT OLD.position UNION ALL SELECT 'identifier' AS f, json_quote(NEW.identifier) AS v WHERE NEW.identifier IS NOT OLD.identifier UNION ALL SELECT 'description' AS f, json_quote(NEW.description) AS v WHERE NEW.description IS NOT OLD.description) c
      WHERE NOT EXISTS (SELECT 1 FROM change_log WHERE table_name = 'checklist_samples' AND row_id = NEW.id AND field = c.f AND clock = w.clock);
      UPDATE change_log SET live = 0 WHERE table_name = 'checklist_samples' AND row_id = NEW.id AND live = 1 AND clock <> (SELECT clock FROM write_context)
        AND field IN (SELECT f FROM (SELECT 'item_id' AS f, json_quote(NEW.item_id) AS v WHERE NEW.item_id IS NOT OLD.item_id UNION ALL SELECT 'position' AS f, json_quote(NEW.position) AS v WHERE NEW.position IS NOT OLD.position UNION ALL SELECT 'identifier' AS f, json_quote(NEW.identifier) AS v WHERE NEW.identifier IS NOT OLD.identifier UNION ALL SELECT 'description' AS f, json_quote(NEW.description) AS v WHERE NEW.description IS NOT OLD.description));
      UPDATE tombstones SET live = 0 WHERE table_name = 'checklist_samples' AND row_id = NEW.id AND live = 1;
    END;
    CREATE TRIGGER checklist_samples_log_delete AFTER DELETE ON checklist_samples WHEN (SELECT applying FROM write_context) = 0 BEGIN
      INSERT OR REPLACE INTO tombstones (table_name, row_id, clock, device_id, author, scope, replaces, live)
      SELECT 'checklist_samples', OLD.id, w.clock, w.device_id, w.author,
        coalesce((SELECT scope FROM change_log WHERE table_name = 'checklist_samples' AND row_id = OLD.id AND scope IS NOT NULL LIMIT 1), (SELECT audit_id FROM checklist_items WHERE id = OLD.item_id)),
        (SELECT json_group_array(x) FROM (
          SELECT clock AS x FROM change_log WHERE table_name = 'checklist_samples' AND row_id = OLD.id AND live = 1 AND clock <> w.clock
          UNION SELECT j.value FROM change_log c, json_each(c.replaces) j WHERE c.table_name = 'checklist_samples'
            AND c.row_id = OLD.id AND c.clock = w.clock
          UNION SELECT clock FROM tombstones WHERE table_name = 'checklist_samples' AND row_id = OLD.id AND live = 1 AND clock <> w.clock ORDER BY 1)),
        1
      FROM write_context w;
      DELETE FROM change_log WHERE table_name = 'checklist_samples' AND row_id = OLD.id AND clock = (SELECT clock FROM write_context);
      UPDATE change_log SET live = 0 WHERE table_name = 'checklist_samples' AND row_id = OLD.id AND live = 1;
      UPDATE tombstones SET live = 0 WHERE table_name = 'checklist_samples' AND row_id = OLD.id AND live = 1 AND clock <> (SELECT clock FROM write_context);
      DELETE FROM change_log WHERE table_name = 'checklist_samples' AND row_id = OLD.id AND coalesce(scope, '') NOT IN (SELECT audit_id FROM team_audits UNION SELECT a.client_id FROM team_audits t JOIN audits a ON a.id = t.audit_id);
    END;
    CREATE TRIGGER interviews_log_insert AFTER INSERT ON interviews WHEN (SELECT applying FROM write_context) = 0 BEGIN
      INSERT INTO change_log (table_name, row_id, field, value, clock, device_id, author, scope, replaces)
      SELECT 'interviews', NEW.id, c.f, c.v, w.clock, w.device_id, w.author, NEW.audit_id,
        (SELECT json_group_array(x) FROM (SELECT clock AS x FROM change_log WHERE table_name = 'interviews' AND row_id = NEW.id AND field = c.f AND live = 1 UNION SELECT clock FROM tombstones WHERE table_name = 'interviews' AND row_id = NEW.id AND live = 1 AND clock <> w.clock
          UNION SELECT j.value FROM tombstones t, json_each(t.replaces) j
            WHERE t.table_name = 'interviews' AND t.row_id = NEW.id AND t.clock = w.clock ORDER BY 1))
      FROM write_context w, (SELECT 'id' AS f, json_quote(NEW.id) AS v UNION ALL SELECT 'audit_id' AS f, json_quote(NEW.audit_id) AS v UNION ALL SELECT 'interviewee_name' AS f, json_quote(NEW.interviewee_name) AS v UNION ALL SELECT 'interviewee_role' AS f, json_quote(NEW.interviewee_role) AS v UNION ALL SELECT 'department' AS f, json_quote(NEW.department) AS v UNION ALL SELECT 'site_id' AS f, json_quote(NEW.site_id) AS v UNION ALL SELECT 'held_at' AS f, json_quote(NEW.held_at) AS v UNION ALL SELECT 'notes' AS f, json_quote(NEW.notes) AS v) c;
      DELETE FROM tombstones WHERE table_name = 'interviews' AND row_id = NEW.id AND clock = (SELECT clock FROM write_context);
      UPDATE change_log SET live = 0 WHERE table_name = 'interviews' AND row_id = NEW.id AND live = 1 AND clock <> (SELECT clock FROM write_context);
      UPDATE tombstones SET live = 0 WHERE table_name = 'interviews' AND row_id = NEW.id AND live = 1;
    END;
    CREATE TRIGGER interviews_log_update AFTER UPDATE ON interviews WHEN (SELECT applying FROM write_context) = 0 BEGIN
      UPDATE change_log SET value = CASE field WHEN 'audit_id' THEN json_quote(NEW.audit_id) WHEN 'interviewee_name' THEN json_quote(NEW.interviewee_name) WHEN 'interviewee_role' THEN json_quote(NEW.interviewee_role) WHEN 'department' THEN json_quote(NEW.department) WHEN 'site_id' THEN json_quote(NEW.site_id) WHEN 'held_at' THEN json_quote(NEW.held_at) WHEN 'notes' THEN json_quote(NEW.notes) END
        WHERE table_name = 'interviews' AND row_id = NEW.id AND clock = (SELECT clock FROM write_context) AND field IN (SELECT f FROM (SELECT 'audit_id' AS f, json_quote(NEW.audit_id) AS v WHERE NEW.audit_id IS NOT OLD.audit_id UNION ALL SELECT 'interviewee_name' AS f, json_quote(NEW.interviewee_name) AS v WHERE NEW.interviewee_name IS NOT OLD.interviewee_name UNION ALL SELECT 'interviewee_role' AS f, json_quote(NEW.interviewee_role) AS v WHERE NEW.interviewee_role IS NOT OLD.interviewee_role UNION ALL SELECT 'department' AS f, json_quote(NEW.department) AS v WHERE NEW.department IS NOT OLD.department UNION ALL SELECT 'site_id' AS f, json_quote(NEW.site_id) AS v WHERE NEW.site_id IS NOT OLD.site_id UNION ALL SELECT 'held_at' AS f, json_quote(NEW.held_at) AS v WHERE NEW.held_at IS NOT OLD.held_at UNION ALL SELECT 'notes' AS f, json_quote(NEW.notes) AS v WHERE NEW.notes IS NOT OLD.notes));
      INSERT INTO change_log (table_name, row_id, field, value, clock, device_id, author, scope, replaces)
      SELECT 'interviews', NEW.id, c.f, c.v, w.clock, w.device_id, w.author, NEW.audit_id,
        (SELECT json_group_array(x) FROM (SELECT clock AS x FROM change_log WHERE table_name = 'interviews' AND row_id = NEW.id AND field = c.f AND live = 1 UNION SELECT clock FROM tombstones WHERE table_name = 'interviews' AND row_id = NEW.id AND live = 1 AND clock <> w.clock ORDER BY 1))
      FROM write_context w, (SELECT 'audit_id' AS f, json_quote(NEW.audit_id) AS v WHERE NEW.audit_id IS NOT OLD.audit_id UNION ALL SELECT 'interviewee_name' AS f, json_quote(NEW.interviewee_name) AS v WHERE NEW.interviewee_name IS NOT OLD.interviewee_name UNION ALL SELECT 'interviewee_role' AS f, json_quote(NEW.interviewee_role) AS v WHERE NEW.interviewee_role IS NOT OLD.interviewee_role UNION ALL SELECT 'department' AS f, json_quote(NEW.department) AS v WHERE NEW.department IS NOT OLD.department UNION ALL SELECT 'site_id' AS f, json_quote(NEW.site_id) AS v WHERE NEW.site_id IS NOT OLD.site_id UNION ALL SELECT 'held_at' AS f, json_quote(NEW.held_at) AS v WHERE NEW.held_at IS NOT OLD.held_at UNION ALL SELECT 'notes' AS f, json_quote(NEW.notes) AS v WHERE NEW.notes IS NOT OLD.notes) c
      WHERE NOT EXISTS (SELECT 1 FROM change_log WHERE table_name = 'interviews' AND row_id = NEW.id AND field = c.f AND clock = w.clock);
      UPDATE change_log SET live = 0 WHERE table_name = 'interviews' AND row_id = NEW.id AND live = 1 AND clock <> (SELECT clock FROM write_context)
        AND field IN (SELECT f FROM (SELECT 'audit_id' AS f, json_quote(NEW.audit_id) AS v WHERE NEW.audit_id IS NOT OLD.audit_id UNION ALL SELECT 'interviewee_name' AS f, json_quote(NEW.interviewee_name) AS v WHERE NEW.interviewee_name IS NOT OLD.interviewee_name UNION ALL SELECT 'interviewee_role' AS f, json_quote(NEW.interviewee_role) AS v WHERE NEW.interviewee_role IS NOT OLD.interviewee_role UNION ALL SELECT 'department' AS f, json_quote(NEW.department) AS v WHERE NEW.department IS NOT OLD.department UNION ALL SELECT 'site_id' AS f, json_quote(NEW.site_id) AS v WHERE NEW.site_id IS NOT OLD.site_id UNION ALL SELECT 'held_at' AS f, json_quote(NEW.held_at) AS v WHERE NEW.held_at IS NOT OLD.held_at UNION ALL SELECT 'notes' AS f, json_quote(NEW.notes) AS v WHERE NEW.notes IS NOT OLD.notes));
      UPDATE tombstones SET live = 0 WHERE table_name = 'interviews' AND row_id = NEW.id AND live = 1;
    END;
    CREATE TRIGGER interviews_log_delete AFTER DELETE ON interviews WHEN (SELECT applying FROM write_context) = 0 BEGIN
      INSERT OR REPLACE INTO tombstones (table_name, row_id, clock, device_id, author, scope, replaces, live)
      SELECT 'interviews', OLD.id, w.clock, w.device_id, w.author,
        coalesce((SELECT scope FROM change_log WHERE table_name = 'interviews' AND row_id = OLD.id AND scope IS NOT NULL LIMIT 1), OLD.audit_id),
        (SELECT json_group_array(x) FROM (
          SELECT clock AS x FROM change_log WHERE table_name = 'interviews' AND row_id = OLD.id AND live = 1 AND clock <> w.clock
          UNION SELECT j.value FROM change_log c, json_each(c.replaces) j WHERE c.table_name = 'interviews'
            AND c.row_id = OLD.id AND c.clock = w.clock
          UNION SELECT clock FROM tombstones WHERE table_name = 'interviews' AND row_id = OLD.id AND live = 1 AND clock <> w.clock ORDER BY 1)),
        1
      FROM write_context w;
      DELETE FROM change_log WHERE table_name = 'interviews' AND row_id = OLD.id AND clock = (SELECT clock FROM write_context);
      UPDATE change_log SET live = 0 WHERE table_name = 'interviews' AND row_id = OLD.id AND live = 1;
      UPDATE tombstones SET live = 0 WHERE table_name = 'interviews' AND row_id = OLD.id AND live = 1 AND clock <> (SELECT clock FROM write_context);
      DELETE FROM change_log WHERE table_name = 'interviews' AND row_id = OLD.id AND coalesce(scope, '') NOT IN (SELECT audit_id FROM team_audits UNION SELECT a.client_id FROM team_audits t JOIN audits a ON a.id = t.audit_id);
    END;
    CREATE TRIGGER interview_auditors_log_insert AFTER INSERT ON interview_auditors WHEN (SELECT applying FROM write_context) = 0 BEGIN
      INSERT INTO change_log (table_name, row_id, field, value, clock, device_id, author, scope, replaces)
      SELECT 'interview_auditors', NEW.interview_id || '/' || NEW.member_id, c.f, c.v, w.clock, w.device_id, w.author, (SELECT audit_id FROM interviews WHERE id = NEW.interview_id),
        (SELECT json_group_array(x) FROM (SELECT clock AS x FROM change_log WHERE table_name = 'interview_auditors' AND row_id = NEW.interview_id || '/' || NEW.member_id AND field = c.f AND live = 1 UNION SELECT clock FROM tombstones WHERE table_name = 'interview_auditors' AND row_id = NEW.interview_id || '/' || NEW.member_id AND live = 1 AND clock <> w.clock
          UNION SELECT j.value FROM tombstones t, json_each(t.replaces) j
            WHERE t.table_name = 'interview_auditors' AND t.row_id = NEW.interview_id || '/' || NEW.member_id AND t.clock = w.clock ORDER BY 1))
      FROM write_context w, (SELECT 'interview_id' AS f, json_quote(NEW.interview_id) AS v UNION ALL SELECT 'member_id' AS f, json_quote(NEW.member_id) AS v) c;
      DELETE FROM tombstones WHERE table_name = 'interview_auditors' AND row_id = NEW.interview_id || '/' || NEW.member_id AND clock = (SELECT clock FROM write_context);
      UPDATE change_log SET live = 0 WHERE table_name = 'interview_auditors' AND row_id = NEW.interview_id || '/' || NEW.member_id AND live = 1 AND clock <> (SELECT clock FROM write_context);
      UPDATE tombstones SET live = 0 WHERE table_name = 'interview_auditors' AND row_id = NEW.interview_id || '/' || NEW.member_id AND live = 1;
    END;
    CREATE TRIGGER interview_auditors_log_delete AFTER DELETE ON interview_auditors WHEN (SELECT applying FROM write_context) = 0 BEGIN
      INSERT OR REPLACE INTO tombstones (table_name, row_id, clock, device_id, author, scope, replaces, live)
      SELECT 'interview_auditors', OLD.interview_id || '/' || OLD.member_id, w.clock, w.device_id, w.author,
        coalesce((SELECT scope FROM change_log WHERE table_name = 'interview_auditors' AND row_id = OLD.interview_id || '/' || OLD.member_id AND scope IS NOT NULL LIMIT 1), (SELECT audit_id FROM interviews WHERE id = OLD.interview_id)),
        (SELECT json_group_array(x) FROM (
          SELECT clock AS x FROM change_log WHERE table_name = 'interview_auditors' AND row_id = OLD.interview_id || '/' || OLD.member_id AND live = 1 AND clock <> w.clock
          UNION SELECT j.value FROM change_log c, json_each(c.replaces) j WHERE c.table_name = 'interview_auditors'
            AND c.row_id = OLD.interview_id || '/' || OLD.member_id AND c.clock = w.clock
          UNION SELECT clock FROM tombstones WHERE table_name = 'interview_auditors' AND row_id = OLD.interview_id || '/' || OLD.member_id AND live = 1 AND clock <> w.clock ORDER BY 1)),
        1
      FROM write_context w;
      DELETE FROM change_log WHERE table_name = 'interview_auditors' AND row_id = OLD.interview_id || '/' || OLD.member_id AND clock = (SELECT clock FROM write_context);
      UPDATE change_log SET live = 0 WHERE table_name = 'interview_auditors' AND row_id = OLD.interview_id || '/' || OLD.member_id AND live = 1;
      UPDATE tombstones SET live = 0 WHERE table_name = 'interview_auditors' AND row_id = OLD.interview_id || '/' || OLD.member_id AND live = 1 AND clock <> (SELECT clock FROM write_context);
      DELETE FROM change_log WHERE table_name = 'interview_auditors' AND row_id = OLD.interview_id || '/' || OLD.member_id AND coalesce(scope, '') NOT IN (SELECT audit_id FROM team_audits UNION SELECT a.client_id FROM team_audits t JOIN audits a ON a.id = t.audit_id);
    END;
    CREATE TRIGGER interview_items_log_insert AFTER INSERT ON interview_items WHEN (SELECT applying FROM write_context) = 0 BEGIN
      INSERT INTO change_log (table_name, row_id, field, value, clock, device_id, author, scope, replaces)
      SELECT 'interview_items', NEW.interview_id || '/' || NEW.item_id, c.f, c.v, w.clock, w.device_id, w.author, (SELECT audit_id FROM interviews WHERE id = NEW.interview_id),
        (SELECT json_group_array(x) FROM (SELECT clock AS x FROM change_log WHERE table_name = 'interview_items' AND row_id = NEW.interview_id || '/' || NEW.item_id AND field = c.f AND live = 1 UNION SELECT clock FROM tombstones WHERE table_name = 'interview_items' AND row_id = NEW.interview_id || '/' || NEW.item_id AND live = 1 AND clock <> w.clock
          UNION SELECT j.value FROM tombstones t, json_each(t.replaces) j
            WHERE t.table_name = 'interview_items' AND t.row_id = NEW.interview_id || '/' || NEW.item_id AND t.clock = w.clock ORDER BY 1))
      FROM write_context w, (SELECT 'interview_id' AS f, json_quote(NEW.interview_id) AS v UNION ALL SELECT 'item_id' AS f, json_quote(NEW.item_id) AS v) c;
      DELETE FROM tombstones WHERE table_name = 'interview_items' AND row_id = NEW.interview_id || '/' || NEW.item_id AND clock = (SELECT clock FROM write_context);
      UPDATE change_log SET live = 0 WHERE table_name = 'interview_items' AND row_id = NEW.interview_id || '/' || NEW.item_id AND live = 1 AND clock <> (SELECT clock FROM write_context);
      UPDATE tombstones SET live = 0 WHERE table_name = 'interview_items' AND row_id = NEW.interview_id || '/' || NEW.item_id AND live = 1;
    END;
    CREATE TRIGGER interview_items_log_delete AFTER DELETE ON interview_items WHEN (SELECT applying FROM write_context) = 0 BEGIN
      INSERT OR REPLACE INTO tombstones (table_name, row_id, clock, device_id, author, scope, replaces, live)
      SELECT 'interview_items', OLD.interview_id || '/' || OLD.item_id, w.clock, w.device_id, w.author,
        coalesce((SELECT scope FROM change_log WHERE table_name = 'interview_items' AND row_id = OLD.interview_id || '/' || OLD.item_id AND scope IS NOT NULL LIMIT 1), (SELECT audit_id FROM interviews WHERE id = OLD.interview_id)),
        (SELECT json_group_array(x) FROM (
          SELECT clock AS x FROM change_log WHERE table_name = 'interview_items' AND row_id = OLD.interview_id || '/' || OLD.item_id AND live = 1 AND clock <> w.clock
          UNION SELECT j.value FROM change_log c, json_each(c.replaces) j WHERE c.table_name = 'interview_items'
            AND c.row_id = OLD.interview_id || '/' || OLD.item_id AND c.clock = w.clock
          UNION SELECT clock FROM tombstones WHERE table_name = 'interview_items' AND row_id = OLD.interview_id || '/' || OLD.item_id AND live = 1 AND clock <> w.clock ORDER BY 1)),
        1
      FROM write_context w;
      DELETE FROM change_log WHERE table_name = 'interview_items' AND row_id = OLD.interview_id || '/' || OLD.item_id AND clock = (SELECT clock FROM write_context);
      UPDATE change_log SET live = 0 WHERE table_name = 'interview_items' AND row_id = OLD.interview_id || '/' || OLD.item_id AND live = 1;
      UPDATE tombstones SET live = 0 WHERE table_name = 'interview_items' AND row_id = OLD.interview_id || '/' || OLD.item_id AND live = 1 AND clock <> (SELECT clock FROM write_context);
      DELETE FROM change_log WHERE table_name = 'interview_items' AND row_id = OLD.interview_id || '/' || OLD.item_id AND coalesce(scope, '') NOT IN (SELECT audit_id FROM team_audits UNION SELECT a.client_id FROM team_audits t JOIN audits a ON a.id = t.audit_id);
    END;
    CREATE TRIGGER observations_log_insert AFTER INSERT ON observations WHEN (SELECT applying FROM write_context) = 0 BEGIN
      INSERT INTO change_log (table_name, row_id, field, value, clock, device_id, author, scope, replaces)
      SELECT 'observations', NEW.id, c.f, c.v, w.clock, w.device_id, w.author, NEW.audit_id,
        (SELECT json_group_array(x) FROM (SELECT clock AS x FROM change_log WHERE table_name = 'observations' AND row_id = NEW.id AND field = c.f AND live = 1 UNION SELECT clock FROM tombstones WHERE table_name = 'observations' AND row_id = NEW.id AND live = 1 AND clock <> w.clock
          UNION SELECT j.value FROM tombstones t, json_each(t.replaces) j
            WHERE t.table_name = 'observations' AND t.row_id = NEW.id AND t.clock = w.clock ORDER BY 1))
      FROM write_context w, (SELECT 'id' AS f, json_quote(NEW.id) AS v UNION ALL SELECT 'audit_id' AS f, json_quote(NEW.audit_id) AS v UNION ALL SELECT 'site_id' AS f, json_quote(NEW.site_id) AS v UNION ALL SELECT 'location' AS f, json_quote(NEW.location) AS v UNION ALL SELECT 'observed_at' AS f, json_quote(NEW.observed_at) AS v UNION ALL SELECT 'description' AS f, json_quote(NEW.description) AS v) c;
      DELETE FROM tombstones WHERE table_name = 'observations' AND row_id = NEW.id AND clock = (SELECT clock FROM write_context);
      UPDATE change_log SET live = 0 WHERE table_name = 'observations' AND row_id = NEW.id AND live = 1 AND clock <> (SELECT clock FROM write_context);
      UPDATE tombstones SET live = 0 WHERE table_name = 'observations' AND row_id = NEW.id AND live = 1;
    END;
    CREATE TRIGGER observations_log_update AFTER UPDATE ON observations WHEN (SELECT applying FROM write_context) = 0 BEGIN
      UPDATE change_log SET value = CASE field WHEN 'audit_id' THEN json_quote(NEW.audit_id) WHEN 'site_id' THEN json_quote(NEW.site_id) WHEN 'location' THEN json_quote(NEW.location) WHEN 'observed_at' THEN json_quote(NEW.observed_at) WHEN 'description' THEN json_quote(NEW.description) END
        WHERE table_name = 'observations' AND row_id = NEW.id AND clock = (SELECT clock FROM write_context) AND field IN (SELECT f FROM (SELECT 'audit_id' AS f, json_quote(NEW.audit_id) AS v WHERE NEW.audit_id IS NOT OLD.audit_id UNION ALL SELECT 'site_id' AS f, json_quote(NEW.site_id) AS v WHERE NEW.site_id IS NOT OLD.site_id UNION ALL SELECT 'location' AS f, json_quote(NEW.location) AS v WHERE NEW.location IS NOT OLD.location UNION ALL SELECT 'observed_at' AS f, json_quote(NEW.observed_at) AS v WHERE NEW.observed_at IS NOT OLD.observed_at UNION ALL SELECT 'description' AS f, json_quote(NEW.description) AS v WHERE NEW.description IS NOT OLD.description));
      INSERT INTO change_log (table_name, row_id, field, value, clock, device_id, author, scope, replaces)
      SELECT 'observations', NEW.id, c.f, c.v, w.clock, w.device_id, w.author, NEW.audit_id,
        (SELECT json_group_array(x) FROM (SELECT clock AS x FROM change_log WHERE table_name = 'observations' AND row_id = NEW.id AND field = c.f AND live = 1 UNION SELECT clock FROM tombstones WHERE table_name = 'observations' AND row_id = NEW.id AND live = 1 AND clock <> w.clock ORDER BY 1))
      FROM write_context w, (SELECT 'audit_id' AS f, json_quote(NEW.audit_id) AS v WHERE NEW.audit_id IS NOT OLD.audit_id UNION ALL SELECT 'site_id' AS f, json_quote(NEW.site_id) AS v WHERE NEW.site_id IS NOT OLD.site_id UNION ALL SELECT 'location' AS f, json_quote(NEW.location) AS v WHERE NEW.location IS NOT OLD.location UNION ALL SELECT 'observed_at' AS f, json_quote(NEW.observed_at) AS v WHERE NEW.observed_at IS NOT OLD.observed_at UNION ALL SELECT 'description' AS f, json_quote(NEW.description) AS v WHERE NEW.description IS NOT OLD.description) c
      WHERE NOT EXISTS (SELECT 1 FROM change_log WHERE table_name = 'observations' AND row_id = NEW.id AND field = c.f AND clock = w.clock);
      UPDATE change_log SET live = 0 WHERE table_name = 'observations' AND row_id = NEW.id AND live = 1 AND clock <> (SELECT clock FROM write_context)
        AND field IN (SELECT f FROM (SELECT 'audit_id' AS f, json_quote(NEW.audit_id) AS v WHERE NEW.audit_id IS NOT OLD.audit_id UNION ALL SELECT 'site_id' AS f, json_quote(NEW.site_id) AS v WHERE NEW.site_id IS NOT OLD.site_id UNION ALL SELECT 'location' AS f, json_quote(NEW.location) AS v WHERE NEW.location IS NOT OLD.location UNION ALL SELECT 'observed_at' AS f, json_quote(NEW.observed_at) AS v WHERE NEW.observed_at IS NOT OLD.observed_at UNION ALL SELECT 'description' AS f, json_quote(NEW.description) AS v WHERE NEW.description IS NOT OLD.description));
      UPDATE tombstones SET live = 0 WHERE table_name = 'observations' AND row_id = NEW.id AND live = 1;
    END;
    CREATE TRIGGER observations_log_delete AFTER DELETE ON observations WHEN (SELECT applying FROM write_context) = 0 BEGIN
      INSERT OR REPLACE INTO tombstones (table_name, row_id, clock, device_id, author, scope, replaces, live)
      SELECT 'observations', OLD.id, w.clock, w.device_id, w.author,
        coalesce((SELECT scope FROM change_log WHERE table_name = 'observations' AND row_id = OLD.id AND scope IS NOT NULL LIMIT 1), OLD.audit_id),
        (SELECT json_group_array(x) FROM (
          SELECT clock AS x FROM change_log WHERE table_name = 'observations' AND row_id = OLD.id AND live = 1 AND clock <> w.clock
          UNION SELECT j.value FROM change_log c, json_each(c.replaces) j WHERE c.table_name = 'observations'
            AND c.row_id = OLD.id AND c.clock = w.clock
          UNION SELECT clock FROM tombstones WHERE table_name = 'observations' AND row_id = OLD.id AND live = 1 AND clock <> w.clock ORDER BY 1)),
        1
      FROM write_context w;
      DELETE FROM change_log WHERE table_name = 'observations' AND row_id = OLD.id AND clock = (SELECT clock FROM write_context);
      UPDATE change_log SET live = 0 WHERE table_name = 'observations' AND row_id = OLD.id AND live = 1;
      UPDATE tombstones SET live = 0 WHERE table_name = 'observations' AND row_id = OLD.id AND live = 1 AND clock <> (SELECT clock FROM write_context);
      DELETE FROM change_log WHERE table_name = 'observations' AND row_id = OLD.id AND coalesce(scope, '') NOT IN (SELECT audit_id FROM team_audits UNION SELECT a.client_id FROM team_audits t JOIN audits a ON a.id = t.audit_id);
    END;
    CREATE TRIGGER observation_items_log_insert AFTER INSERT ON observation_items WHEN (SELECT applying FROM write_context) = 0 BEGIN
      INSERT INTO change_log (table_name, row_id, field, value, clock, device_id, author, scope, replaces)
      SELECT 'observation_items', NEW.observation_id || '/' || NEW.item_id, c.f, c.v, w.clock, w.device_id, w.author, (SELECT audit_id FROM observations WHERE id = NEW.observation_id),
        (SELECT json_group_array(x) FROM (SELECT clock AS x FROM change_log WHERE table_name = 'observation_items' AND row_id = NEW.observation_id || '/' || NEW.item_id AND field = c.f AND live = 1 UNION SELECT clock FROM tombstones WHERE table_name = 'observation_items' AND row_id = NEW.observation_id || '/' || NEW.item_id AND live = 1 AND clock <> w.clock
          UNION SELECT j.value FROM tombstones t, json_each(t.replaces) j
            WHERE t.table_name = 'observation_items' AND t.row_id = NEW.observation_id || '/' || NEW.item_id AND t.clock = w.clock ORDER BY 1))
      FROM write_context w, (SELECT 'observation_id' AS f, json_quote(NEW.observation_id) AS v UNION ALL SELECT 'item_id' AS f, json_quote(NEW.item_id) AS v) c;
      DELETE FROM tombstones WHERE table_name = 'observation_items' AND row_id = NEW.observation_id || '/' || NEW.item_id AND clock = (SELECT clock FROM write_context);
      UPDATE change_log SET live = 0 WHERE table_name = 'observation_items' AND row_id = NEW.observation_id || '/' || NEW.item_id AND live = 1 AND clock <> (SELECT clock FROM write_context);
      UPDATE tombstones SET live = 0 WHERE table_name = 'observation_items' AND row_id = NEW.observation_id || '/' || NEW.item_id AND live = 1;
    END;
    CREATE TRIGGER observation_items_log_delete AFTER DELETE ON observation_items WHEN (SELECT applying FROM write_context) = 0 BEGIN
      INSERT OR REPLACE INTO tombstones (table_name, row_id, clock, device_id, author, scope, replaces, live)
      SELECT 'observation_items', OLD.observation_id || '/' || OLD.item_id, w.clock, w.device_id, w.author,
        coalesce((SELECT scope FROM change_log WHERE table_name = 'observation_items' AND row_id = OLD.observation_id || '/' || OLD.item_id AND scope IS NOT NULL LIMIT 1), (SELECT audit_id FROM observations WHERE id = OLD.observation_id)),
        (SELECT json_group_array(x) FROM (
          SELECT clock AS x FROM change_log WHERE table_name = 'observation_items' AND row_id = OLD.observation_id || '/' || OLD.item_id AND live = 1 AND clock <> w.clock
          UNION SELECT j.value FROM change_log c, json_each(c.replaces) j WHERE c.table_name = 'observation_items'
            AND c.row_id = OLD.observation_id || '/' || OLD.item_id AND c.clock = w.clock
          UNION SELECT clock FROM tombstones WHERE table_name = 'observation_items' AND row_id = OLD.observation_id || '/' || OLD.item_id AND live = 1 AND clock <> w.clock ORDER BY 1)),
        1
      FROM write_context w;
      DELETE FROM change_log WHERE table_name = 'observation_items' AND row_id = OLD.observation_id || '/' || OLD.item_id AND clock = (SELECT clock FROM write_context);
      UPDATE change_log SET live = 0 WHERE table_name = 'observation_items' AND row_id = OLD.observation_id || '/' || OLD.item_id AND live = 1;
      UPDATE tombstones SET live = 0 WHERE table_name = 'observation_items' AND row_id = OLD.observation_id || '/' || OLD.item_id AND live = 1 AND clock <> (SELECT clock FROM write_context);
      DELETE FROM change_log WHERE table_name = 'observation_items' AND row_id = OLD.observation_id || '/' || OLD.item_id AND coalesce(scope, '') NOT IN (SELECT audit_id FROM team_audits UNION SELECT a.client_id FROM team_audits t JOIN audits a ON a.id = t.audit_id);
    END;
    CREATE TRIGGER documents_reviewed_log_insert AFTER INSERT ON documents_reviewed WHEN (SELECT applying FROM write_context) = 0 BEGIN
      INSERT INTO change_log (table_name, row_id, field, value, clock, device_id, author, scope, replaces)
      SELECT 'documents_reviewed', NEW.id, c.f, c.v, w.clock, w.device_id, w.author, NEW.audit_id,
        (SELECT json_group_array(x) FROM (SELECT clock AS x FROM change_log WHERE table_name = 'documents_reviewed' AND row_id = NEW.id AND field = c.f AND live = 1 UNION SELECT clock FROM tombstones WHERE table_name = 'documents_reviewed' AND row_id = NEW.id AND live = 1 AND clock <> w.clock
          UNION SELECT j.value FROM tombstones t, json_each(t.replaces) j
            WHERE t.table_name = 'documents_reviewed' AND t.row_id = NEW.id AND t.clock = w.clock ORDER BY 1))
      FROM write_context w, (SELECT 'id' AS f, json_quote(NEW.id) AS v UNION ALL SELECT 'audit_id' AS f, json_quote(NEW.audit_id) AS v UNION ALL SELECT 'title' AS f, json_quote(NEW.title) AS v UNION ALL SELECT 'identifier' AS f, json_quote(NEW.identifier) AS v UNION ALL SELECT 'revision' AS f, json_quote(NEW.revision) AS v UNION ALL SELECT 'document_date' AS f, json_quote(NEW.document_date) AS v UNION ALL SELECT 'owner' AS f, json_quote(NEW.owner) AS v UNION ALL SELECT 'notes' AS f, json_quote(NEW.notes) AS v) c;
      DELETE FROM tombstones WHERE table_name = 'documents_reviewed' AND row_id = NEW.id AND clock = (SELECT clock FROM write_context);
      UPDATE change_log SET live = 0 WHERE table_name = 'documents_reviewed' AND row_id = NEW.id AND live = 1 AND clock <> (SELECT clock FROM write_context);
      UPDATE tombstones SET live = 0 WHERE table_name = 'documents_reviewed' AND row_id = NEW.id AND live = 1;
    END;
    CREATE TRIGGER documents_reviewed_log_update AFTER UPDATE ON documents_reviewed WHEN (SELECT applying FROM write_context) = 0 BEGIN
      UPDATE change_log SET value = CASE field WHEN 'audit_id' THEN json_quote(NEW.audit_id) WHEN 'title' THEN json_quote(NEW.title) WHEN 'identifier' THEN json_quote(NEW.identifier) WHEN 'revision' THEN json_quote(NEW.revision) WHEN 'document_date' THEN json_quote(NEW.document_date) WHEN 'owner' THEN json_quote(NEW.owner) WHEN 'notes' THEN json_quote(NEW.notes) END
        WHERE table_name = 'documents_reviewed' AND row_id = NEW.id AND clock = (SELECT clock FROM write_context) AND field IN (SELECT f FROM (SELECT 'audit_id' AS f, json_quote(NEW.audit_id) AS v WHERE NEW.audit_id IS NOT OLD.audit_id UNION ALL SELECT 'title' AS f, json_quote(NEW.title) AS v WHERE NEW.title IS NOT OLD.title UNION ALL SELECT 'identifier' AS f, json_quote(NEW.identifier) AS v WHERE NEW.identifier IS NOT OLD.identifier UNION ALL SELECT 'revision' AS f, json_quote(NEW.revision) AS v WHERE NEW.revision IS NOT OLD.revision UNION ALL SELECT 'document_date' AS f, json_quote(NEW.document_date) AS v WHERE NEW.document_date IS NOT OLD.document_date UNION ALL SELECT 'owner' AS f, json_quote(NEW.owner) AS v WHERE NEW.owner IS NOT OLD.owner UNION ALL SELECT 'notes' AS f, json_quote(NEW.notes) AS v WHERE NEW.notes IS NOT OLD.notes));
      INSERT INTO change_log (table_name, row_id, field, value, clock, device_id, author, scope, replaces)
      SELECT 'documents_reviewed', NEW.id, c.f, c.v, w.clock, w.device_id, w.author, NEW.audit_id,
        (SELECT json_group_array(x) FROM (SELECT clock AS x FROM change_log WHERE table_name = 'documents_reviewed' AND row_id = NEW.id AND field = c.f AND live = 1 UNION SELECT clock FROM tombstones WHERE table_name = 'documents_reviewed' AND row_id = NEW.id AND live = 1 AND clock <> w.clock ORDER BY 1))
      FROM write_context w, (SELECT 'audit_id' AS f, json_quote(NEW.audit_id) AS v WHERE NEW.audit_id IS NOT OLD.audit_id UNION ALL SELECT 'title' AS f, json_quote(NEW.title) AS v WHERE NEW.title IS NOT OLD.title UNION ALL SELECT 'identifier' AS f, json_quote(NEW.identifier) AS v WHERE NEW.identifier IS NOT OLD.identifier UNION ALL SELECT 'revision' AS f, json_quote(NEW.revision) AS v WHERE NEW.revision IS NOT OLD.revision UNION ALL SELECT 'document_date' AS f, json_quote(NEW.document_date) AS v WHERE NEW.document_date IS NOT OLD.document_date UNION ALL SELECT 'owner' AS f, json_quote(NEW.owner) AS v WHERE NEW.owner IS NOT OLD.owner UNION ALL SELECT 'notes' AS f, json_quote(NEW.notes) AS v WHERE NEW.notes IS NOT OLD.notes) c
      WHERE NOT EXISTS (SELECT 1 FROM change_log WHERE table_name = 'documents_reviewed' AND row_id = NEW.id AND field = c.f AND clock = w.clock);
      UPDATE change_log SET live = 0 WHERE table_name = 'documents_reviewed' AND row_id = NEW.id AND live = 1 AND clock <> (SELECT clock FROM write_context)
        AND field IN (SELECT f FROM (SELECT 'audit_id' AS f, json_quote(NEW.audit_id) AS v WHERE NEW.audit_id IS NOT OLD.audit_id UNION ALL SELECT 'title' AS f, json_quote(NEW.title) AS v WHERE NEW.title IS NOT OLD.title UNION ALL SELECT 'identifier' AS f, json_quote(NEW.identifier) AS v WHERE NEW.identifier IS NOT OLD.identifier UNION ALL SELECT 'revision' AS f, json_quote(NEW.revision) AS v WHERE NEW.revision IS NOT OLD.revision UNION ALL SELECT 'document_date' AS f, json_quote(NEW.document_date) AS v WHERE NEW.document_date IS NOT OLD.document_date UNION ALL SELECT 'owner' AS f, json_quote(NEW.owner) AS v WHERE NEW.owner IS NOT OLD.owner UNION ALL SELECT 'notes' AS f, json_quote(NEW.notes) AS v WHERE NEW.notes IS NOT OLD.notes));
      UPDATE tombstones SET live = 0 WHERE table_name = 'documents_reviewed' AND row_id = NEW.id AND live = 1;
    END;
    CREATE TRIGGER documents_reviewed_log_delete AFTER DELETE ON documents_reviewed WHEN (SELECT applying FROM write_context) = 0 BEGIN
      INSERT OR REPLACE INTO tombstones (table_name, row_id, clock, device_id, author, scope, replaces, live)
      SELECT 'documents_reviewed', OLD.id, w.clock, w.device_id, w.author,
        coalesce((SELECT scope FROM change_log WHERE table_name = 'documents_reviewed' AND row_id = OLD.id AND scope IS NOT NULL LIMIT 1), OLD.audit_id),
        (SELECT json_group_array(x) FROM (
          SELECT clock AS x FROM change_log WHERE table_name = 'documents_reviewed' AND row_id = OLD.id AND live = 1 AND clock <> w.clock
          UNION SELECT j.value FROM change_log c, json_each(c.replaces) j WHERE c.table_name = 'documents_reviewed'
            AND c.row_id = OLD.id AND c.clock = w.clock
          UNION SELECT clock FROM tombstones WHERE table_name = 'documents_reviewed' AND row_id = OLD.id AND live = 1 AND clock <> w.clock ORDER BY 1)),
        1
      FROM write_context w;
      DELETE FROM change_log WHERE table_name = 'documents_reviewed' AND row_id = OLD.id AND clock = (SELECT clock FROM write_context);
      UPDATE change_log SET live = 0 WHERE table_name = 'documents_reviewed' AND row_id = OLD.id AND live = 1;
      UPDATE tombstones SET live = 0 WHERE table_name = 'documents_reviewed' AND row_id = OLD.id AND live = 1 AND clock <> (SELECT clock FROM write_context);
      DELETE FROM change_log WHERE table_name = 'documents_reviewed' AND row_id = OLD.id AND coalesce(scope, '') NOT IN (SELECT audit_id FROM team_audits UNION SELECT a.client_id FROM team_audits t JOIN audits a ON a.id = t.audit_id);
    END;
    CREATE TRIGGER document_items_log_insert AFTER INSERT ON document_items WHEN (SELECT applying FROM write_context) = 0 BEGIN
      INSERT INTO change_log (table_name, row_id, field, value, clock, device_id, author, scope, replaces)
      SELECT 'document_items', NEW.document_id || '/' || NEW.item_id, c.f, c.v, w.clock, w.device_id, w.author, (SELECT audit_id FROM documents_reviewed WHERE id = NEW.document_id),
        (SELECT json_group_array(x) FROM (SELECT clock AS x FROM change_log WHERE table_name = 'document_items' AND row_id = NEW.document_id || '/' || NEW.item_id AND field = c.f AND live = 1 UNION SELECT clock FROM tombstones WHERE table_name = 'document_items' AND row_id = NEW.document_id || '/' || NEW.item_id AND live = 1 AND clock <> w.clock
          UNION SELECT j.value FROM tombstones t, json_each(t.replaces) j
            WHERE t.table_name = 'document_items' AND t.row_id = NEW.document_id || '/' || NEW.item_id AND t.clock = w.clock ORDER BY 1))
      FROM write_context w, (SELECT 'document_id' AS f, json_quote(NEW.document_id) AS v UNION ALL SELECT 'item_id' AS f, json_quote(NEW.item_id) AS v) c;
      DELETE FROM tombstones WHERE table_name = 'document_items' AND row_id = NEW.document_id || '/' || NEW.item_id AND clock = (SELECT clock FROM write_context);
      UPDATE change_log SET live = 0 WHERE table_name = 'document_items' AND row_id = NEW.document_id || '/' || NEW.item_id AND live = 1 AND clock <> (SELECT clock FROM write_context);
      UPDATE tombstones SET live = 0 WHERE table_name = 'document_items' AND row_id = NEW.document_id || '/' || NEW.item_id AND live = 1;
    END;
    CREATE TRIGGER document_items_log_delete AFTER DELETE ON document_items WHEN (SELECT applying FROM write_context) = 0 BEGIN
      INSERT OR REPLACE INTO tombstones (table_name, row_id, clock, device_id, author, scope, replaces, live)
      SELECT 'document_items', OLD.document_id || '/' || OLD.item_id, w.clock, w.device_id, w.author,
        coalesce((SELECT scope FROM change_log WHERE table_name = 'document_items' AND row_id = OLD.document_id || '/' || OLD.item_id AND scope IS NOT NULL LIMIT 1), (SELECT audit_id FROM documents_reviewed WHERE id = OLD.document_id)),
        (SELECT json_group_array(x) FROM (
          SELECT clock AS x FROM change_log WHERE table_name = 'document_items' AND row_id = OLD.document_id || '/' || OLD.item_id AND live = 1 AND clock <> w.clock
          UNION SELECT j.value FROM change_log c, json_each(c.replaces) j WHERE c.table_name = 'document_items'
            AND c.row_id = OLD.document_id || '/' || OLD.item_id AND c.clock = w.clock
          UNION SELECT clock FROM tombstones WHERE table_name = 'document_items' AND row_id = OLD.document_id || '/' || OLD.item_id AND live = 1 AND clock <> w.clock ORDER BY 1)),
        1
      FROM write_context w;
      DELETE FROM change_log WHERE table_name = 'document_items' AND row_id = OLD.document_id || '/' || OLD.item_id AND clock = (SELECT clock FROM write_context);
      UPDATE change_log SET live = 0 WHERE table_name = 'document_items' AND row_id = OLD.document_id || '/' || OLD.item_id AND live = 1;
      UPDATE tombstones SET live = 0 WHERE table_name = 'document_items' AND row_id = OLD.document_id || '/' || OLD.item_id AND live = 1 AND clock <> (SELECT clock FROM write_context);
      DELETE FROM change_log WHERE table_name = 'document_items' AND row_id = OLD.document_id || '/' || OLD.item_id AND coalesce(scope, '') NOT IN (SELECT audit_id FROM team_audits UNION SELECT a.client_id FROM team_audits t JOIN audits a ON a.id = t.audit_id);
    END;
    CREATE TRIGGER evidence_log_insert AFTER INSERT ON evidence WHEN (SELECT applying FROM write_context) = 0 BEGIN
      INSERT INTO change_log (table_name, row_id, field, value, clock, device_id, author, scope, replaces)
      SELECT 'evidence', NEW.id, c.f, c.v, w.clock, w.device_id, w.author, NEW.audit_id,
        (SELECT json_group_array(x) FROM (SELECT clock AS x FROM change_log WHERE table_name = 'evidence' AND row_id = NEW.id AND field = c.f AND live = 1 UNION SELECT clock FROM tombstones WHERE table_name = 'evidence' AND row_id = NEW.id AND live = 1 AND clock <> w.clock
          UNION SELECT j.value FROM tombstones t, json_each(t.replaces) j
            WHERE t.table_name = 'evidence' AND t.row_id = NEW.id AND t.clock = w.clock ORDER BY 1))
      FROM write_context w, (SELECT 'id' AS f, json_quote(NEW.id) AS v UNION ALL SELECT 'audit_id' AS f, json_quote(NEW.audit_id) AS v UNION ALL SELECT 'sha256' AS f, json_quote(NEW.sha256) AS v UNION ALL SELECT 'original_name' AS f, json_quote(NEW.original_name) AS v UNION ALL SELECT 'media_type' AS f, json_quote(NEW.media_type) AS v UNION ALL SELECT 'size' AS f, json_quote(NEW.size) AS v UNION ALL SELECT 'captured_at' AS f, json_quote(NEW.captured_at) AS v UNION ALL SELECT 'added_by' AS f, json_quote(NEW.added_by) AS v UNION ALL SELECT 'description' AS f, json_quote(NEW.description) AS v UNION ALL SELECT 'has_thumbnail' AS f, json_quote(NEW.has_thumbnail) AS v) c;
      DELETE FROM tombstones WHERE table_name = 'evidence' AND row_id = NEW.id AND clock = (SELECT clock FROM write_context);
      UPDATE change_log SET live = 0 WHERE table_name = 'evidence' AND row_id = NEW.id AND live = 1 AND clock <> (SELECT clock FROM write_context);
      UPDATE tombstones SET live = 0 WHERE table_name = 'evidence' AND row_id = NEW.id AND live = 1;
    END;
    CREATE TRIGGER evidence_log_update AFTER UPDATE ON evidence WHEN (SELECT applying FROM write_context) = 0 BEGIN
      UPDATE change_log SET value = CASE field WHEN 'audit_id' THEN json_quote(NEW.audit_id) WHEN 'sha256' THEN json_quote(NEW.sha256) WHEN 'original_name' THEN json_quote(NEW.original_name) WHEN 'media_type' THEN json_quote(NEW.media_type) WHEN 'size' THEN json_quote(NEW.size) WHEN 'captured_at' THEN json_quote(NEW.captured_at) WHEN 'added_by' THEN json_quote(NEW.added_by) WHEN 'description' THEN json_quote(NEW.description) WHEN 'has_thumbnail' THEN json_quote(NEW.has_thumbnail) END
        WHERE table_name = 'evidence' AND row_id = NEW.id AND clock = (SELECT clock FROM write_context) AND field IN (SELECT f FROM (SELECT 'audit_id' AS f, json_quote(NEW.audit_id) AS v WHERE NEW.audit_id IS NOT OLD.audit_id UNION ALL SELECT 'sha256' AS f, json_quote(NEW.sha256) AS v WHERE NEW.sha256 IS NOT OLD.sha256 UNION ALL SELECT 'original_name' AS f, json_quote(NEW.original_name) AS v WHERE NEW.original_name IS NOT OLD.original_name UNION ALL SELECT 'media_type' AS f, json_quote(NEW.media_type) AS v WHERE NEW.media_type IS NOT OLD.media_type UNION ALL SELECT 'size' AS f, json_quote(NEW.size) AS v WHERE NEW.size IS NOT OLD.size UNION ALL SELECT 'captured_at' AS f, json_quote(NEW.captured_at) AS v WHERE NEW.captured_at IS NOT OLD.captured_at UNION ALL SELECT 'added_by' AS f, json_quote(NEW.added_by) AS v WHERE NEW.added_by IS NOT OLD.added_by UNION ALL SELECT 'description' AS f, json_quote(NEW.description) AS v WHERE NEW.description IS NOT OLD.description UNION ALL SELECT 'has_thumbnail' AS f, json_quote(NEW.has_thumbnail) AS v WHERE NEW.has_thumbnail IS NOT OLD.has_thumbnail));
      INSERT INTO change_log (table_name, row_id, field, value, clock, device_id, author, scope, replaces)
      SELECT 'evidence', NEW.id, c.f, c.v, w.clock, w.device_id, w.author, NEW.audit_id,
        (SELECT json_group_array(x) FROM (SELECT clock AS x FROM change_log WHERE table_name = 'evidence' AND row_id = NEW.id AND field = c.f AND live = 1 UNION SELECT clock FROM tombstones WHERE table_name = 'evidence' AND row_id = NEW.id AND live = 1 AND clock <> w.clock ORDER BY 1))
      FROM write_context w, (SELECT 'audit_id' AS f, json_quote(NEW.audit_id) AS v WHERE NEW.audit_id IS NOT OLD.audit_id UNION ALL SELECT 'sha256' AS f, json_quote(NEW.sha256) AS v WHERE NEW.sha256 IS NOT OLD.sha256 UNION ALL SELECT 'original_name' AS f, json_quote(NEW.original_name) AS v WHERE NEW.original_name IS NOT OLD.original_name UNION ALL SELECT 'media_type' AS f, json_quote(NEW.media_type) AS v WHERE NEW.media_type IS NOT OLD.media_type UNION ALL SELECT 'size' AS f, json_quote(NEW.size) AS v WHERE NEW.size IS NOT OLD.size UNION ALL SELECT 'captured_at' AS f, json_quote(NEW.captured_at) AS v WHERE NEW.captured_at IS NOT OLD.captured_at UNION ALL SELECT 'added_by' AS f, json_quote(NEW.added_by) AS v WHERE NEW.added_by IS NOT OLD.added_by UNION ALL SELECT 'description' AS f, json_quote(NEW.description) AS v WHERE NEW.description IS NOT OLD.description UNION ALL SELECT 'has_thumbnail' AS f, json_quote(NEW.has_thumbnail) AS v WHERE NEW.has_thumbnail IS NOT OLD.has_thumbnail) c
      WHERE NOT EXISTS (SELECT 1 FROM change_log WHERE table_name = 'evidence' AND row_id = NEW.id AND field = c.f AND clock = w.clock);
      UPDATE change_log SET live = 0 WHERE table_name = 'evidence' AND row_id = NEW.id AND live = 1 AND clock <> (SELECT clock FROM write_context)
        AND field IN (SELECT f FROM (SELECT 'audit_id' AS f, json_quote(NEW.audit_id) AS v WHERE NEW.audit_id IS NOT OLD.audit_id UNION ALL SELECT 'sha256' AS f, json_quote(NEW.sha256) AS v WHERE NEW.sha256 IS NOT OLD.sha256 UNION ALL SELECT 'original_name' AS f, json_quote(NEW.original_name) AS v WHERE NEW.original_name IS NOT OLD.original_name UNION ALL SELECT 'media_type' AS f, json_quote(NEW.media_type) AS v WHERE NEW.media_type IS NOT OLD.media_type UNION ALL SELECT 'size' AS f, json_quote(NEW.size) AS v WHERE NEW.size IS NOT OLD.size UNION ALL SELECT 'captured_at' AS f, json_quote(NEW.captured_at) AS v WHERE NEW.captured_at IS NOT OLD.captured_at UNION ALL SELECT 'added_by' AS f, json_quote(NEW.added_by) AS v WHERE NEW.added_by IS NOT OLD.added_by UNION ALL SELECT 'description' AS f, json_quote(NEW.description) AS v WHERE NEW.description IS NOT OLD.description UNION ALL SELECT 'has_thumbnail' AS f, json_quote(NEW.has_thumbnail) AS v WHERE NEW.has_thumbnail IS NOT OLD.has_thumbnail));
      UPDATE tombstones SET live = 0 WHERE table_name = 'evidence' AND row_id = NEW.id AND live = 1;
    END;
    CREATE TRIGGER evidence_log_delete AFTER DELETE ON evidence WHEN (SELECT applying FROM write_context) = 0 BEGIN
      INSERT OR REPLACE INTO tombstones (table_name, row_id, clock, device_id, author, scope, replaces, live)
      SELECT 'evidence', OLD.id, w.clock, w.device_id, w.author,
        coalesce((SELECT scope FROM change_log WHERE table_name = 'evidence' AND row_id = OLD.id AND scope IS NOT NULL LIMIT 1), OLD.audit_id),
        (SELECT json_group_array(x) FROM (
          SELECT clock AS x FROM change_log WHERE table_name = 'evidence' AND row_id = OLD.id AND live = 1 AND clock <> w.clock
          UNION SELECT j.value FROM change_log c, json_each(c.replaces) j WHERE c.table_name = 'evidence'
            AND c.row_id = OLD.id AND c.clock = w.clock
          UNION SELECT clock FROM tombstones WHERE table_name = 'evidence' AND row_id = OLD.id AND live = 1 AND clock <> w.clock ORDER BY 1)),
        1
      FROM write_context w;
      DELETE FROM change_log WHERE table_name = 'evidence' AND row_id = OLD.id AND clock = (SELECT clock FROM write_context);
      UPDATE change_log SET live = 0 WHERE table_name = 'evidence' AND row_id = OLD.id AND live = 1;
      UPDATE tombstones SET live = 0 WHERE table_name = 'evidence' AND row_id = OLD.id AND live = 1 AND clock <> (SELECT clock FROM write_context);
      DELETE FROM change_log WHERE table_name = 'evidence' AND row_id = OLD.id AND coalesce(scope, '') NOT IN (SELECT audit_id FROM team_audits UNION SELECT a.client_id FROM team_audits t JOIN audits a ON a.id = t.audit_id);
    END;
    CREATE TRIGGER evidence_links_log_insert AFTER INSERT ON evidence_links WHEN (SELECT applying FROM write_context) = 0 BEGIN
      INSERT INTO change_log (table_name, row_id, field, value, clock, device_id, author, scope, replaces)
      SELECT 'evidence_links', NEW.evidence_id || '/' || NEW.target_type || '/' || NEW.target_id, c.f, c.v, w.clock, w.device_id, w.author, (SELECT audit_id FROM evidence WHERE id = NEW.evidence_id),
        (SELECT json_group_array(x) FROM (SELECT clock AS x FROM change_log WHERE table_name = 'evidence_links' AND row_id = NEW.evidence_id || '/' || NEW.target_type || '/' || NEW.target_id AND field = c.f AND live = 1 UNION SELECT clock FROM tombstones WHERE table_name = 'evidence_links' AND row_id = NEW.evidence_id || '/' || NEW.target_type || '/' || NEW.target_id AND live = 1 AND clock <> w.clock
          UNION SELECT j.value FROM tombstones t, json_each(t.replaces) j
            WHERE t.table_name = 'evidence_links' AND t.row_id = NEW.evidence_id || '/' || NEW.target_type || '/' || NEW.target_id AND t.clock = w.clock ORDER BY 1))
      FROM write_context w, (SELECT 'evidence_id' AS f, json_quote(NEW.evidence_id) AS v UNION ALL SELECT 'target_type' AS f, json_quote(NEW.target_type) AS v UNION ALL SELECT 'target_id' AS f, json_quote(NEW.target_id) AS v) c;
      DELETE FROM tombstones WHERE table_name = 'evidence_links' AND row_id = NEW.evidence_id || '/' || NEW.target_type || '/' || NEW.target_id AND clock = (SELECT clock FROM write_context);
      UPDATE change_log SET live = 0 WHERE table_name = 'evidence_links' AND row_id = NEW.evidence_id || '/' || NEW.target_type || '/' || NEW.target_id AND live = 1 AND clock <> (SELECT clock FROM write_context);
      UPDATE tombstones SET live = 0 WHERE table_name = 'evidence_links' AND row_id = NEW.evidence_id || '/' || NEW.target_type || '/' || NEW.target_id AND live = 1;
    END;
    CREATE TRIGGER evidence_links_log_delete AFTER DELETE ON evidence_links WHEN (SELECT applying FROM write_context) = 0 BEGIN
      INSERT OR REPLACE INTO tombstones (table_name, row_id, clock, device_id, author, scope, replaces, live)
      SELECT 'evidence_links', OLD.evidence_id || '/' || OLD.target_type || '/' || OLD.target_id, w.clock, w.device_id, w.author,
        coalesce((SELECT scope FROM change_log WHERE table_name = 'evidence_links' AND row_id = OLD.evidence_id || '/' || OLD.target_type || '/' || OLD.target_id AND scope IS NOT NULL LIMIT 1), (SELECT audit_id FROM evidence WHERE id = OLD.evidence_id)),
        (SELECT json_group_array(x) FROM (
          SELECT clock AS x FROM change_log WHERE table_name = 'evidence_links' AND row_id = OLD.evidence_id || '/' || OLD.target_type || '/' || OLD.target_id AND live = 1 AND clock <> w.clock
          UNION SELECT j.value FROM change_log c, json_each(c.replaces) j WHERE c.table_name = 'evidence_links'
            AND c.row_id = OLD.evidence_id || '/' || OLD.target_type || '/' || OLD.target_id AND c.clock = w.clock
          UNION SELECT clock FROM tombstones WHERE table_name = 'evidence_links' AND row_id = OLD.evidence_id || '/' || OLD.target_type || '/' || OLD.target_id AND live = 1 AND clock <> w.clock ORDER BY 1)),
        1
      FROM write_context w;
      DELETE FROM change_log WHERE table_name = 'evidence_links' AND row_id = OLD.evidence_id || '/' || OLD.target_type || '/' || OLD.target_id AND clock = (SELECT clock FROM write_context);
      UPDATE change_log SET live = 0 WHERE table_name = 'evidence_links' AND row_id = OLD.evidence_id || '/' || OLD.target_type || '/' || OLD.target_id AND live = 1;
      UPDATE tombstones SET live = 0 WHERE table_name = 'evidence_links' AND row_id = OLD.evidence_id || '/' || OLD.target_type || '/' || OLD.target_id AND live = 1 AND clock <> (SELECT clock FROM write_context);
      DELETE FROM change_log WHERE table_name = 'evidence_links' AND row_id = OLD.evidence_id || '/' || OLD.target_type || '/' || OLD.target_id AND coalesce(scope, '') NOT IN (SELECT audit_id FROM team_audits UNION SELECT a.client_id FROM team_audits t JOIN audits a ON a.id = t.audit_id);
    END;
    CREATE TRIGGER findings_log_insert AFTER INSERT ON findings WHEN (SELECT applying FROM write_context) = 0 BEGIN
      INSERT INTO change_log (table_name, row_id, field, value, clock, device_id, author, scope, replaces)
      SELECT 'findings', NEW.id, c.f, c.v, w.clock, w.device_id, w.author, NEW.audit_id,
        (SELECT json_group_array(x) FROM (SELECT clock AS x FROM change_log WHERE table_name = 'findings' AND row_id = NEW.id AND field = c.f AND live = 1 UNION SELECT clock FROM tombstones WHERE table_name = 'findings' AND row_id = NEW.id AND live = 1 AND clock <> w.clock
          UNION SELECT j.value FROM tombstones t, json_each(t.replaces) j
            WHERE t.table_name = 'findings' AND t.row_id = NEW.id AND t.clock = w.clock ORDER BY 1))
      FROM write_context w, (SELECT 'id' AS f, json_quote(NEW.id) AS v UNION ALL SELECT 'audit_id' AS f, json_quote(NEW.audit_id) AS v UNION ALL SELECT 'type' AS f, json_quote(NEW.type) AS v UNION ALL SELECT 'status' AS f, json_quote(NEW.status) AS v UNION ALL SELECT 'number' AS f, json_quote(NEW.number) AS v UNION ALL SELECT 'statement' AS f, json_quote(NEW.statement) AS v UNION ALL SELECT 'evidence_text' AS f, json_quote(NEW.evidence_text) AS v UNION ALL SELECT 'site_id' AS f, json_quote(NEW.site_id) AS v UNION ALL SELECT 'raised_by' AS f, json_quote(NEW.raised_by) AS v UNION ALL SELECT 'raised_at' AS f, json_quote(NEW.raised_at) AS v UNION ALL SELECT 'issued_at' AS f, json_quote(NEW.issued_at) AS v UNION ALL SELECT 'verification_method' AS f, json_quote(NEW.verification_method) AS v UNION ALL SELECT 'verification_notes' AS f, json_quote(NEW.verification_notes) AS v UNION ALL SELECT 'verified_on' AS f, json_quote(NEW.verified_on) AS v UNION ALL SELECT 'verified_by' AS f, json_quote(NEW.verified_by) AS v UNION ALL SELECT 'verified_in_audit_id' AS f, json_quote(NEW.verified_in_audit_id) AS v UNION ALL SELECT 'closed_at' AS f, json_quote(NEW.closed_at) AS v UNION ALL SELECT 'updated_by' AS f, json_quote(NEW.updated_by) AS v) c;
      DELETE FROM tombstones WHERE table_name = 'findings' AND row_id = NEW.id AND clock = (SELECT clock FROM write_context);
      UPDATE change_log SET live = 0 WHERE table_name = 'findings' AND row_id = NEW.id AND live = 1 AND clock <> (SELECT clock FROM write_context);
      UPDATE tombstones SET live = 0 WHERE table_name = 'findings' AND row_id = NEW.id AND live = 1;
    END;
    CREATE TRIGGER findings_log_update AFTER UPDATE ON findings WHEN (SELECT applying FROM write_context) = 0 BEGIN
      UPDATE change_log SET value = CASE field WHEN 'audit_id' THEN json_quote(NEW.audit_id) WHEN 'type' THEN json_quote(NEW.type) WHEN 'status' THEN json_quote(NEW.status) WHEN 'number' THEN json_quote(NEW.number) WHEN 'statement' THEN json_quote(NEW.statement) WHEN 'evidence_text' THEN json_quote(NEW.evidence_text) WHEN 'site_id' THEN json_quote(NEW.site_id) WHEN 'raised_by' THEN json_quote(NEW.raised_by) WHEN 'raised_at' THEN json_quote(NEW.raised_at) WHEN 'issued_at' THEN json_quote(NEW.issued_at) WHEN 'verification_method' THEN json_quote(NEW.verification_method) WHEN 'verification_notes' THEN json_quote(NEW.verification_notes) WHEN 'verified_on' THEN json_quote(NEW.verified_on) WHEN 'verified_by' THEN json_quote(NEW.verified_by) WHEN 'verified_in_audit_id' THEN json_quote(NEW.verified_in_audit_id) WHEN 'closed_at' THEN json_quote(NEW.closed_at) WHEN 'updated_by' THEN json_quote(NEW.updated_by) END
        WHERE table_name = 'findings' AND row_id = NEW.id AND clock = (SELECT clock FROM write_context) AND field IN (SELECT f FROM (SELECT 'audit_id' AS f, json_quote(NEW.audit_id) AS v WHERE NEW.audit_id IS NOT OLD.audit_id UNION ALL SELECT 'type' AS f, json_quote(NEW.type) AS v WHERE NEW.type IS NOT OLD.type UNION ALL SELECT 'status' AS f, json_quote(NEW.status) AS v WHERE NEW.status IS NOT OLD.status UNION ALL SELECT 'number' AS f, json_quote(NEW.number) AS v WHERE NEW.number IS NOT OLD.number UNION ALL SELECT 'statement' AS f, json_quote(NEW.statement) AS v WHERE NEW.statement IS NOT OLD.statement UNION ALL SELECT 'evidence_text' AS f, json_quote(NEW.evidence_text) AS v WHERE NEW.evidence_text IS NOT OLD.evidence_text UNION ALL SELECT 'site_id' AS f, json_quote(NEW.site_id) AS v WHERE NEW.site_id IS NOT OLD.site_id UNION ALL SELECT 'raised_by' AS f, json_quote(NEW.raised_by) AS v WHERE NEW.raised_by IS NOT OLD.raised_by UNION ALL SELECT 'raised_at' AS f, json_quote(NEW.raised_at) AS v WHERE NEW.raised_at IS NOT OLD.raised_at UNION ALL SELECT 'issued_at' AS f, json_quote(NEW.issued_at) AS v WHERE NEW.issued_at IS NOT OLD.issued_at UNION ALL SELECT 'verification_method' AS f, json_quote(NEW.verification_method) AS v WHERE NEW.verification_method IS NOT OLD.verification_method UNION ALL SELECT 'verification_notes' AS f, json_quote(NEW.verification_notes) AS v WHERE NEW.verification_notes IS NOT OLD.verification_notes UNION ALL SELECT 'verified_on' AS f, json_quote(NEW.verified_on) AS v WHERE NEW.verified_on IS NOT OLD.verified_on UNION ALL SELECT 'verified_by' AS f, json_quote(NEW.verified_by) AS v WHERE NEW.verified_by IS NOT OLD.verified_by UNION ALL SELECT 'verified_in_audit_id' AS f, json_quote(NEW.verified_in_audit_id) AS v WHERE NEW.verified_in_audit_id IS NOT OLD.verified_in_audit_id UNION ALL SELECT 'closed_at' AS f, json_quote(NEW.closed_at) AS v WHERE NEW.closed_at IS NOT OLD.closed_at UNION ALL SELECT 'updated_by' AS f, json_quote(NEW.updated_by) AS v WHERE NEW.updated_by IS NOT OLD.updated_by));
      INSERT INTO change_log (table_name, row_id, field, value, clock, device_id, author, scope, replaces)
      SELECT 'findings', NEW.id, c.f, c.v, w.clock, w.device_id, w.author, NEW.audit_id,
        (SELECT json_group_array(x) FROM (SELECT clock AS x FROM change_log WHERE table_name = 'findings' AND row_id = NEW.id AND field = c.f AND live = 1 UNION SELECT clock FROM tombstones WHERE table_name = 'findings' AND row_id = NEW.id AND live = 1 AND clock <> w.clock ORDER BY 1))
      FROM write_context w, (SELECT 'audit_id' AS f, json_quote(NEW.audit_id) AS v WHERE NEW.audit_id IS NOT OLD.audit_id UNION ALL SELECT 'type' AS f, json_quote(NEW.type) AS v WHERE NEW.type IS NOT OLD.type UNION ALL SELECT 'status' AS f, json_quote(NEW.status) AS v WHERE NEW.status IS NOT OLD.status UNION ALL SELECT 'number' AS f, json_quote(NEW.number) AS v WHERE NEW.number IS NOT OLD.number UNION ALL SELECT 'statement' AS f, json_quote(NEW.statement) AS v WHERE NEW.statement IS NOT OLD.statement UNION ALL SELECT 'evidence_text' AS f, json_quote(NEW.evidence_text) AS v WHERE NEW.evidence_text IS NOT OLD.evidence_text UNION ALL SELECT 'site_id' AS f, json_quote(NEW.site_id) AS v WHERE NEW.site_id IS NOT OLD.site_id UNION ALL SELECT 'raised_by' AS f, json_quote(NEW.raised_by) AS v WHERE NEW.raised_by IS NOT OLD.raised_by UNION ALL SELECT 'raised_at' AS f, json_quote(NEW.raised_at) AS v WHERE NEW.raised_at IS NOT OLD.raised_at UNION ALL SELECT 'issued_at' AS f, json_quote(NEW.issued_at) AS v WHERE NEW.issued_at IS NOT OLD.issued_at UNION ALL SELECT 'verification_method' AS f, json_quote(NEW.verification_method) AS v WHERE NEW.verification_method IS NOT OLD.verification_method UNION ALL SELECT 'verification_notes' AS f, json_quote(NEW.verification_notes) AS v WHERE NEW.verification_notes IS NOT OLD.verification_notes UNION ALL SELECT 'verified_on' AS f, json_quote(NEW.verified_on) AS v WHERE NEW.verified_on IS NOT OLD.verified_on UNION ALL SELECT 'verified_by' AS f, json_quote(NEW.verified_by) AS v WHERE NEW.verified_by IS NOT OLD.verified_by UNION ALL SELECT 'verified_in_audit_id' AS f, json_quote(NEW.verified_in_audit_id) AS v WHERE NEW.verified_in_audit_id IS NOT OLD.verified_in_audit_id UNION ALL SELECT 'closed_at' AS f, json_quote(NEW.closed_at) AS v WHERE NEW.closed_at IS NOT OLD.closed_at UNION ALL SELECT 'updated_by' AS f, json_quote(NEW.updated_by) AS v WHERE NEW.updated_by IS NOT OLD.updated_by) c
      WHERE NOT EXISTS (SELECT 1 FROM change_log WHERE table_name = 'findings' AND row_id = NEW.id AND field = c.f AND clock = w.clock);
      UPDATE change_log SET live = 0 WHERE table_name = 'findings' AND row_id = NEW.id AND live = 1 AND clock <> (SELECT clock FROM write_context)
        AND field IN (SELECT f FROM (SELECT 'audit_id' AS f, json_quote(NEW.audit_id) AS v WHERE NEW.audit_id IS NOT OLD.audit_id UNION ALL SELECT 'type' AS f, json_quote(NEW.type) AS v WHERE NEW.type IS NOT OLD.type UNION ALL SELECT 'status' AS f, json_quote(NEW.status) AS v WHERE NEW.status IS NOT OLD.status UNION ALL SELECT 'number' AS f, json_quote(NEW.number) AS v WHERE NEW.number IS NOT OLD.number UNION ALL SELECT 'statement' AS f, json_quote(NEW.statement) AS v WHERE NEW.statement IS NOT OLD.statement UNION ALL SELECT 'evidence_text' AS f, json_quote(NEW.evidence_text) AS v WHERE NEW.evidence_text IS NOT OLD.evidence_text UNION ALL SELECT 'site_id' AS f, json_quote(NEW.site_id) AS v WHERE NEW.site_id IS NOT OLD.site_id UNION ALL SELECT 'raised_by' AS f, json_quote(NEW.raised_by) AS v WHERE NEW.raised_by IS NOT OLD.raised_by UNION ALL SELECT 'raised_at' AS f, json_quote(NEW.raised_at) AS v WHERE NEW.raised_at IS NOT OLD.raised_at UNION ALL SELECT 'issued_at' AS f, json_quote(NEW.issued_at) AS v WHERE NEW.issued_at IS NOT OLD.issued_at UNION ALL SELECT 'verification_method' AS f, json_quote(NEW.verification_method) AS v WHERE NEW.verification_method IS NOT OLD.verification_method UNION ALL SELECT 'verification_notes' AS f, json_quote(NEW.verification_notes) AS v WHERE NEW.verification_notes IS NOT OLD.verification_notes UNION ALL SELECT 'verified_on' AS f, json_quote(NEW.verified_on) AS v WHERE NEW.verified_on IS NOT OLD.verified_on UNION ALL SELECT 'verified_by' AS f, json_quote(NEW.verified_by) AS v WHERE NEW.verified_by IS NOT OLD.verified_by UNION ALL SELECT 'verified_in_audit_id' AS f, json_quote(NEW.verified_in_audit_id) AS v WHERE NEW.verified_in_audit_id IS NOT OLD.verified_in_audit_id UNION ALL SELECT 'closed_at' AS f, json_quote(NEW.closed_at) AS v WHERE NEW.closed_at IS NOT OLD.closed_at UNION ALL SELECT 'updated_by' AS f, json_quote(NEW.updated_by) AS v WHERE NEW.updated_by IS NOT OLD.updated_by));
      UPDATE tombstones SET live = 0 WHERE table_name = 'findings' AND row_id = NEW.id AND live = 1;
    END;
    CREATE TRIGGER findings_log_delete AFTER DELETE ON findings WHEN (SELECT applying FROM write_context) = 0 BEGIN
      INSERT OR REPLACE INTO tombstones (table_name, row_id, clock, device_id, author, scope, replaces, live)
      SELECT 'findings', OLD.id, w.clock, w.device_id, w.author,
        coalesce((SELECT scope FROM change_log WHERE table_name = 'findings' AND row_id = OLD.id AND scope IS NOT NULL LIMIT 1), OLD.audit_id),
        (SELECT json_group_array(x) FROM (
          SELECT clock AS x FROM change_log WHERE table_name = 'findings' AND row_id = OLD.id AND live = 1 AND clock <> w.clock
          UNION SELECT j.value FROM change_log c, json_each(c.replaces) j WHERE c.table_name = 'findings'
            AND c.row_id = OLD.id AND c.clock = w.clock
          UNION SELECT clock FROM tombstones WHERE table_name = 'findings' AND row_id = OLD.id AND live = 1 AND clock <> w.clock ORDER BY 1)),
        1
      FROM write_context w;
      DELETE FROM change_log WHERE table_name = 'findings' AND row_id = OLD.id AND clock = (SELECT clock FROM write_context);
      UPDATE change_log SET live = 0 WHERE table_name = 'findings' AND row_id = OLD.id AND live = 1;
      UPDATE tombstones SET live = 0 WHERE table_name = 'findings' AND row_id = OLD.id AND live = 1 AND clock <> (SELECT clock FROM write_context);
      DELETE FROM change_log WHERE table_name = 'findings' AND row_id = OLD.id AND coalesce(scope, '') NOT IN (SELECT audit_id FROM team_audits UNION SELECT a.client_id FROM team_audits t JOIN audits a ON a.id = t.audit_id);
    END;
    CREATE TRIGGER finding_items_log_insert AFTER INSERT ON finding_items WHEN (SELECT applying FROM write_context) = 0 BEGIN
      INSERT INTO change_log (table_name, row_id, field, value, clock, device_id, author, scope, replaces)
      SELECT 'finding_items', NEW.finding_id || '/' || NEW.item_id, c.f, c.v, w.clock, w.device_id, w.author, (SELECT audit_id FROM findings WHERE id = NEW.finding_id),
        (SELECT json_group_array(x) FROM (SELECT clock AS x FROM change_log WHERE table_name = 'finding_items' AND row_id = NEW.finding_id || '/' || NEW.item_id AND field = c.f AND live = 1 UNION SELECT clock FROM tombstones WHERE table_name = 'finding_items' AND row_id = NEW.finding_id || '/' || NEW.item_id AND live = 1 AND clock <> w.clock
          UNION SELECT j.value FROM tombstones t, json_each(t.replaces) j
            WHERE t.table_name = 'finding_items' AND t.row_id = NEW.finding_id || '/' || NEW.item_id AND t.clock = w.clock ORDER BY 1))
      FROM write_context w, (SELECT 'finding_id' AS f, json_quote(NEW.finding_id) AS v UNION ALL SELECT 'item_id' AS f, json_quote(NEW.item_id) AS v) c;
      DELETE FROM tombstones WHERE table_name = 'finding_items' AND row_id = NEW.finding_id || '/' || NEW.item_id AND clock = (SELECT clock FROM write_context);
      UPDATE change_log SET live = 0 WHERE table_name = 'finding_items' AND row_id = NEW.finding_id || '/' || NEW.item_id AND live = 1 AND clock <> (SELECT clock FROM write_context);
      UPDATE tombstones SET live = 0 WHERE table_name = 'finding_items' AND row_id = NEW.finding_id || '/' || NEW.item_id AND live = 1;
    END;
    CREATE TRIGGER finding_items_log_delete AFTER DELETE ON finding_items WHEN (SELECT applying FROM write_context) = 0 BEGIN
      INSERT OR REPLACE INTO tombstones (table_name, row_id, clock, device_id, author, scope, replaces, live)
      SELECT 'finding_items', OLD.finding_id || '/' || OLD.item_id, w.clock, w.device_id, w.author,
        coalesce((SELECT scope FROM change_log WHERE table_name = 'finding_items' AND row_id = OLD.finding_id || '/' || OLD.item_id AND scope IS NOT NULL LIMIT 1), (SELECT audit_id FROM findings WHERE id = OLD.finding_id)),
        (SELECT json_group_array(x) FROM (
          SELECT clock AS x FROM change_log WHERE table_name = 'finding_items' AND row_id = OLD.finding_id || '/' || OLD.item_id AND live = 1 AND clock <> w.clock
          UNION SELECT j.value FROM change_log c, json_each(c.replaces) j WHERE c.table_name = 'finding_items'
            AND c.row_id = OLD.finding_id || '/' || OLD.item_id AND c.clock = w.clock
          UNION SELECT clock FROM tombstones WHERE table_name = 'finding_items' AND row_id = OLD.finding_id || '/' || OLD.item_id AND live = 1 AND clock <> w.clock ORDER BY 1)),
        1
      FROM write_context w;
      DELETE FROM change_log WHERE table_name = 'finding_items' AND row_id = OLD.finding_id || '/' || OLD.item_id AND clock = (SELECT clock FROM write_context);
      UPDATE change_log SET live = 0 WHERE table_name = 'finding_items' AND row_id = OLD.finding_id || '/' || OLD.item_id AND live = 1;
      UPDATE tombstones SET live = 0 WHERE table_name = 'finding_items' AND row_id = OLD.finding_id || '/' || OLD.item_id AND live = 1 AND clock <> (SELECT clock FROM write_context);
      DELETE FROM change_log WHERE table_name = 'finding_items' AND row_id = OLD.finding_id || '/' || OLD.item_id AND coalesce(scope, '') NOT IN (SELECT audit_id FROM team_audits UNION SELECT a.client_id FROM team_audits t JOIN audits a ON a.id = t.audit_id);
    END;
    CREATE TRIGGER finding_records_log_insert AFTER INSERT ON finding_records WHEN (SELECT applying FROM write_context) = 0 BEGIN
      INSERT INTO change_log (table_name, row_id, field, value, clock, device_id, author, scope, replaces)
      SELECT 'finding_records', NEW.finding_id || '/' || NEW.record_type || '/' || NEW.record_id, c.f, c.v, w.clock, w.device_id, w.author, (SELECT audit_id FROM findings WHERE id = NEW.finding_id),
        (SELECT json_group_array(x) FROM (SELECT clock AS x FROM change_log WHERE table_name = 'finding_records' AND row_id = NEW.finding_id || '/' || NEW.record_type || '/' || NEW.record_id AND field = c.f AND live = 1 UNION SELECT clock FROM tombstones WHERE table_name = 'finding_records' AND row_id = NEW.finding_id || '/' || NEW.record_type || '/' || NEW.record_id AND live = 1 AND clock <> w.clock
          UNION SELECT j.value FROM tombstones t, json_each(t.replaces) j
            WHERE t.table_name = 'finding_records' AND t.row_id = NEW.finding_id || '/' || NEW.record_type || '/' || NEW.record_id AND t.clock = w.clock ORDER BY 1))
      FROM write_context w, (SELECT 'finding_id' AS f, json_quote(NEW.finding_id) AS v UNION ALL SELECT 'record_type' AS f, json_quote(NEW.record_type) AS v UNION ALL SELECT 'record_id' AS f, json_quote(NEW.record_id) AS v) c;
      DELETE FROM tombstones WHERE table_name = 'finding_records' AND row_id = NEW.finding_id || '/' || NEW.record_type || '/' || NEW.record_id AND clock = (SELECT clock FROM write_context);
      UPDATE change_log SET live = 0 WHERE table_name = 'finding_records' AND row_id = NEW.finding_id || '/' || NEW.record_type || '/' || NEW.record_id AND live = 1 AND clock <> (SELECT clock FROM write_context);
      UPDATE tombstones SET live = 0 WHERE table_name = 'finding_records' AND row_id = NEW.finding_id || '/' || NEW.record_type || '/' || NEW.record_id AND live = 1;
    END;
    CREATE TRIGGER finding_records_log_delete AFTER DELETE ON finding_records WHEN (SELECT applying FROM write_context) = 0 BEGIN
      INSERT OR REPLACE INTO tombstones (table_name, row_id, clock, device_id, author, scope, replaces, live)
      SELECT 'finding_records', OLD.finding_id || '/' || OLD.record_type || '/' || OLD.record_id, w.clock, w.device_id, w.author,
        coalesce((SELECT scope FROM change_log WHERE table_name = 'finding_records' AND row_id = OLD.finding_id || '/' || OLD.record_type || '/' || OLD.record_id AND scope IS NOT NULL LIMIT 1), (SELECT audit_id FROM findings WHERE id = OLD.finding_id)),
        (SELECT json_group_array(x) FROM (
          SELECT clock AS x FROM change_log WHERE table_name = 'finding_records' AND row_id = OLD.finding_id || '/' || OLD.record_type || '/' || OLD.record_id AND live = 1 AND clock <> w.clock
          UNION SELECT j.value FROM change_log c, json_each(c.replaces) j WHERE c.table_name = 'finding_records'
            AND c.row_id = OLD.finding_id || '/' || OLD.record_type || '/' || OLD.record_id AND c.clock = w.clock
          UNION SELECT clock FROM tombstones WHERE table_name = 'finding_records' AND row_id = OLD.finding_id || '/' || OLD.record_type || '/' || OLD.record_id AND live = 1 AND clock <> w.clock ORDER BY 1)),
        1
      FROM write_context w;
      DELETE FROM change_log WHERE table_name = 'finding_records' AND row_id = OLD.finding_id || '/' || OLD.record_type || '/' || OLD.record_id AND clock = (SELECT clock FROM write_context);
      UPDATE change_log SET live = 0 WHERE table_name = 'finding_records' AND row_id = OLD.finding_id || '/' || OLD.record_type || '/' || OLD.record_id AND live = 1;
      UPDATE tombstones SET live = 0 WHERE table_name = 'finding_records' AND row_id = OLD.finding_id || '/' || OLD.record_type || '/' || OLD.record_id AND live = 1 AND clock <> (SELECT clock FROM write_context);
      DELETE FROM change_log WHERE table_name = 'finding_records' AND row_id = OLD.finding_id || '/' || OLD.record_type || '/' || OLD.record_id AND coalesce(scope, '') NOT IN (SELECT audit_id FROM team_audits UNION SELECT a.client_id FROM team_audits t JOIN audits a ON a.id = t.audit_id);
    END;
    CREATE TRIGGER finding_responses_log_insert AFTER INSERT ON finding_responses WHEN (SELECT applying FROM write_context) = 0 BEGIN
      INSERT INTO change_log (table_name, row_id, field, value, clock, device_id, author, scope, replaces)
      SELECT 'finding_responses', NEW.id, c.f, c.v, w.clock, w.device_id, w.author, (SELECT audit_id FROM findings WHERE id = NEW.finding_id),
        (SELECT json_group_array(x) FROM (SELECT clock AS x FROM change_log WHERE table_name = 'finding_responses' AND row_id = NEW.id AND field = c.f AND live = 1 UNION SELECT clock FROM tombstones WHERE table_name = 'finding_responses' AND row_id = NEW.id AND live = 1 AND clock <> w.clock
          UNION SELECT j.value FROM tombstones t, json_each(t.replaces) j
            WHERE t.table_name = 'finding_responses' AND t.row_id = NEW.id AND t.clock = w.clock ORDER BY 1))
      FROM write_context w, (SELECT 'id' AS f, json_quote(NEW.id) AS v UNION ALL SELECT 'finding_id' AS f, json_quote(NEW.finding_id) AS v UNION ALL SELECT 'received_at' AS f, json_quote(NEW.received_at) AS v UNION ALL SELECT 'correction' AS f, json_quote(NEW.correction) AS v UNION ALL SELECT 'root_cause' AS f, json_quote(NEW.root_cause) AS v UNION ALL SELECT 'corrective_action' AS f, json_quote(NEW.corrective_action) AS v UNION ALL SELECT 'responsible' AS f, json_quote(NEW.responsible) AS v UNION ALL SELECT 'correction_due' AS f, json_quote(NEW.correction_due) AS v UNION ALL SELECT 'action_due' AS f, json_quote(NEW.action_due) AS v UNION ALL SELECT 'decision' AS f, json_quote(NEW.decision) AS v UNION ALL SELECT 'decision_comment' AS f, json_quote(NEW.decision_comment) AS v UNION ALL SELECT 'decided_at' AS f, json_quote(NEW.decided_at) AS v UNION ALL SELECT 'decided_by' AS f, json_quote(NEW.decided_by) AS v) c;
      DELETE FROM tombstones WHERE table_name = 'finding_responses' AND row_id = NEW.id AND clock = (SELECT clock FROM write_context);
      UPDATE change_log SET live = 0 WHERE table_name = 'finding_responses' AND row_id = NEW.id AND live = 1 AND clock <> (SELECT clock FROM write_context);
      UPDATE tombstones SET live = 0 WHERE table_name = 'finding_responses' AND row_id = NEW.id AND live = 1;
    END;
    CREATE TRIGGER finding_responses_log_update AFTER UPDATE ON finding_responses WHEN (SELECT applying FROM write_context) = 0 BEGIN
      UPDATE change_log SET value = CASE field WHEN 'finding_id' THEN json_quote(NEW.finding_id) WHEN 'received_at' THEN json_quote(NEW.received_at) WHEN 'correction' THEN json_quote(NEW.correction) WHEN 'root_cause' THEN json_quote(NEW.root_cause) WHEN 'corrective_action' THEN json_quote(NEW.corrective_action) WHEN 'responsible' THEN json_quote(NEW.responsible) WHEN 'correction_due' THEN json_quote(NEW.correction_due) WHEN 'action_due' THEN json_quote(NEW.action_due) WHEN 'decision' THEN json_quote(NEW.decision) WHEN 'decision_comment' THEN json_quote(NEW.decision_comment) WHEN 'decided_at' THEN json_quote(NEW.decided_at) WHEN 'decided_by' THEN json_quote(NEW.decided_by) END
        WHERE table_name = 'finding_responses' AND row_id = NEW.id AND clock = (SELECT clock FROM write_context) AND field IN (SELECT f FROM (SELECT 'finding_id' AS f, json_quote(NEW.finding_id) AS v WHERE NEW.finding_id IS NOT OLD.finding_id UNION ALL SELECT 'received_at' AS f, json_quote(NEW.received_at) AS v WHERE NEW.received_at IS NOT OLD.received_at UNION ALL SELECT 'correction' AS f, json_quote(NEW.correction) AS v WHERE NEW.correction IS NOT OLD.correction UNION ALL SELECT 'root_cause' AS f, json_quote(NEW.root_cause) AS v WHERE NEW.root_cause IS NOT OLD.root_cause UNION ALL SELECT 'corrective_action' AS f, json_quote(NEW.corrective_action) AS v WHERE NEW.corrective_action IS NOT OLD.corrective_action UNION ALL SELECT 'responsible' AS f, json_quote(NEW.responsible) AS v WHERE NEW.responsible IS NOT OLD.responsible UNION ALL SELECT 'correction_due' AS f, json_quote(NEW.correction_due) AS v WHERE NEW.correction_due IS NOT OLD.correction_due UNION ALL SELECT 'action_due' AS f, json_quote(NEW.action_due) AS v WHERE NEW.action_due IS NOT OLD.action_due UNION ALL SELECT 'decision' AS f, json_quote(NEW.decision) AS v WHERE NEW.decision IS NOT OLD.decision UNION ALL SELECT 'decision_comment' AS f, json_quote(NEW.decision_comment) AS v WHERE NEW.decision_comment IS NOT OLD.decision_comment UNION ALL SELECT 'decided_at' AS f, json_quote(NEW.decided_at) AS v WHERE NEW.decided_at IS NOT OLD.decided_at UNION ALL SELECT 'decided_by' AS f, json_quote(NEW.decided_by) AS v WHERE NEW.decided_by IS NOT OLD.decided_by));
      INSERT INTO change_log (table_name, row_id, field, value, clock, device_id, author, scope, replaces)
      SELECT 'finding_responses', NEW.id, c.f, c.v, w.clock, w.device_id, w.author, (SELECT audit_id FROM findings WHERE id = NEW.finding_id),
        (SELECT json_group_array(x) FROM (SELECT clock AS x FROM change_log WHERE table_name = 'finding_responses' AND row_id = NEW.id AND field = c.f AND live = 1 UNION SELECT clock FROM tombstones WHERE table_name = 'finding_responses' AND row_id = NEW.id AND live = 1 AND clock <> w.clock ORDER BY 1))
      FROM write_context w, (SELECT 'finding_id' AS f, json_quote(NEW.finding_id) AS v WHERE NEW.finding_id IS NOT OLD.finding_id UNION ALL SELECT 'received_at' AS f, json_quote(NEW.received_at) AS v WHERE NEW.received_at IS NOT OLD.received_at UNION ALL SELECT 'correction' AS f, json_quote(NEW.correction) AS v WHERE NEW.correction IS NOT OLD.correction UNION ALL SELECT 'root_cause' AS f, json_quote(NEW.root_cause) AS v WHERE NEW.root_cause IS NOT OLD.root_cause UNION ALL SELECT 'corrective_action' AS f, json_quote(NEW.corrective_action) AS v WHERE NEW.corrective_action IS NOT OLD.corrective_action UNION ALL SELECT 'responsible' AS f, json_quote(NEW.responsible) AS v WHERE NEW.responsible IS NOT OLD.responsible UNION ALL SELECT 'correction_due' AS f, json_quote(NEW.correction_due) AS v WHERE NEW.correction_due IS NOT OLD.correction_due UNION ALL SELECT 'action_due' AS f, json_quote(NEW.action_due) AS v WHERE NEW.action_due IS NOT OLD.action_due UNION ALL SELECT 'decision' AS f, json_quote(NEW.decision) AS v WHERE NEW.decision IS NOT OLD.decision UNION ALL SELECT 'decision_comment' AS f, json_quote(NEW.decision_comment) AS v WHERE NEW.decision_comment IS NOT OLD.decision_comment UNION ALL SELECT 'decided_at' AS f, json_quote(NEW.decided_at) AS v WHERE NEW.decided_at IS NOT OLD.decided_at UNION ALL SELECT 'decided_by' AS f, json_quote(NEW.decided_by) AS v WHERE NEW.decided_by IS NOT OLD.decided_by) c
      WHERE NOT EXISTS (SELECT 1 FROM change_log WHERE table_name = 'finding_responses' AND row_id = NEW.id AND field = c.f AND clock = w.clock);
      UPDATE change_log SET live = 0 WHERE table_name = 'finding_responses' AND row_id = NEW.id AND live = 1 AND clock <> (SELECT clock FROM write_context)
        AND field IN (SELECT f FROM (SELECT 'finding_id' AS f, json_quote(NEW.finding_id) AS v WHERE NEW.finding_id IS NOT OLD.finding_id UNION ALL SELECT 'received_at' AS f, json_quote(NEW.received_at) AS v WHERE NEW.received_at IS NOT OLD.received_at UNION ALL SELECT 'correction' AS f, json_quote(NEW.correction) AS v WHERE NEW.correction IS NOT OLD.correction UNION ALL SELECT 'root_cause' AS f, json_quote(NEW.root_cause) AS v WHERE NEW.root_cause IS NOT OLD.root_cause UNION ALL SELECT 'corrective_action' AS f, json_quote(NEW.corrective_action) AS v WHERE NEW.corrective_action IS NOT OLD.corrective_action UNION ALL SELECT 'responsible' AS f, json_quote(NEW.responsible) AS v WHERE NEW.responsible IS NOT OLD.responsible UNION ALL SELECT 'correction_due' AS f, json_quote(NEW.correction_due) AS v WHERE NEW.correction_due IS NOT OLD.correction_due UNION ALL SELECT 'action_due' AS f, json_quote(NEW.action_due) AS v WHERE NEW.action_due IS NOT OLD.action_due UNION ALL SELECT 'decision' AS f, json_quote(NEW.decision) AS v WHERE NEW.decision IS NOT OLD.decision UNION ALL SELECT 'decision_comment' AS f, json_quote(NEW.decision_comment) AS v WHERE NEW.decision_comment IS NOT OLD.decision_comment UNION ALL SELECT 'decided_at' AS f, json_quote(NEW.decided_at) AS v WHERE NEW.decided_at IS NOT OLD.decided_at UNION ALL SELECT 'decided_by' AS f, json_quote(NEW.decided_by) AS v WHERE NEW.decided_by IS NOT OLD.decided_by));
      UPDATE tombstones SET live = 0 WHERE table_name = 'finding_responses' AND row_id = NEW.id AND live = 1;
    END;
    CREATE TRIGGER finding_responses_log_delete AFTER DELETE ON finding_responses WHEN (SELECT applying FROM write_context) = 0 BEGIN
      INSERT OR REPLACE INTO tombstones (table_name, row_id, clock, device_id, author, scope, replaces, live)
      SELECT 'finding_responses', OLD.id, w.clock, w.device_id, w.author,
        coalesce((SELECT scope FROM change_log WHERE table_name = 'finding_responses' AND row_id = OLD.id AND scope IS NOT NULL LIMIT 1), (SELECT audit_id FROM findings WHERE id = OLD.finding_id)),
        (SELECT json_group_array(x) FROM (
          SELECT clock AS x FROM change_log WHERE table_name = 'finding_responses' AND row_id = OLD.id AND live = 1 AND clock <> w.clock
          UNION SELECT j.value FROM change_log c, json_each(c.replaces) j WHERE c.table_name = 'finding_responses'
            AND c.row_id = OLD.id AND c.clock = w.clock
          UNION SELECT clock FROM tombstones WHERE table_name = 'finding_responses' AND row_id = OLD.id AND live = 1 AND clock <> w.clock ORDER BY 1)),
        1
      FROM write_context w;
      DELETE FROM change_log WHERE table_name = 'finding_responses' AND row_id = OLD.id AND clock = (SELECT clock FROM write_context);
      UPDATE change_log SET live = 0 WHERE table_name = 'finding_responses' AND row_id = OLD.id AND live = 1;
      UPDATE tombstones SET live = 0 WHERE table_name = 'finding_responses' AND row_id = OLD.id AND live = 1 AND clock <> (SELECT clock FROM write_context);
      DELETE FROM change_log WHERE table_name = 'finding_responses' AND row_id = OLD.id AND coalesce(scope, '') NOT IN (SELECT audit_id FROM team_audits UNION SELECT a.client_id FROM team_audits t JOIN audits a ON a.id = t.audit_id);
    END;
    CREATE TRIGGER carried_findings_log_insert AFTER INSERT ON carried_findings WHEN (SELECT applying FROM write_context) = 0 BEGIN
      INSERT INTO change_log (table_name, row_id, field, value, clock, device_id, author, scope, replaces)
      SELECT 'carried_findings', NEW.audit_id || '/' || NEW.finding_id, c.f, c.v, w.clock, w.device_id, w.author, NEW.audit_id,
        (SELECT json_group_array(x) FROM (SELECT clock AS x FROM change_log WHERE table_name = 'carried_findings' AND row_id = NEW.audit_id || '/' || NEW.finding_id AND field = c.f AND live = 1 UNION SELECT clock FROM tombstones WHERE table_name = 'carried_findings' AND row_id = NEW.audit_id || '/' || NEW.finding_id AND live = 1 AND clock <> w.clock
          UNION SELECT j.value FROM tombstones t, json_each(t.replaces) j
            WHERE t.table_name = 'carried_findings' AND t.row_id = NEW.audit_id || '/' || NEW.finding_id AND t.clock = w.clock ORDER BY 1))
      FROM write_context w, (SELECT 'audit_id' AS f, json_quote(NEW.audit_id) AS v UNION ALL SELECT 'finding_id' AS f, json_quote(NEW.finding_id) AS v) c;
      DELETE FROM tombstones WHERE table_name = 'carried_findings' AND row_id = NEW.audit_id || '/' || NEW.finding_id AND clock = (SELECT clock FROM write_context);
      UPDATE change_log SET live = 0 WHERE table_name = 'carried_findings' AND row_id = NEW.audit_id || '/' || NEW.finding_id AND live = 1 AND clock <> (SELECT clock FROM write_context);
      UPDATE tombstones SET live = 0 WHERE table_name = 'carried_findings' AND row_id = NEW.audit_id || '/' || NEW.finding_id AND live = 1;
    END;
    CREATE TRIGGER carried_findings_log_delete AFTER DELETE ON carried_findings WHEN (SELECT applying FROM write_context) = 0 BEGIN
      INSERT OR REPLACE INTO tombstones (table_name, row_id, clock, device_id, author, scope, replaces, live)
      SELECT 'carried_findings', OLD.audit_id || '/' || OLD.finding_id, w.clock, w.device_id, w.author,
        coalesce((SELECT scope FROM change_log WHERE table_name = 'carried_findings' AND row_id = OLD.audit_id || '/' || OLD.finding_id AND scope IS NOT NULL LIMIT 1), OLD.audit_id),
        (SELECT json_group_array(x) FROM (
          SELECT clock AS x FROM change_log WHERE table_name = 'carried_findings' AND row_id = OLD.audit_id || '/' || OLD.finding_id AND live = 1 AND clock <> w.clock
          UNION SELECT j.value FROM change_log c, json_each(c.replaces) j WHERE c.table_name = 'carried_findings'
            AND c.row_id = OLD.audit_id || '/' || OLD.finding_id AND c.clock = w.clock
          UNION SELECT clock FROM tombstones WHERE table_name = 'carried_findings' AND row_id = OLD.audit_id || '/' || OLD.finding_id AND live = 1 AND clock <> w.clock ORDER BY 1)),
        1
      FROM write_context w;
      DELETE FROM change_log WHERE table_name = 'carried_findings' AND row_id = OLD.audit_id || '/' || OLD.finding_id AND clock = (SELECT clock FROM write_context);
      UPDATE change_log SET live = 0 WHERE table_name = 'carried_findings' AND row_id = OLD.audit_id || '/' || OLD.finding_id AND live = 1;
      UPDATE tombstones SET live = 0 WHERE table_name = 'carried_findings' AND row_id = OLD.audit_id || '/' || OLD.finding_id AND live = 1 AND clock <> (SELECT clock FROM write_context);
      DELETE FROM change_log WHERE table_name = 'carried_findings' AND row_id = OLD.audit_id || '/' || OLD.finding_id AND coalesce(scope, '') NOT IN (SELECT audit_id FROM team_audits UNION SELECT a.client_id FROM team_audits t JOIN audits a ON a.id = t.audit_id);
    END;
    CREATE TRIGGER recommendations_log_insert AFTER INSERT ON recommendations WHEN (SELECT applying FROM write_context) = 0 BEGIN
      INSERT INTO change_log (table_name, row_id, field, value, clock, device_id, author, scope, replaces)
      SELECT 'recommendations', NEW.id, c.f, c.v, w.clock, w.device_id, w.author, NEW.audit_id,
        (SELECT json_group_array(x) FROM (SELECT clock AS x FROM change_log WHERE table_name = 'recommendations' AND row_id = NEW.id AND field = c.f AND live = 1 UNION SELECT clock FROM tombstones WHERE table_name = 'recommendations' AND row_id = NEW.id AND live = 1 AND clock <> w.clock
          UNION SELECT j.value FROM tombstones t, json_each(t.replaces) j
            WHERE t.table_name = 'recommendations' AND t.row_id = NEW.id AND t.clock = w.clock ORDER BY 1))
      FROM write_context w, (SELECT 'id' AS f, json_quote(NEW.id) AS v UNION ALL SELECT 'audit_id' AS f, json_quote(NEW.audit_id) AS v UNION ALL SELECT 'recommendation' AS f, json_quote(NEW.recommendation) AS v UNION ALL SELECT 'suggested' AS f, json_quote(NEW.suggested) AS v UNION ALL SELECT 'reason' AS f, json_quote(NEW.reason) AS v UNION ALL SELECT 'decided_by' AS f, json_quote(NEW.decided_by) AS v) c;
      DELETE FROM tombstones WHERE table_name = 'recommendations' AND row_id = NEW.id AND clock = (SELECT clock FROM write_context);
      UPDATE change_log SET live = 0 WHERE table_name = 'recommendations' AND row_id = NEW.id AND live = 1 AND clock <> (SELECT clock FROM write_context);
      UPDATE tombstones SET live = 0 WHERE table_name = 'recommendations' AND row_id = NEW.id AND live = 1;
    END;
    CREATE TRIGGER recommendations_log_update AFTER UPDATE ON recommendations WHEN (SELECT applying FROM write_context) = 0 BEGIN
      UPDATE change_log SET value = CASE field WHEN 'audit_id' THEN json_quote(NEW.audit_id) WHEN 'recommendation' THEN json_quote(NEW.recommendation) WHEN 'suggested' THEN json_quote(NEW.suggested) WHEN 'reason' THEN json_quote(NEW.reason) WHEN 'decided_by' THEN json_quote(NEW.decided_by) END
        WHERE table_name = 'recommendations' AND row_id = NEW.id AND clock = (SELECT clock FROM write_context) AND field IN (SELECT f FROM (SELECT 'audit_id' AS f, json_quote(NEW.audit_id) AS v WHERE NEW.audit_id IS NOT OLD.audit_id UNION ALL SELECT 'recommendation' AS f, json_quote(NEW.recommendation) AS v WHERE NEW.recommendation IS NOT OLD.recommendation UNION ALL SELECT 'suggested' AS f, json_quote(NEW.suggested) AS v WHERE NEW.suggested IS NOT OLD.suggested UNION ALL SELECT 'reason' AS f, json_quote(NEW.reason) AS v WHERE NEW.reason IS NOT OLD.reason UNION ALL SELECT 'decided_by' AS f, json_quote(NEW.decided_by) AS v WHERE NEW.decided_by IS NOT OLD.decided_by));
      INSERT INTO change_log (table_name, row_id, field, value, clock, device_id, author, scope, replaces)
      SELECT 'recommendations', NEW.id, c.f, c.v, w.clock, w.device_id, w.author, NEW.audit_id,
        (SELECT json_group_array(x) FROM (SELECT clock AS x FROM change_log WHERE table_name = 'recommendations' AND row_id = NEW.id AND field = c.f AND live = 1 UNION SELECT clock FROM tombstones WHERE table_name = 'recommendations' AND row_id = NEW.id AND live = 1 AND clock <> w.clock ORDER BY 1))
      FROM write_context w, (SELECT 'audit_id' AS f, json_quote(NEW.audit_id) AS v WHERE NEW.audit_id IS NOT OLD.audit_id UNION ALL SELECT 'recommendation' AS f, json_quote(NEW.recommendation) AS v WHERE NEW.recommendation IS NOT OLD.recommendation UNION ALL SELECT 'suggested' AS f, json_quote(NEW.suggested) AS v WHERE NEW.suggested IS NOT OLD.suggested UNION ALL SELECT 'reason' AS f, json_quote(NEW.reason) AS v WHERE NEW.reason IS NOT OLD.reason UNION ALL SELECT 'decided_by' AS f, json_quote(NEW.decided_by) AS v WHERE NEW.decided_by IS NOT OLD.decided_by) c
      WHERE NOT EXISTS (SELECT 1 FROM change_log WHERE table_name = 'recommendations' AND row_id = NEW.id AND field = c.f AND clock = w.clock);
      UPDATE change_log SET live = 0 WHERE table_name = 'recommendations' AND row_id = NEW.id AND live = 1 AND clock <> (SELECT clock FROM write_context)
        AND field IN (SELECT f FROM (SELECT 'audit_id' AS f, json_quote(NEW.audit_id) AS v WHERE NEW.audit_id IS NOT OLD.audit_id UNION ALL SELECT 'recommendation' AS f, json_quote(NEW.recommendation) AS v WHERE NEW.recommendation IS NOT OLD.recommendation UNION ALL SELECT 'suggested' AS f, json_quote(NEW.suggested) AS v WHERE NEW.suggested IS NOT OLD.suggested UNION ALL SELECT 'reason' AS f, json_quote(NEW.reason) AS v WHERE NEW.reason IS NOT OLD.reason UNION ALL SELECT 'decided_by' AS f, json_quote(NEW.decided_by) AS v WHERE NEW.decided_by IS NOT OLD.decided_by));
      UPDATE tombstones SET live = 0 WHERE table_name = 'recommendations' AND row_id = NEW.id AND live = 1;
    END;
    CREATE TRIGGER recommendations_log_delete AFTER DELETE ON recommendations WHEN (SELECT applying FROM write_context) = 0 BEGIN
      INSERT OR REPLACE INTO tombstones (table_name, row_id, clock, device_id, author, scope, replaces, live)
      SELECT 'recommendations', OLD.id, w.clock, w.device_id, w.author,
        coalesce((SELECT scope FROM change_log WHERE table_name = 'recommendations' AND row_id = OLD.id AND scope IS NOT NULL LIMIT 1), OLD.audit_id),
        (SELECT json_group_array(x) FROM (
          SELECT clock AS x FROM change_log WHERE table_name = 'recommendations' AND row_id = OLD.id AND live = 1 AND clock <> w.clock
          UNION SELECT j.value FROM change_log c, json_each(c.replaces) j WHERE c.table_name = 'recommendations'
            AND c.row_id = OLD.id AND c.clock = w.clock
          UNION SELECT clock FROM tombstones WHERE table_name = 'recommendations' AND row_id = OLD.id AND live = 1 AND clock <> w.clock ORDER BY 1)),
        1
      FROM write_context w;
      DELETE FROM change_log WHERE table_name = 'recommendations' AND row_id = OLD.id AND clock = (SELECT clock FROM write_context);
      UPDATE change_log SET live = 0 WHERE table_name = 'recommendations' AND row_id = OLD.id AND live = 1;
      UPDATE tombstones SET live = 0 WHERE table_name = 'recommendations' AND row_id = OLD.id AND live = 1 AND clock <> (SELECT clock FROM write_context);
      DELETE FROM change_log WHERE table_name = 'recommendations' AND row_id = OLD.id AND coalesce(scope, '') NOT IN (SELECT audit_id FROM team_audits UNION SELECT a.client_id FROM team_audits t JOIN audits a ON a.id = t.audit_id);
    END;
    CREATE TRIGGER audit_reports_log_insert AFTER INSERT ON audit_reports WHEN (SELECT applying FROM write_context) = 0 BEGIN
      INSERT INTO change_log (table_name, row_id, field, value, clock, device_id, author, scope, replaces)
      SELECT 'audit_reports', NEW.audit_id, c.f, c.v, w.clock, w.device_id, w.author, NEW.audit_id,
        (SELECT json_group_array(x) FROM (SELECT clock AS x FROM change_log WHERE table_name = 'audit_reports' AND row_id = NEW.audit_id AND field = c.f AND live = 1 UNION SELECT clock FROM tombstones WHERE table_name = 'audit_reports' AND row_id = NEW.audit_id AND live = 1 AND clock <> w.clock
          UNION SELECT j.value FROM tombstones t, json_each(t.replaces) j
            WHERE t.table_name = 'audit_reports' AND t.row_id = NEW.audit_id AND t.clock = w.clock ORDER BY 1))
      FROM write_context w, (SELECT 'audit_id' AS f, json_quote(NEW.audit_id) AS v UNION ALL SELECT 'isms_documentation' AS f, json_quote(NEW.isms_documentation) AS v UNION ALL SELECT 'places' AS f, json_quote(NEW.places) AS v UNION ALL SELECT 'auditor_days' AS f, json_quote(NEW.auditor_days) AS v UNION ALL SELECT 'time_notes' AS f, json_quote(NEW.time_notes) AS v UNION ALL SELECT 'processes' AS f, json_quote(NEW.processes) AS v UNION ALL SELECT 'deviations' AS f, json_quote(NEW.deviations) AS v UNION ALL SELECT 'documents_summary' AS f, json_quote(NEW.documents_summary) AS v UNION ALL SELECT 'risk_assessment' AS f, json_quote(NEW.risk_assessment) AS v UNION ALL SELECT 'sampling' AS f, json_quote(NEW.sampling) AS v UNION ALL SELECT 'conclusion_internal_audit' AS f, json_quote(NEW.conclusion_internal_audit) AS v UNION ALL SELECT 'conclusion_management_review' AS f, json_quote(NEW.conclusion_management_review) AS v UNION ALL SELECT 'conclusion_scope' AS f, json_quote(NEW.conclusion_scope) AS v UNION ALL SELECT 'conclusion_objectives' AS f, json_quote(NEW.conclusion_objectives) AS v UNION ALL SELECT 'certificate_mark_use' AS f, json_quote(NEW.certificate_mark_use) AS v UNION ALL SELECT 'unresolved_issues' AS f, json_quote(NEW.unresolved_issues) AS v UNION ALL SELECT 'updated_by' AS f, json_quote(NEW.updated_by) AS v) c;
      DELETE FROM tombstones WHERE table_name = 'audit_reports' AND row_id = NEW.audit_id AND clock = (SELECT clock FROM write_context);
      UPDATE change_log SET live = 0 WHERE table_name = 'audit_reports' AND row_id = NEW.audit_id AND live = 1 AND clock <> (SELECT clock FROM write_context);
      UPDATE tombstones SET live = 0 WHERE table_name = 'audit_reports' AND row_id = NEW.audit_id AND live = 1;
    END;
    CREATE TRIGGER audit_reports_log_update AFTER UPDATE ON audit_reports WHEN (SELECT applying FROM write_context) = 0 BEGIN
      UPDATE change_log SET value = CASE field WHEN 'isms_documentation' THEN json_quote(NEW.isms_documentation) WHEN 'places' THEN json_quote(NEW.places) WHEN 'auditor_days' THEN json_quote(NEW.auditor_days) WHEN 'time_notes' THEN json_quote(NEW.time_notes) WHEN 'processes' THEN json_quote(NEW.processes) WHEN 'deviations' THEN json_quote(NEW.deviations) WHEN 'documents_summary' THEN json_quote(NEW.documents_summary) WHEN 'risk_assessment' THEN json_quote(NEW.risk_assessment) WHEN 'sampling' THEN json_quote(NEW.sampling) WHEN 'conclusion_internal_audit' THEN json_quote(NEW.conclusion_internal_audit) WHEN 'conclusion_management_review' THEN json_quote(NEW.conclusion_management_review) WHEN 'conclusion_scope' THEN json_quote(NEW.conclusion_scope) WHEN 'conclusion_objectives' THEN json_quote(NEW.conclusion_objectives) WHEN 'certificate_mark_use' THEN json_quote(NEW.certificate_mark_use) WHEN 'unresolved_issues' THEN json_quote(NEW.unresolved_issues) WHEN 'updated_by' THEN json_quote(NEW.updated_by) END
        WHERE table_name = 'audit_reports' AND row_id = NEW.audit_id AND clock = (SELECT clock FROM write_context) AND field IN (SELECT f FROM (SELECT 'isms_documentation' AS f, json_quote(NEW.isms_documentation) AS v WHERE NEW.isms_documentation IS NOT OLD.isms_documentation UNION ALL SELECT 'places' AS f, json_quote(NEW.places) AS v WHERE NEW.places IS NOT OLD.places UNION ALL SELECT 'auditor_days' AS f, json_quote(NEW.auditor_days) AS v WHERE NEW.auditor_days IS NOT OLD.auditor_days UNION ALL SELECT 'time_notes' AS f, json_quote(NEW.time_notes) AS v WHERE NEW.time_notes IS NOT OLD.time_notes UNION ALL SELECT 'processes' AS f, json_quote(NEW.processes) AS v WHERE NEW.processes IS NOT OLD.processes UNION ALL SELECT 'deviations' AS f, json_quote(NEW.deviations) AS v WHERE NEW.deviations IS NOT OLD.deviations UNION ALL SELECT 'documents_summary' AS f, json_quote(NEW.documents_summary) AS v WHERE NEW.documents_summary IS NOT OLD.documents_summary UNION ALL SELECT 'risk_assessment' AS f, json_quote(NEW.risk_assessment) AS v WHERE NEW.risk_assessment IS NOT OLD.risk_assessment UNION ALL SELECT 'sampling' AS f, json_quote(NEW.sampling) AS v WHERE NEW.sampling IS NOT OLD.sampling UNION ALL SELECT 'conclusion_internal_audit' AS f, json_quote(NEW.conclusion_internal_audit) AS v WHERE NEW.conclusion_internal_audit IS NOT OLD.conclusion_internal_audit UNION ALL SELECT 'conclusion_management_review' AS f, json_quote(NEW.conclusion_management_review) AS v WHERE NEW.conclusion_management_review IS NOT OLD.conclusion_management_review UNION ALL SELECT 'conclusion_scope' AS f, json_quote(NEW.conclusion_scope) AS v WHERE NEW.conclusion_scope IS NOT OLD.conclusion_scope UNION ALL SELECT 'conclusion_objectives' AS f, json_quote(NEW.conclusion_objectives) AS v WHERE NEW.conclusion_objectives IS NOT OLD.conclusion_objectives UNION ALL SELECT 'certificate_mark_use' AS f, json_quote(NEW.certificate_mark_use) AS v WHERE NEW.certificate_mark_use IS NOT OLD.certificate_mark_use UNION ALL SELECT 'unresolved_issues' AS f, json_quote(NEW.unresolved_issues) AS v WHERE NEW.unresolved_issues IS NOT OLD.unresolved_issues UNION ALL SELECT 'updated_by' AS f, json_quote(NEW.updated_by) AS v WHERE NEW.updated_by IS NOT OLD.updated_by));
      INSERT INTO change_log (table_name, row_id, field, value, clock, device_id, author, scope, replaces)
      SELECT 'audit_reports', NEW.audit_id, c.f, c.v, w.clock, w.device_id, w.author, NEW.audit_id,
        (SELECT json_group_array(x) FROM (SELECT clock AS x FROM change_log WHERE table_name = 'audit_reports' AND row_id = NEW.audit_id AND field = c.f AND live = 1 UNION SELECT clock FROM tombstones WHERE table_name = 'audit_reports' AND row_id = NEW.audit_id AND live = 1 AND clock <> w.clock ORDER BY 1))
      FROM write_context w, (SELECT 'isms_documentation' AS f, json_quote(NEW.isms_documentation) AS v WHERE NEW.isms_documentation IS NOT OLD.isms_documentation UNION ALL SELECT 'places' AS f, json_quote(NEW.places) AS v WHERE NEW.places IS NOT OLD.places UNION ALL SELECT 'auditor_days' AS f, json_quote(NEW.auditor_days) AS v WHERE NEW.auditor_days IS NOT OLD.auditor_days UNION ALL SELECT 'time_notes' AS f, json_quote(NEW.time_notes) AS v WHERE NEW.time_notes IS NOT OLD.time_notes UNION ALL SELECT 'processes' AS f, json_quote(NEW.processes) AS v WHERE NEW.processes IS NOT OLD.processes UNION ALL SELECT 'deviations' AS f, json_quote(NEW.deviations) AS v WHERE NEW.deviations IS NOT OLD.deviations UNION ALL SELECT 'documents_summary' AS f, json_quote(NEW.documents_summary) AS v WHERE NEW.documents_summary IS NOT OLD.documents_summary UNION ALL SELECT 'risk_assessment' AS f, json_quote(NEW.risk_assessment) AS v WHERE NEW.risk_assessment IS NOT OLD.risk_assessment UNION ALL SELECT 'sampling' AS f, json_quote(NEW.sampling) AS v WHERE NEW.sampling IS NOT OLD.sampling UNION ALL SELECT 'conclusion_internal_audit' AS f, json_quote(NEW.conclusion_internal_audit) AS v WHERE NEW.conclusion_internal_audit IS NOT OLD.conclusion_internal_audit UNION ALL SELECT 'conclusion_management_review' AS f, json_quote(NEW.conclusion_management_review) AS v WHERE NEW.conclusion_management_review IS NOT OLD.conclusion_management_review UNION ALL SELECT 'conclusion_scope' AS f, json_quote(NEW.conclusion_scope) AS v WHERE NEW.conclusion_scope IS NOT OLD.conclusion_scope UNION ALL SELECT 'conclusion_objectives' AS f, json_quote(NEW.conclusion_objectives) AS v WHERE NEW.conclusion_objectives IS NOT OLD.conclusion_objectives UNION ALL SELECT 'certificate_mark_use' AS f, json_quote(NEW.certificate_mark_use) AS v WHERE NEW.certificate_mark_use IS NOT OLD.certificate_mark_use UNION ALL SELECT 'unresolved_issues' AS f, json_quote(NEW.unresolved_issues) AS v WHERE NEW.unresolved_issues IS NOT OLD.unresolved_issues UNION ALL SELECT 'updated_by' AS f, json_quote(NEW.updated_by) AS v WHERE NEW.updated_by IS NOT OLD.updated_by) c
      WHERE NOT EXISTS (SELECT 1 FROM change_log WHERE table_name = 'audit_reports' AND row_id = NEW.audit_id AND field = c.f AND clock = w.clock);
      UPDATE change_log SET live = 0 WHERE table_name = 'audit_reports' AND row_id = NEW.audit_id AND live = 1 AND clock <> (SELECT clock FROM write_context)
        AND field IN (SELECT f FROM (SELECT 'isms_documentation' AS f, json_quote(NEW.isms_documentation) AS v WHERE NEW.isms_documentation IS NOT OLD.isms_documentation UNION ALL SELECT 'places' AS f, json_quote(NEW.places) AS v WHERE NEW.places IS NOT OLD.places UNION ALL SELECT 'auditor_days' AS f, json_quote(NEW.auditor_days) AS v WHERE NEW.auditor_days IS NOT OLD.auditor_days UNION ALL SELECT 'time_notes' AS f, json_quote(NEW.time_notes) AS v WHERE NEW.time_notes IS NOT OLD.time_notes UNION ALL SELECT 'processes' AS f, json_quote(NEW.processes) AS v WHERE NEW.processes IS NOT OLD.processes UNION ALL SELECT 'deviations' AS f, json_quote(NEW.deviations) AS v WHERE NEW.deviations IS NOT OLD.deviations UNION ALL SELECT 'documents_summary' AS f, json_quote(NEW.documents_summary) AS v WHERE NEW.documents_summary IS NOT OLD.documents_summary UNION ALL SELECT 'risk_assessment' AS f, json_quote(NEW.risk_assessment) AS v WHERE NEW.risk_assessment IS NOT OLD.risk_assessment UNION ALL SELECT 'sampling' AS f, json_quote(NEW.sampling) AS v WHERE NEW.sampling IS NOT OLD.sampling UNION ALL SELECT 'conclusion_internal_audit' AS f, json_quote(NEW.conclusion_internal_audit) AS v WHERE NEW.conclusion_internal_audit IS NOT OLD.conclusion_internal_audit UNION ALL SELECT 'conclusion_management_review' AS f, json_quote(NEW.conclusion_management_review) AS v WHERE NEW.conclusion_management_review IS NOT OLD.conclusion_management_review UNION ALL SELECT 'conclusion_scope' AS f, json_quote(NEW.conclusion_scope) AS v WHERE NEW.conclusion_scope IS NOT OLD.conclusion_scope UNION ALL SELECT 'conclusion_objectives' AS f, json_quote(NEW.conclusion_objectives) AS v WHERE NEW.conclusion_objectives IS NOT OLD.conclusion_objectives UNION ALL SELECT 'certificate_mark_use' AS f, json_quote(NEW.certificate_mark_use) AS v WHERE NEW.certificate_mark_use IS NOT OLD.certificate_mark_use UNION ALL SELECT 'unresolved_issues' AS f, json_quote(NEW.unresolved_issues) AS v WHERE NEW.unresolved_issues IS NOT OLD.unresolved_issues UNION ALL SELECT 'updated_by' AS f, json_quote(NEW.updated_by) AS v WHERE NEW.updated_by IS NOT OLD.updated_by));
      UPDATE tombstones SET live = 0 WHERE table_name = 'audit_reports' AND row_id = NEW.audit_id AND live = 1;
    END;
    CREATE TRIGGER audit_reports_log_delete AFTER DELETE ON audit_reports WHEN (SELECT applying FROM write_context) = 0 BEGIN
      INSERT OR REPLACE INTO tombstones (table_name, row_id, clock, device_id, author, scope, replaces, live)
      SELECT 'audit_reports', OLD.audit_id, w.clock, w.device_id, w.author,
        coalesce((SELECT scope FROM change_log WHERE table_name = 'audit_reports' AND row_id = OLD.audit_id AND scope IS NOT NULL LIMIT 1), OLD.audit_id),
        (SELECT json_group_array(x) FROM (
          SELECT clock AS x FROM change_log WHERE table_name = 'audit_reports' AND row_id = OLD.audit_id AND live = 1 AND clock <> w.clock
          UNION SELECT j.value FROM change_log c, json_each(c.replaces) j WHERE c.table_name = 'audit_reports'
            AND c.row_id = OLD.audit_id AND c.clock = w.clock
          UNION SELECT clock FROM tombstones WHERE table_name = 'audit_reports' AND row_id = OLD.audit_id AND live = 1 AND clock <> w.clock ORDER BY 1)),
        1
      FROM write_context w;
      DELETE FROM change_log WHERE table_name = 'audit_reports' AND row_id = OLD.audit_id AND clock = (SELECT clock FROM write_context);
      UPDATE change_log SET live = 0 WHERE table_name = 'audit_reports' AND row_id = OLD.audit_id AND live = 1;
      UPDATE tombstones SET live = 0 WHERE table_name = 'audit_reports' AND row_id = OLD.audit_id AND live = 1 AND clock <> (SELECT clock FROM write_context);
      DELETE FROM change_log WHERE table_name = 'audit_reports' AND row_id = OLD.audit_id AND coalesce(scope, '') NOT IN (SELECT audit_id FROM team_audits UNION SELECT a.client_id FROM team_audits t JOIN audits a ON a.id = t.audit_id);
    END;
  `,
};
