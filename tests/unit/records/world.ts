import type { Backend } from '#core/backend';
import type { RepoContext } from '#core/repos/context';
import { sampleAudit, sampleClient, tempBackend, value } from '../../helpers/backend';

/** A clock that moves one second per call, so "was this row stamped again?" has a clear answer. */
export function steppingClock(): () => string {
  let tick = 0;
  return () => new Date(Date.UTC(2026, 2, 2, 9, 0, 0) + 1000 * tick++).toISOString();
}

export const tempRecordsBackend = () => tempBackend({ now: steppingClock() });

/**
 * Acme's Stage 2 audit with only its HQ in scope, a second audit of the same
 * client with both sites, and another client's site, so every "does this link
 * belong here?" rule has something from next door to refuse.
 */
export async function recordsWorld(backend: Backend) {
  const client = value(await backend.call('clients.create', sampleClient()));
  const other = value(await backend.call('clients.create', { ...sampleClient(), name: 'Other plc' }));
  const [hq, plant] = client.sites.map((s) => s.id) as [string, string];
  const audit = value(await backend.call('audits.create', sampleAudit(client.id, [hq])));
  const second = value(
    await backend.call('audits.create', {
      ...sampleAudit(client.id, [hq, plant]),
      startDate: '2026-09-01',
      endDate: '2026-09-02',
    }),
  );
  const items = value(await backend.call('checklist.get', { auditId: audit.id })).items;
  const secondItems = value(await backend.call('checklist.get', { auditId: second.id })).items;
  return {
    audit,
    second,
    items,
    secondItems,
    hq,
    plant,
    otherSiteId: other.sites[0]!.id,
    lead: audit.team[0]!.id,
    auditor: audit.team[1]!.id,
  };
}

export async function closeAudit(backend: Backend, id: string): Promise<void> {
  for (const status of ['in_progress', 'reporting', 'closed'] as const) {
    value(await backend.call('audits.setStatus', { id, status, reason: 'Closed for the test' }));
  }
}

/** Repository functions called directly (inside a transaction the test controls) need a context. */
export const repoContext = (backend: Backend, dataDir: string): RepoContext => ({
  db: backend.db,
  dataDir,
  deviceId: backend.deviceId,
  now: () => new Date().toISOString(),
  builtinTemplates: [],
});

/** An attachment row and its links, written with SQL: the evidence store is not under test here. */
export function insertEvidence(
  backend: Backend,
  e: { id: string; auditId: string; sha: string; name: string; description?: string },
  links: { type: string; id: string }[],
): void {
  const meta = "'2026-03-02T09:00:00.000Z', '2026-03-02T09:00:00.000Z', 'test-device'";
  backend.db
    .prepare(
      `INSERT INTO evidence (id, audit_id, sha256, original_name, media_type, size, captured_at, added_by,
         description, has_thumbnail, created_at, updated_at, device_id)
       VALUES (?, ?, ?, ?, 'image/jpeg', 1234, NULL, 'Lena Lead', ?, 0, ${meta})`,
    )
    .run(e.id, e.auditId, e.sha, e.name, e.description ?? '');
  const link = backend.db.prepare(
    `INSERT INTO evidence_links (evidence_id, target_type, target_id, created_at, updated_at, device_id)
     VALUES (?, ?, ?, ${meta})`,
  );
  for (const l of links) link.run(e.id, l.type, l.id);
}

/**
 * Every row of every table, FTS5's own tables included, for "nothing changed"
 * assertions. (Some FTS5 tables have no rowid, so they are read in key order.)
 */
export function snapshot(db: Backend['db']): Record<string, unknown[]> {
  const tables = db
    .prepare(
      `SELECT name, wr FROM pragma_table_list WHERE schema = 'main' AND type IN ('table', 'shadow', 'virtual')
       AND name NOT LIKE 'sqlite_%' ORDER BY name`,
    )
    .all() as { name: string; wr: number }[];
  return Object.fromEntries(
    tables.map((t) => [t.name, db.prepare(`SELECT * FROM "${t.name}"${t.wr ? '' : ' ORDER BY rowid'}`).all()]),
  );
}
