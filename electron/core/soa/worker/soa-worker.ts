/**
 * The SoA parsing worker thread: reads one uploaded file (CSV or XLSX) into
 * rows and posts them back. No database; the backend thread keeps answering
 * while a hostile or large file is read here.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { DomainError } from '#shared/api/result';
import { parseSoaFile } from '../parse';
import type { SoaTask, SoaWorkerMessage } from './task';

const post = (m: SoaWorkerMessage) => parentPort!.postMessage(m);
const task = workerData as SoaTask;

parseSoaFile(task.name, Buffer.from(task.bytes.buffer, task.bytes.byteOffset, task.bytes.byteLength)).then(
  (parsed) => post({ ok: true, parsed }),
  (e: unknown) => {
    // Domain errors are written for the user; anything else may quote client data, so only its kind leaves.
    if (e instanceof DomainError) post({ ok: false, code: e.code, message: e.message });
    else post({ ok: false, code: 'internal', message: '' });
  },
);
