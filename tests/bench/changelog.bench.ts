/**
 * `npm run bench changelog`: what the change log (migration 9) costs a write.
 * 2,000 checklist item edits (notes and result) through dispatch, in runs of
 * 400, on a data folder with the change-log triggers; the baseline is the same
 * edits on a second folder whose change-log triggers were dropped (the
 * transaction wrapper's clock step is in both). Runs alternate between the two.
 */
import { performance } from 'node:perf_hooks';
import type { Backend } from '#core/backend';
import { sampleAudit, sampleClient, tempBackend, value } from '../helpers/backend';
import { report } from './report';

const RUNS = 5;
const EDITS_PER_RUN = 400;
/** Per run of 400 edits (10 ms an edit): each one is a committed, fsynced transaction. */
const TARGET_MS = 4000;

async function world(dropLog: boolean) {
  const t = tempBackend();
  if (dropLog) {
    const triggers = t.backend.db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' AND name GLOB '*_log_*'")
      .pluck()
      .all() as string[];
    for (const name of triggers) t.backend.db.exec(`DROP TRIGGER ${name}`);
  }
  const client = value(await t.backend.call('clients.create', sampleClient()));
  const audit = value(await t.backend.call('audits.create', sampleAudit(client.id, [client.sites[0]!.id])));
  const items = value(await t.backend.call('checklist.get', { auditId: audit.id })).items.map((i) => i.id);
  return { ...t, items };
}

let edit = 0;
async function timeRun(backend: Backend, items: readonly string[]): Promise<number> {
  const start = performance.now();
  for (let i = 0; i < EDITS_PER_RUN; i++) {
    edit++;
    const r = await backend.call('checklist.updateItem', {
      id: items[i % items.length]!,
      patch: { notes: `Seen on site, sample ${edit}`, result: edit % 2 ? 'conforming' : 'ofi' },
      by: 'Bench Auditor',
    });
    if (!r.ok) throw new Error(r.error.message);
  }
  return performance.now() - start;
}

const logged = await world(false);
const bare = await world(true);
try {
  await timeRun(logged.backend, logged.items); // warm-up
  await timeRun(bare.backend, bare.items);
  const runs: number[] = [];
  const baselineRuns: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    runs.push(await timeRun(logged.backend, logged.items));
    baselineRuns.push(await timeRun(bare.backend, bare.items));
  }
  const rows = logged.backend.db.prepare('SELECT count(*) FROM change_log').pluck().get() as number;
  console.error(
    `change_log rows ${rows}; bare folder logged ${bare.backend.db.prepare('SELECT count(*) FROM change_log').pluck().get() as number}`,
  );
  report({
    bench: 'changelog',
    runs,
    baseline: 'same edits without change-log triggers',
    baselineRuns,
    target: TARGET_MS,
  });
} finally {
  logged.cleanup();
  bare.cleanup();
}
