import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { openBackend } from '#core/backend';
import { sampleAudit, sampleClient, value } from '../../helpers/backend';
import { startServe, stop, type Served } from '../../helpers/serve';

let dir: string;
let served: Served | undefined;
afterEach(async () => {
  if (served) await stop(served.proc, 'SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

const api = async (s: Served, op: string, input: unknown) => {
  const res = await fetch(`${s.origin}/api/${op}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Fieldwork-Token': s.token },
    body: JSON.stringify(input),
  });
  return (await res.json()) as { ok: boolean; value?: { id: string; sites: { id: string }[] } };
};

it(
  'a write acknowledged to the UI survives SIGKILL of the backend immediately afterwards',
  { timeout: 30_000 },
  async () => {
    dir = mkdtempSync(join(tmpdir(), 'fieldwork-kill-'));
    served = await startServe(dir);
    const client = await api(served, 'clients.create', sampleClient());
    expect(client.ok).toBe(true);
    const audit = await api(
      served,
      'audits.create',
      sampleAudit(
        client.value!.id,
        client.value!.sites.map((x) => x.id),
      ),
    );
    expect(audit.ok).toBe(true);
    // No graceful shutdown: the process dies the instant the acknowledgement arrived.
    served.proc.kill('SIGKILL');
    await stop(served.proc, 'SIGKILL');
    served = undefined;

    const reopened = openBackend({ dataDir: dir });
    try {
      const got = value(await reopened.call('audits.get', { id: audit.value!.id }));
      expect(got.clientName).toBe('Acme Ltd');
      expect(got.team).toHaveLength(2);
      expect(got.siteIds).toHaveLength(2);
      expect(reopened.db.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      reopened.close();
    }
  },
);
