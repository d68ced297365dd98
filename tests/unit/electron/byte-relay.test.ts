import { createHash, randomBytes } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { openBackend, type Backend } from '#core/backend';
import { createBackendClient, type BackendClient, type BackendProcess } from '../../../electron/main/backend-client';
import { serveBackend } from '../../../electron/main/backend-serve';
import { RELAY_PIECE_BYTES } from '../../../electron/main/byte-relay';
import { sampleAudit, sampleClient, value } from '../../helpers/backend';

vi.mock('electron', async () => (await import('./electron-fake')).electronMock());
const { createAppRequestHandler, appHeaders } = await import('../../../electron/main/protocol');
const { createByteRelay } = await import('../../../electron/main/byte-relay');

/** The real client and host loop in-process, messages structured-cloned as Electron does across processes. */
function connect(backend: Backend): BackendClient {
  const proc = new EventEmitter() as EventEmitter & BackendProcess;
  const port = new EventEmitter();
  proc.postMessage = (m) => setImmediate(() => port.emit('message', { data: structuredClone(m) }));
  proc.kill = () => true;
  void serveBackend(
    {
      on: (e: 'message', l: (ev: { data: unknown }) => void) => port.on(e, l),
      postMessage: (m: unknown) => setImmediate(() => proc.emit('message', structuredClone(m))),
    },
    () => backend,
    () => {},
  );
  return createBackendClient(() => proc);
}

/** A request body that arrives in uneven pieces, the way a renderer's File streams. */
function streamOf(bytes: Uint8Array, piece = 700_001): ReadableStream<Uint8Array> {
  let at = 0;
  return new ReadableStream({
    pull(controller) {
      if (at >= bytes.length) return controller.close();
      controller.enqueue(bytes.slice(at, at + piece));
      at += piece;
    },
  });
}

const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const dataDir = mkdtempSync(path.join(tmpdir(), 'fw-relay-'));
const root = mkdtempSync(path.join(tmpdir(), 'fw-relay-renderer-'));
let backend: Backend;
let client: BackendClient;
let serve: (r: Request) => Promise<Response>;
let auditId: string;

beforeAll(async () => {
  backend = openBackend({ dataDir, appVersion: 'test' });
  client = connect(backend);
  serve = createAppRequestHandler(
    root,
    createByteRelay((r) => client.bytes(r), appHeaders),
  );
  const c = value(await backend.call('clients.create', sampleClient()));
  auditId = value(await backend.call('audits.create', sampleAudit(c.id))).id;
}, 60_000);
afterAll(() => {
  backend.close();
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(root, { recursive: true, force: true });
});

const begin = async (size: number) =>
  value(await backend.call('evidence.uploadBegin', { auditId, name: 'card.jpg', size })).uploadId;
const put = (id: string, offset: number, body: ReadableStream<Uint8Array> | Uint8Array | null) =>
  serve(new Request(`app://fieldwork/bytes/${id}?offset=${offset}`, { method: 'PUT', body, duplex: 'half' }));

describe('the desktop app’s byte channel (app:// relayed to the backend process)', () => {
  it('carries a file larger than one relay piece in and out, byte for byte', async () => {
    const bytes = randomBytes(2 * RELAY_PIECE_BYTES + 12_345);
    const uploadId = await begin(bytes.length);
    const res = await put(uploadId, 0, streamOf(bytes));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true, value: { received: bytes.length } });
    const { evidence } = value(
      await backend.call('evidence.uploadCommit', { uploadId, links: [{ type: 'audit', id: auditId }] }),
    );
    expect(evidence.sha256).toBe(sha256(bytes));

    const { downloadId } = value(await backend.call('bytes.download', { kind: 'evidence', id: evidence.id }));
    const got = await serve(new Request(`app://fieldwork/bytes/${downloadId}`));
    expect([got.status, got.headers.get('content-length')]).toEqual([200, String(bytes.length)]);
    expect(got.headers.get('content-security-policy')).toBeTruthy();
    expect(Buffer.from(await got.arrayBuffer()).equals(bytes)).toBe(true);
    const head = await serve(new Request(`app://fieldwork/bytes/${downloadId}`, { method: 'HEAD' }));
    expect([head.status, head.headers.get('content-length'), await head.text()]).toEqual([
      200,
      String(bytes.length),
      '',
    ]);
  }, 60_000);

  it('says what the backend refused: unknown, out of order, too many bytes, a malformed path', async () => {
    const uploadId = await begin(10);
    expect((await put(uploadId, 0, new Uint8Array([1, 2, 3]))).status).toBe(200);
    const unknown = await put('00000000-0000-4000-8000-000000000000', 0, new Uint8Array([1]));
    expect([unknown.status, ((await unknown.json()) as { error: { code: string } }).error.code]).toEqual([
      404,
      'not_found',
    ]);
    const outOfOrder = await put(uploadId, 0, new Uint8Array([1]));
    expect([outOfOrder.status, ((await outOfOrder.json()) as { error: { message: string } }).error.message]).toEqual([
      400,
      'Chunk out of order: expected offset 3, got 0.',
    ]);
    // An empty body still asks, so a wrong offset is said even then.
    expect((await put(uploadId, 9, null)).status).toBe(400);
    const over = await put(uploadId, 3, streamOf(new Uint8Array(20), 4));
    expect(over.status).toBe(400);
    expect(((await over.json()) as { error: { message: string } }).error.message).toMatch(/larger than the 10 bytes/);
    expect((await serve(new Request('app://fieldwork/bytes/not-an-id'))).status).toBe(404);
    expect((await serve(new Request(`app://fieldwork/bytes/${uploadId}`, { method: 'POST', body: 'x' }))).status).toBe(
      405,
    );
    // An upload id is no download ticket.
    expect((await serve(new Request(`app://fieldwork/bytes/${uploadId}`))).status).toBe(404);
    // Without the relay, app:// serves no bytes at all.
    expect((await createAppRequestHandler(root)(new Request(`app://fieldwork/bytes/${uploadId}`))).status).toBe(404);
  }, 60_000);
});
