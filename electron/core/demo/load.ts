import { DomainError } from '#shared/api/result';
import type { DemoLoaded, DemoProgress } from '#shared/domain/demo';
import type { Backend } from '../backend';
import type { Tx } from '../handlers/types';
import type { RepoContext } from '../repos/context';

/**
 * The demo from the app (`demo.load`, the first-run list's "Load the demo"),
 * the same data as `fieldwork demo`. The seed is some fifty operations, each its
 * own transaction, with an RSA key made and a report issued by the export
 * worker in between: too long to hold the write lock for (every other
 * operation would wait), so it is not one transaction. Instead it is refused
 * unless the folder holds no client, and a failure part-way removes what it
 * had added (see `undo`), so the folder is empty again.
 */

/** The backend of each open data folder, for the demo's own calls through `dispatch` (registered by openBackend). */
const backends = new WeakMap<RepoContext, Backend>();
export const registerDemoBackend = (backend: Backend): void => void backends.set(backend.context, backend);

/**
 * How many operations the demo calls (polls aside): the progress bar's end. The seed is the
 * same every run; tests/unit/core/demo-load.test.ts counts it and fails if it moves.
 */
export const DEMO_CALLS = 358;
/** The report export's status, asked until the job ends: how often depends on the machine, so not counted. */
const POLL = 'exports.status';

interface Run {
  done: number;
}
const running = new WeakMap<RepoContext, Run>();

export function demoProgress(ctx: RepoContext): DemoProgress {
  const run = running.get(ctx);
  return { running: run !== undefined, done: Math.min(run?.done ?? 0, DEMO_CALLS), total: DEMO_CALLS };
}

/** What the folder held before, to put back after a failure (the demo only adds to it). */
interface Before {
  identities: Set<string>;
  brandingRow: boolean;
  images: Set<string>;
}

/**
 * Seeds the demo through `backend` (the folder's own, registered by openBackend; tests pass one that fails on
 * purpose); a failure's clean-up runs in `tx` (a write transaction: the change log records the removals).
 */
export async function loadDemo(ctx: RepoContext, tx: Tx, backend = backends.get(ctx)): Promise<DemoLoaded> {
  if (!backend) throw new Error('demo: no backend registered for this data folder');
  if (running.has(ctx)) throw new DomainError('conflict', 'The demo is already being loaded. Wait for it to finish.');
  const clients = ctx.db.prepare('SELECT count(*) FROM clients').pluck().get() as number;
  if (clients > 0) {
    throw new DomainError(
      'conflict',
      'The demo only fills an empty data folder, and this one already holds clients. Nothing was changed. ' +
        'To look at the demo, start Fieldwork on a new, empty folder.',
    );
  }
  const before = beforeOf(ctx);
  const run: Run = { done: 0 };
  running.set(ctx, run);
  const counted: Backend = {
    ...backend,
    call: (op, input) => {
      if (op !== POLL) run.done++;
      return backend.call(op, input);
    },
  };
  try {
    const { seedDemo } = await import('./seed');
    const seeded = await seedDemo(counted);
    return { clients: 2, audits: seeded.auditIds.length + seeded.certified.auditIds.length };
  } catch (e) {
    tx(() => undo(ctx, before))(undefined);
    if (e instanceof DomainError)
      throw new DomainError(e.code, `${e.message} The demo was not loaded; nothing was kept.`);
    throw e;
  } finally {
    running.delete(ctx);
  }
}

function beforeOf(ctx: RepoContext): Before {
  const ids = (sql: string) => new Set(ctx.db.prepare(sql).pluck().all() as string[]);
  return {
    identities: ids('SELECT id FROM signing_identities'),
    brandingRow: ctx.db.prepare('SELECT count(*) FROM cb_settings').pluck().get() !== 0,
    images: ids('SELECT kind FROM cb_images'),
  };
}

/**
 * Removes what a failed demo added, in one transaction. The folder had no
 * client, so every client and audit is the demo's, and so is every row that
 * hangs off an audit (its trail and issued reports included); the signing
 * identity and the branding are removed only if the demo made them. The
 * guards that keep issued findings, issued reports and the audit trail
 * against deletion protect a certification record, which a half-made demo is
 * not: they are lifted for this transaction alone and made again, word for
 * word, before it commits. Attachments' files go with their rows once the
 * operation ends (the evidence store's collection).
 */
function undo(ctx: RepoContext, before: Before): void {
  const db = ctx.db;
  const guards = db
    .prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND sql LIKE '%BEFORE DELETE%RAISE(ABORT%'")
    .all() as { name: string; sql: string }[];
  for (const g of guards) db.exec(`DROP TRIGGER "${g.name}"`);
  db.exec('UPDATE findings SET verified_in_audit_id = NULL WHERE verified_in_audit_id IS NOT NULL');
  db.exec('DELETE FROM report_issues');
  db.exec('DELETE FROM audits');
  db.exec('DELETE FROM clients');
  db.exec('DELETE FROM audit_trail');
  for (const id of db.prepare('SELECT id FROM signing_identities').pluck().all() as string[]) {
    if (!before.identities.has(id)) db.prepare('DELETE FROM signing_identities WHERE id = ?').run(id);
  }
  if (!before.brandingRow) db.exec('DELETE FROM cb_settings');
  for (const kind of db.prepare('SELECT kind FROM cb_images').pluck().all() as string[]) {
    if (!before.images.has(kind)) db.prepare('DELETE FROM cb_images WHERE kind = ?').run(kind);
  }
  for (const g of guards) db.exec(g.sql);
  // The index's segments still hold the removed entries' words until merged: merged now, so none stay in the file.
  db.exec("INSERT INTO search_index (search_index) VALUES ('optimize')");
}
