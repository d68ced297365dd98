import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPreviewServer, MAX_BODY_BYTES, type PreviewServer } from '#preview/server';
import { dumpDatabase, sampleClient, tempBackend } from '../../helpers/backend';

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** Raw HTTP, so tests can forge Host and Origin the way a rebinding attacker would. */
function send(
  port: number,
  path: string,
  opts: { method?: string; headers?: Record<string, string>; body?: string } = {},
) {
  return new Promise<Reply>((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, path, method: opts.method ?? 'GET', headers: opts.headers },
      (res) => {
        let body = '';
        res.on('data', (d: Buffer) => (body += d.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    req.end(opts.body);
  });
}

const t = tempBackend();
const staticDir = mkdtempSync(join(tmpdir(), 'fieldwork-static-'));
let server: PreviewServer;
let api: (op: string, body: string, headers?: Record<string, string>) => Promise<Reply>;
const errorCode = (r: Reply): string => (JSON.parse(r.body) as { error: { code: string } }).error.code;

beforeAll(async () => {
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Fieldwork</title>');
  mkdirSync(join(staticDir, 'assets'));
  writeFileSync(join(staticDir, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(staticDir, 'assets', 'ui-lllWL0e0.js'), 'console.log(2)');
  writeFileSync(join(tmpdir(), 'fieldwork-secret.txt'), 'secret');
  server = await startPreviewServer({ backend: t.backend, staticDir });
  api = (op, body, headers = {}) =>
    send(server.port, `/api/${op}`, {
      method: 'POST',
      body,
      headers: { 'content-type': 'application/json', 'x-fieldwork-token': server.token, ...headers },
    });
});
afterAll(async () => {
  await server.close();
  t.cleanup();
  rmSync(staticDir, { recursive: true, force: true });
});

describe('preview host', () => {
  it('prints a loopback URL carrying a long random token', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]{32}$/);
  });

  it('serves API calls with the token, without CORS headers', async () => {
    const r = await api('clients.create', JSON.stringify(sampleClient()));
    expect(r.status).toBe(200);
    expect(JSON.parse(r.body)).toMatchObject({ ok: true, value: { name: 'Acme Ltd' } });
    expect(Object.keys(r.headers).filter((h) => h.startsWith('access-control-'))).toEqual([]);
    expect(r.headers['cache-control']).toBe('no-store');
  });

  it('refuses API calls without the token or with a wrong one (401), changing nothing', async () => {
    const before = dumpDatabase(t.backend.db);
    const none = await send(server.port, '/api/clients.create', {
      method: 'POST',
      body: JSON.stringify(sampleClient()),
    });
    expect(none.status).toBe(401);
    expect(JSON.parse(none.body)).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    const wrong = await api('clients.create', JSON.stringify(sampleClient()), { 'x-fieldwork-token': 'A'.repeat(32) });
    expect(wrong.status).toBe(401);
    expect(dumpDatabase(t.backend.db)).toEqual(before);
  });

  it('refuses a foreign Origin or Host (403) even with the token', async () => {
    const before = dumpDatabase(t.backend.db);
    const body = JSON.stringify(sampleClient());
    expect((await api('clients.create', body, { origin: 'http://evil.example' })).status).toBe(403);
    expect((await api('clients.create', body, { origin: 'null' })).status).toBe(403);
    expect((await api('clients.create', body, { host: `evil.example:${server.port}` })).status).toBe(403);
    expect((await api('clients.create', body, { host: '127.0.0.1:1' })).status).toBe(403);
    expect((await send(server.port, '/', { headers: { host: 'rebind.example' } })).status).toBe(403);
    expect(dumpDatabase(t.backend.db)).toEqual(before);
    const same = await api('clients.list', '{}', { origin: `http://127.0.0.1:${server.port}` });
    expect(same.status).toBe(200);
  });

  it('answers bad requests with envelopes and changes nothing', async () => {
    const before = dumpDatabase(t.backend.db);
    expect(errorCode(await api('clients.create', '{not json'))).toBe('invalid_input');
    expect(errorCode(await api('no.such.op', '{}'))).toBe('unknown_operation');
    expect(errorCode(await api('%E0%A4%A', '{}'))).toBe('unknown_operation');
    const big = await api('clients.create', JSON.stringify({ name: 'x'.repeat(MAX_BODY_BYTES + 10) }));
    expect(big.status).toBe(413);
    expect(errorCode(big)).toBe('too_large');
    const get = await send(server.port, '/api/clients.list', { headers: { 'x-fieldwork-token': server.token } });
    expect(get.status).toBe(405);
    expect(dumpDatabase(t.backend.db)).toEqual(before);
  });

  it('serves the renderer with a strict CSP and refuses path traversal', async () => {
    const index = await send(server.port, '/');
    expect(index.status).toBe(200);
    expect(index.body).toContain('<title>Fieldwork</title>');
    const csp = String(index.headers['content-security-policy']);
    expect(csp).toContain("default-src 'self'");
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).toMatch(/script-src 'self'(;|$)/);
    expect((await send(server.port, '/assets/app.js')).headers['content-type']).toMatch(/javascript/);
    // A hashed chunk is the same bytes for good (and Chromium keeps its compiled code); the page, an unhashed file
    // and the API's answers (client data) are not kept.
    expect((await send(server.port, '/assets/ui-lllWL0e0.js')).headers['cache-control']).toBe(
      'public, max-age=31536000, immutable',
    );
    expect(index.headers['cache-control']).toBe('no-cache');
    expect((await send(server.port, '/assets/app.js')).headers['cache-control']).toBe('no-cache');
    expect((await api('app.info', '{}')).headers['cache-control']).toBe('no-store');
    for (const p of [
      '/../fieldwork-secret.txt',
      '/assets/../../fieldwork-secret.txt',
      '/%2e%2e/fieldwork-secret.txt',
      '/..%2ffieldwork-secret.txt',
      '/assets%5c..%5c..%5cfieldwork-secret.txt',
      '/%00',
      '/%E0%A4%A',
    ]) {
      const r = await send(server.port, p);
      expect(r.status, p).toBe(404);
      expect(r.body).not.toContain('secret');
    }
  });
});
