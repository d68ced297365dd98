import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPreviewServer, type PreviewServer } from '#preview/server';
import { dumpDatabase, tempBackend, value } from '../../helpers/backend';
import { filesIn, seedAudit } from '../evidence/helpers';

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** Raw HTTP: a body given as a stream goes out chunked (no Content-Length), as a Buffer with one. */
function send(
  port: number,
  path: string,
  opts: { method?: string; headers?: Record<string, string>; body?: Buffer | Readable } = {},
) {
  return new Promise<Reply>((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, path, method: opts.method ?? 'GET', headers: opts.headers },
      (res) => {
        const parts: Buffer[] = [];
        res.on('data', (d: Buffer) => parts.push(d));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(parts) }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    if (opts.body && 'pipe' in opts.body) opts.body.pipe(req);
    else req.end(opts.body);
  });
}

const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const envelope = (r: Reply) =>
  JSON.parse(r.body.toString()) as { ok: boolean; error?: { code: string; message: string } };

const t = tempBackend();
const work = mkdtempSync(join(tmpdir(), 'fieldwork-bytes-'));
let server: PreviewServer;
let auditId: string;
let token: Record<string, string>;

beforeAll(async () => {
  ({ auditId } = await seedAudit(t.backend));
  server = await startPreviewServer({ backend: t.backend, staticDir: work });
  token = { 'x-fieldwork-token': server.token };
}, 60_000);
afterAll(async () => {
  await server.close();
  t.cleanup();
  rmSync(work, { recursive: true, force: true });
});

const begin = async (size: number, name = 'photo.jpg') =>
  value(await t.backend.call('evidence.uploadBegin', { auditId, name, size })).uploadId;
const put = (uploadId: string, offset: number, body: Buffer | Readable, headers: Record<string, string> = token) =>
  send(server.port, `/bytes/${uploadId}?offset=${offset}`, { method: 'PUT', headers, body });

describe('the preview host’s byte route', () => {
  it('takes real files from disk in streamed chunks and gives them back byte for byte', async () => {
    const files = [randomBytes(5 * 1024 * 1024 + 17), randomBytes(1), randomBytes(300_000)].map((bytes, i) => {
      const path = join(work, `file-${i}.bin`);
      writeFileSync(path, bytes);
      return { path, bytes };
    });
    // Several files in flight at once, as the app sends them.
    const added = await Promise.all(
      files.map(async ({ path, bytes }, i) => {
        const uploadId = await begin(bytes.length, `file-${i}.bin`);
        const half = Math.floor(bytes.length / 2);
        // First half streamed from the file with no Content-Length, the rest as one buffer.
        if (half > 0) {
          const first = await put(uploadId, 0, createReadStream(path, { end: half - 1 }));
          expect(JSON.parse(first.body.toString())).toEqual({ ok: true, value: { received: half } });
        }
        const rest = await put(uploadId, half, bytes.subarray(half));
        expect(rest.status).toBe(200);
        const links = [{ type: 'audit' as const, id: auditId }];
        return value(await t.backend.call('evidence.uploadCommit', { uploadId, links })).evidence;
      }),
    );
    for (const [i, evidence] of added.entries()) {
      expect(evidence.sha256).toBe(sha256(files[i]!.bytes));
      const offered = value(await t.backend.call('bytes.download', { kind: 'evidence', id: evidence.id }));
      expect(offered.size).toBe(files[i]!.bytes.length);
      const got = await send(server.port, `/bytes/${offered.downloadId}`, { headers: token });
      expect(got.status).toBe(200);
      expect(got.headers['content-type']).toBe('application/octet-stream');
      expect(Number(got.headers['content-length'])).toBe(files[i]!.bytes.length);
      expect(got.body.equals(files[i]!.bytes)).toBe(true);
    }
    expect(filesIn(t.dataDir, 'tmp')).toEqual([]);
  }, 120_000);

  it('refuses a wrong token, an unknown session, a chunk out of order and bytes beyond the size', async () => {
    const uploadId = await begin(10);
    expect((await put(uploadId, 0, Buffer.from('12345'))).status).toBe(200);
    const before = dumpDatabase(t.backend.db);

    const wrongToken = await put(uploadId, 5, Buffer.from('67890'), { 'x-fieldwork-token': 'nope' });
    expect([wrongToken.status, envelope(wrongToken).error?.code]).toEqual([401, 'unauthorized']);
    const noToken = await put(uploadId, 5, Buffer.from('67890'), {});
    expect(noToken.status).toBe(401);
    const unknown = await put('00000000-0000-4000-8000-000000000000', 0, Buffer.from('x'));
    expect([unknown.status, envelope(unknown).error?.code]).toEqual([404, 'not_found']);
    const notAnId = await put('..%2F..%2Ffieldwork.sqlite', 0, Buffer.from('x'));
    expect(notAnId.status).toBe(404);
    const outOfOrder = await put(uploadId, 0, Buffer.from('67890'));
    expect([outOfOrder.status, envelope(outOfOrder).error?.message]).toEqual([
      400,
      'Chunk out of order: expected offset 5, got 0.',
    ]);
    // Streamed without a Content-Length: the session counts what arrives.
    const { PassThrough } = await import('node:stream');
    const lying = new PassThrough();
    const tooMuch = put(uploadId, 5, lying);
    lying.end(Buffer.from('67890-and-more'));
    const over = await tooMuch;
    expect([over.status, envelope(over).error?.code]).toEqual([400, 'invalid_input']);
    expect(envelope(over).error?.message).toMatch(/larger than the 10 bytes announced/);

    // None of it reached the database; the upload still takes its true rest.
    expect(dumpDatabase(t.backend.db)).toEqual(before);
    const rest = await put(uploadId, 5, Buffer.from('67890'));
    expect(rest.status).toBe(200);
    value(await t.backend.call('evidence.uploadCommit', { uploadId, links: [{ type: 'audit', id: auditId }] }));
  }, 60_000);

  it('streams downloads only by a ticket, with the token', async () => {
    const uploadId = await begin(4);
    await put(uploadId, 0, Buffer.from('abcd'));
    const { evidence } = value(
      await t.backend.call('evidence.uploadCommit', { uploadId, links: [{ type: 'audit', id: auditId }] }),
    );
    const { downloadId } = value(await t.backend.call('bytes.download', { kind: 'evidence', id: evidence.id }));
    expect((await send(server.port, `/bytes/${downloadId}`)).status).toBe(401);
    // An upload id is no download, and an attachment's own id is no ticket.
    expect((await send(server.port, `/bytes/${evidence.id}`, { headers: token })).status).toBe(404);
    const head = await send(server.port, `/bytes/${downloadId}`, { method: 'HEAD', headers: token });
    expect([head.status, head.headers['content-length'], head.body.length]).toEqual([200, '4', 0]);
    const post = await send(server.port, `/bytes/${downloadId}`, { method: 'POST', headers: token });
    expect(post.status).toBe(405);
    expect((await send(server.port, `/bytes/${downloadId}`, { headers: token })).body.toString()).toBe('abcd');
  }, 60_000);
});
