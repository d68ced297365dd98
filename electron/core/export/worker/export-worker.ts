/**
 * The export worker thread: builds a document from its task (no database),
 * signs it when issuing, and writes it durably: temporary file, fsync, rename
 * (in an encrypted data folder sealed as it is written: no plaintext on disk).
 * A DOCX is streamed to the file as it is built, never held whole in memory.
 * The parent cancels by terminating the thread and removing the temporary file
 * (which ends the thread's own threads too).
 *
 * The same entry also runs as the report's XML thread (`PartsTask`): it builds
 * the report's parts and ends, so the memory docx takes for them is returned.
 */
import { createHash } from 'node:crypto';
import { open, rename, rm } from 'node:fs/promises';
import { parentPort, Worker, workerData } from 'node:worker_threads';
import { DomainError } from '#shared/api/result';
import { writeSealed } from '../../crypto/file-cipher-io';
import { toCsv, toXlsx } from '../nc-list';
import { writeNcListDocx } from '../nc-list-docx';
import { writePlanDocx } from '../plan/docx';
import { reportParts, writeReportDocx, type BuildHooks } from '../report/build';
import { writeTemplateDocx } from '../../report-templates/write';
import type { ReportModel } from '../report/model';
import type { PlacedPhoto } from '../report/photos';
import type { ExportTask, PartsTask, WorkerMessage } from './task';

const post = (m: WorkerMessage) => parentPort!.postMessage(m);

/** DOCX: built, signed when issuing, and streamed to the temporary file part by part (synced before it returns). */
async function writeDocument(task: ExportTask): Promise<{ size: number; sha256: string; warnings: string[] }> {
  const hooks: BuildHooks = {
    onProgress: (done, total, stage) => post({ type: 'progress', done, total, stage }),
    signer: task.signer && {
      certificateDer: Buffer.from(task.signer.certificateDer),
      privateKey: task.signer.privateKey,
      signingTime: new Date(task.signer.signingTime),
    },
    sealWith: task.sealWith ?? null,
  };
  if (task.kind === 'plan') return writePlanDocx(task.plan!, task.tmpPath, hooks);
  if (task.template) return writeTemplateDocx(task.model!, task.template, task.tmpPath, hooks);
  if (task.kind !== 'report') return writeNcListDocx(task.model!, task.tmpPath, hooks);
  return writeReportDocx(task.model!, task.tmpPath, { ...hooks, reportParts: partsInThread });
}

/** The report's parts, built by this entry in a thread of its own that ends once they are posted. */
function partsInThread(model: ReportModel, placed: PlacedPhoto[]): Promise<Map<string, Buffer>> {
  return new Promise((resolve, reject) => {
    const task: PartsTask = { parts: { model, placed } };
    const thread = new Worker(new URL(import.meta.url), { workerData: task });
    let parts: Map<string, Buffer> | null = null;
    thread.once('message', (m: Map<string, Uint8Array>) => {
      parts = new Map([...m].map(([name, u]) => [name, Buffer.from(u.buffer, u.byteOffset, u.byteLength)]));
    });
    thread.once('error', reject);
    thread.once('exit', (code) =>
      parts && code === 0 ? resolve(parts) : reject(new Error(`report XML thread ended with ${code}`)),
    );
  });
}

/** CSV and XLSX lists are small: built in memory, then written. */
async function writeTable(task: ExportTask): Promise<{ size: number; sha256: string; warnings: string[] }> {
  const table = task.table!;
  const bytes =
    task.format === 'csv'
      ? Buffer.from(toCsv([table.header, ...table.rows]), 'utf8')
      : await toXlsx(table.rows, table.sheet);
  const handle = await open(task.tmpPath, 'wx', 0o600);
  try {
    if (task.sealWith) await writeSealed(handle, { key: Buffer.from(task.sealWith) }, bytes);
    else await handle.writeFile(bytes);
    await handle.sync();
  } finally {
    await handle.close();
  }
  return { size: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex'), warnings: [] };
}

async function run(task: ExportTask): Promise<void> {
  let written: { size: number; sha256: string; warnings: string[] };
  try {
    written = task.format === 'docx' ? await writeDocument(task) : await writeTable(task);
    post({ type: 'progress', done: 1, total: 1, stage: 'Saving' });
    await rename(task.tmpPath, task.finalPath);
  } catch (e) {
    await rm(task.tmpPath, { force: true });
    throw e;
  }
  post({ type: 'done', ...written });
}

const data = workerData as ExportTask | PartsTask;
if ('parts' in data) {
  // An error here ends the thread with code 1, and the export fails as any other error does.
  parentPort!.postMessage(reportParts(data.parts.model, data.parts.placed));
} else {
  run(data).catch((e: unknown) => {
    // Domain errors are written for the user; anything else may quote client data, so only its kind leaves.
    if (e instanceof DomainError) post({ type: 'error', code: e.code, message: e.message });
    else post({ type: 'error', code: (e as NodeJS.ErrnoException).code ?? 'internal', message: '' });
  });
}
