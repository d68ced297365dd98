import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { keyStatements } from '../crypto/db-key';

// SQLite3MC refuses its online backup API from an encrypted database into a new file better-sqlite3 opens without
// a key ("incompatible source and target"), and better-sqlite3 gives no way to key that target. VACUUM INTO on a
// keyed connection writes the copy encrypted under the same key, page by page; it runs in a worker thread on a
// read-only connection of its own (WAL: a consistent read beside the backend's writes), so the backend keeps
// answering while a large database is copied, and a cancel terminates the worker.
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.modulePath);
let answer;
try {
  const db = new Database(workerData.source, { readonly: true, fileMustExist: true });
  try {
    for (const statement of workerData.keyStatements) db.exec(statement);
    db.prepare('VACUUM INTO ?').run(workerData.target);
    answer = { ok: true };
  } finally { db.close(); }
} catch (e) { answer = { ok: false, code: String((e && e.code) || 'error'), message: String((e && e.message) || e) }; }
parentPort.postMessage(answer);
`;

/** A consistent, encrypted copy of an encrypted database file into `target` (which must not exist). */
export function keyedSnapshot(source: string, target: string, dataKey: Buffer, signal?: AbortSignal): Promise<void> {
  const modulePath = createRequire(import.meta.url).resolve('better-sqlite3');
  const worker = new Worker(WORKER, {
    eval: true,
    workerData: { modulePath, source, target, keyStatements: keyStatements(dataKey) },
  });
  return new Promise<void>((resolve, reject) => {
    const onAbort = () => void worker.terminate();
    signal?.addEventListener('abort', onAbort, { once: true });
    const done = (fn: () => void) => {
      signal?.removeEventListener('abort', onAbort);
      fn();
    };
    worker.once('message', (answer: { ok: boolean; code?: string; message?: string }) =>
      done(() =>
        answer.ok
          ? resolve()
          : reject(Object.assign(new Error(answer.message ?? 'VACUUM INTO failed'), { code: answer.code })),
      ),
    );
    worker.once('error', (e) => done(() => reject(e)));
    worker.once('exit', () =>
      done(() => (signal?.aborted ? reject(new Error('The backup was cancelled.')) : undefined)),
    );
  });
}
