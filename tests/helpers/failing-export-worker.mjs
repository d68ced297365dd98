// Test stand-in for the export worker: starts writing the temporary file,
// reports progress, then dies the way a crashing builder would.
import { writeFileSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';

parentPort.postMessage({ type: 'progress', done: 1, total: 2, stage: 'Photos 1 of 2' });
writeFileSync(workerData.tmpPath, 'PK\u0003\u0004 half a document');
throw new Error('builder crashed');
