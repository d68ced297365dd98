import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPreviewServer, type PreviewServer } from '#preview/server';
import { databaseDigest, sampleAudit, sampleClient, tempBackend, value } from '../../helpers/backend';

/**
 * `evidence.importPaths` names files on this computer: only the desktop app's
 * main process may send it. The preview host's page (any script in it) must
 * not make the backend read a file by path, with the token or without.
 */
describe('the preview host and main-only operations', () => {
  const t = tempBackend();
  const dir = mkdtempSync(join(tmpdir(), 'fieldwork-main-only-'));
  let server: PreviewServer;
  let input: Record<string, unknown>;

  beforeAll(async () => {
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Fieldwork</title>');
    writeFileSync(join(dir, 'secret.txt'), 'a file the page must not read');
    const client = value(await t.backend.call('clients.create', sampleClient()));
    const audit = value(await t.backend.call('audits.create', sampleAudit(client.id)));
    input = {
      importId: 'preview-1',
      auditId: audit.id,
      links: [{ type: 'audit', id: audit.id }],
      paths: [join(dir, 'secret.txt')],
    };
    server = await startPreviewServer({ backend: t.backend, staticDir: dir });
  });
  afterAll(async () => {
    await server.close();
    t.cleanup();
    rmSync(dir, { recursive: true, force: true });
  });

  it('refuses evidence.importPaths with the token (403, forbidden), reading and changing nothing', async () => {
    const before = databaseDigest(t.backend.db);
    const res = await fetch(`http://127.0.0.1:${server.port}/api/evidence.importPaths`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-fieldwork-token': server.token },
      body: JSON.stringify(input),
    });
    const body = (await res.json()) as { ok: boolean; error: { code: string; message: string } };
    expect(body).toMatchObject({
      ok: false,
      error: { code: 'forbidden', message: expect.stringMatching(/desktop app/) as string },
    });
    expect(res.status).toBe(403);
    expect(databaseDigest(t.backend.db)).toEqual(before);
    expect(value(await t.backend.call('evidence.list', { auditId: input.auditId as string }))).toEqual([]);
    // The same input through dispatch (what main's backend process runs) is a valid import: only the transport refused.
    const direct = value(await t.backend.dispatch('evidence.importPaths', input)) as { results: { ok: boolean }[] };
    expect(direct.results.map((r) => r.ok)).toEqual([true]);
  });

  it('still serves the import’s status and cancel, which name no path', async () => {
    const res = await fetch(`http://127.0.0.1:${server.port}/api/evidence.importStatus`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-fieldwork-token': server.token },
      body: JSON.stringify({ importId: 'preview-1' }),
    });
    expect(await res.json()).toEqual({ ok: true, value: null });
  });
});
