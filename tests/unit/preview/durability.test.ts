import { mkdtempSync, openSync, readSync, closeSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { DATABASE_FILE, openBackend } from '#core/backend';
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

/** Bytes 18 and 19 of a SQLite file's header: both 2 when the database is in WAL mode. */
function headerSaysWal(file: string): boolean {
  const header = Buffer.alloc(20);
  const fd = openSync(file, 'r');
  try {
    readSync(fd, header, 0, 20, 0);
  } finally {
    closeSync(fd);
  }
  return header[18] === 2 && header[19] === 2;
}

it(
  'a write acknowledged to the UI survives SIGKILL of the backend immediately afterwards',
  { timeout: 60_000 },
  async () => {
    dir = mkdtempSync(join(tmpdir(), 'fieldwork-kill-'));
    const file = join(dir, DATABASE_FILE);
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
    const proc = served.proc;
    proc.kill('SIGKILL');
    await stop(proc, 'SIGKILL');
    served = undefined;
    expect(proc.signalCode).toBe('SIGKILL');
    // It really died uncleanly: a clean close would have checkpointed and removed the WAL.
    // The acknowledged writes are in the WAL alone, which the next open must recover.
    expect(headerSaysWal(file)).toBe(true);
    expect(statSync(`${file}-wal`).size).toBeGreaterThan(0);

    const reopened = openBackend({ dataDir: dir });
    try {
      const got = value(await reopened.call('audits.get', { id: audit.value!.id }));
      expect(got.clientName).toBe('Acme Ltd');
      expect(got.team).toHaveLength(2);
      expect(got.siteIds).toHaveLength(2);
      expect(reopened.db.pragma('integrity_check', { simple: true })).toBe('ok');
      // A process crash cannot tell synchronous=FULL from OFF (the OS still holds the bytes);
      // a power cut can. So the settings the backend opens every connection with are asserted:
      // FULL syncs the WAL at each commit, which is what makes an acknowledged write survive power loss.
      expect({
        journal_mode: reopened.db.pragma('journal_mode', { simple: true }),
        synchronous: reopened.db.pragma('synchronous', { simple: true }),
        foreign_keys: reopened.db.pragma('foreign_keys', { simple: true }),
        secure_delete: reopened.db.pragma('secure_delete', { simple: true }),
        busy_timeout: reopened.db.pragma('busy_timeout', { simple: true }),
      }).toEqual({ journal_mode: 'wal', synchronous: 2, foreign_keys: 1, secure_delete: 1, busy_timeout: 5000 });
    } finally {
      reopened.close();
    }
  },
);
