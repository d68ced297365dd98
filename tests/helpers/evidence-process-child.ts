/**
 * A second (third…) Fieldwork process on a shared data folder, for tests of
 * what two processes do to each other. Started with `fork()` under tsx (see
 * evidence-process.ts), it opens a real backend from the sources and obeys
 * messages from the test:
 *   { cmd: 'upload', auditId, file, hold? }  attaches the file; with `hold`,
 *       stops right after the file is placed in the store (row not yet
 *       written), says { event: 'placed' } and waits for { cmd: 'go' }
 *   { cmd: 'delete', id }                    deletes an attachment (its collection runs after)
 *   { cmd: 'close' }                         closes the backend and exits
 * Each command is answered with { event: 'done', value } or { event: 'failed', message }.
 */
import { readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { openBackend } from '#core/backend';
import type { EvidenceStore } from '#core/evidence/store';
import { upload } from '../unit/evidence/helpers';
import { value } from './backend';

type Command =
  | { cmd: 'upload'; auditId: string; file: string; hold?: boolean }
  | { cmd: 'delete'; id: string }
  | { cmd: 'go' }
  | { cmd: 'close' };

const send = (m: object) => process.send!(m);
const backend = openBackend({ dataDir: process.env.FIELDWORK_TEST_DATA_DIR!, appVersion: 'test' });
const store: EvidenceStore = backend.evidence.store;
let release: (() => void) | null = null;

/** Pauses the next placement of a blob (not of a preview) until the test says go. */
function holdNextPlacement(): void {
  const place = store.place.bind(store);
  const blobs = dirname(dirname(store.blobPath('0'.repeat(64))));
  store.place = async (temp, target, syncLater) => {
    const placed = await place(temp, target, syncLater);
    if (dirname(dirname(target)) !== blobs) return placed;
    store.place = place;
    await new Promise<void>((resolve) => {
      release = resolve;
      send({ event: 'placed' });
    });
    return placed;
  };
}

process.on('message', (m: Command) => {
  if (m.cmd === 'go') {
    release?.();
    return;
  }
  void (async () => {
    try {
      if (m.cmd === 'upload') {
        if (m.hold) holdNextPlacement();
        const added = value(await upload(backend, m.auditId, 'shared.bin', readFileSync(m.file)));
        send({ event: 'done', value: added.evidence.id });
      } else if (m.cmd === 'delete') {
        send({ event: 'done', value: value(await backend.call('evidence.delete', { id: m.id })) });
      } else {
        backend.close();
        send({ event: 'done', value: null });
        process.disconnect();
      }
    } catch (e) {
      send({ event: 'failed', message: e instanceof Error ? e.message : String(e) });
    }
  })();
});
send({ event: 'ready' });
