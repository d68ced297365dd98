import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fake, resetFake } from './electron-fake';

vi.mock('electron', async () => (await import('./electron-fake')).electronMock());
const { createAppRequestHandler, handleAppProtocol, registerAppScheme } =
  await import('../../../electron/main/protocol');
const { CONTENT_SECURITY_POLICY } = await import('../../../electron/main/csp');

// A built renderer folder, with a secret next to it that must never be served.
const base = mkdtempSync(path.join(tmpdir(), 'fw-protocol-'));
const root = path.join(base, 'renderer');
mkdirSync(path.join(root, 'assets'), { recursive: true });
writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>Fieldwork</title>');
writeFileSync(path.join(root, 'assets', 'index-abc.js'), 'console.log(1)');
writeFileSync(path.join(root, 'assets', 'start-BwjL8Kix.js'), 'console.log(2)');
writeFileSync(path.join(base, 'secret.txt'), 'TOP SECRET');
afterAll(() => rmSync(base, { recursive: true, force: true }));

const serve = createAppRequestHandler(root);
const get = (url: string, method = 'GET') => serve(new Request(url, { method }));

describe('app:// request handler', () => {
  it('serves the index with its content type and the CSP header', async () => {
    const res = await get('app://fieldwork/index.html');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await res.text()).toContain('<title>Fieldwork</title>');
  });

  it('serves assets, ignoring query and hash', async () => {
    const res = await get('app://fieldwork/assets/index-abc.js?v=1#x');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await res.text()).toBe('console.log(1)');
  });

  it('lets the hashed chunks be kept for good, and asks again for the page and anything unhashed', async () => {
    expect((await get('app://fieldwork/assets/start-BwjL8Kix.js')).headers.get('cache-control')).toBe(
      'public, max-age=31536000, immutable',
    );
    for (const url of ['app://fieldwork/', 'app://fieldwork/index.html', 'app://fieldwork/assets/index-abc.js'])
      expect((await get(url)).headers.get('cache-control'), url).toBe('no-cache');
  });

  it('answers HEAD without a body', async () => {
    const res = await get('app://fieldwork/index.html', 'HEAD');
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('');
  });

  it.each([
    'app://fieldwork/../secret.txt',
    'app://fieldwork/%2e%2e/secret.txt',
    'app://fieldwork/assets/..%2f..%2fsecret.txt',
    'app://fieldwork/assets/%2e%2e%5c%2e%2e%5csecret.txt',
    'app://fieldwork/missing.js',
    'app://fieldwork/assets',
    'app://other/index.html',
    'app://fieldwork.evil/index.html',
  ])('answers 404 with the CSP for %s, never the secret', async (url) => {
    const res = await get(url);
    expect(res.status).toBe(404);
    expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(await res.text()).not.toContain('SECRET');
  });

  it('refuses methods other than GET and HEAD', async () => {
    expect((await get('app://fieldwork/index.html', 'POST')).status).toBe(405);
  });
});

describe('app:// registration', () => {
  beforeEach(resetFake);

  it('registers app as a standard, secure scheme with a code cache', () => {
    registerAppScheme();
    expect(fake.protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      {
        scheme: 'app',
        privileges: expect.objectContaining({ standard: true, secure: true, codeCache: true }) as object,
      },
    ]);
  });

  it('installs a handler for app that serves the given root', async () => {
    handleAppProtocol(root);
    const handler = fake.protocol.handlers.get('app');
    expect(handler).toBeDefined();
    const res = await handler!(new Request('app://fieldwork/'));
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('Fieldwork');
  });
});
