/**
 * The export worker thread: builds a document from its task (no database),
 * signs it when issuing, and writes it durably: temporary file, fsync, rename.
 * The parent cancels by terminating the thread and removing the temporary file.
 */
import { createHash } from 'node:crypto';
import { open, rename, rm } from 'node:fs/promises';
import { parentPort, workerData } from 'node:worker_threads';
import { DomainError } from '#shared/api/result';
import { toCsv, toXlsx } from '../nc-list';
import { buildNcListDocx } from '../nc-list-docx';
import { buildReportDocx } from '../report/build';
import { signPackage } from '../../signing/package-sign';
import type { ExportTask, WorkerMessage } from './task';

const post = (m: WorkerMessage) => parentPort!.postMessage(m);

async function build(task: ExportTask): Promise<{ bytes: Buffer; warnings: string[] }> {
  const onProgress = (done: number, total: number, stage: string) => post({ type: 'progress', done, total, stage });
  if (task.format === 'docx') {
    const model = task.model!;
    const built =
      task.kind === 'report'
        ? await buildReportDocx(model, { onProgress })
        : await buildNcListDocx(model, { onProgress });
    return { bytes: built.docx, warnings: built.warnings };
  }
  const table = task.table!;
  const bytes =
    task.format === 'csv'
      ? Buffer.from(toCsv([table.header, ...table.rows]), 'utf8')
      : await toXlsx(table.rows, table.sheet);
  return { bytes, warnings: [] };
}

async function writeDurably(tmpPath: string, finalPath: string, bytes: Buffer): Promise<void> {
  const handle = await open(tmpPath, 'wx', 0o600);
  try {
    await handle.writeFile(bytes);
    await handle.sync();
  } finally {
    await handle.close();
  }
  await rename(tmpPath, finalPath);
}

async function run(task: ExportTask): Promise<void> {
  const built = await build(task);
  const { warnings } = built;
  let { bytes } = built;
  if (task.signer) {
    post({ type: 'progress', done: 0, total: 1, stage: 'Signing' });
    bytes = await signPackage(bytes, {
      certificateDer: Buffer.from(task.signer.certificateDer),
      privateKey: task.signer.privateKey,
      signingTime: new Date(task.signer.signingTime),
    });
  }
  post({ type: 'progress', done: 1, total: 1, stage: 'Saving' });
  try {
    await writeDurably(task.tmpPath, task.finalPath, bytes);
  } catch (e) {
    await rm(task.tmpPath, { force: true });
    throw e;
  }
  post({ type: 'done', size: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex'), warnings });
}

run(workerData as ExportTask).catch((e: unknown) => {
  // Domain errors are written for the user; anything else may quote client data, so only its kind leaves.
  if (e instanceof DomainError) post({ type: 'error', code: e.code, message: e.message });
  else post({ type: 'error', code: (e as NodeJS.ErrnoException).code ?? 'internal', message: '' });
});
