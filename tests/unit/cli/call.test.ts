import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dumpDatabase, tempBackend } from '../../helpers/backend';
import { CLI, REPO_ROOT } from '../../helpers/serve';

const run = (args: string[], input?: string) => {
  const r = spawnSync(process.execPath, [CLI, ...args], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    input,
    env: { ...process.env, FIELDWORK_DATA_DIR: '' },
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
};

let dataDir: string;
let cleanup: () => void;
beforeAll(() => {
  const t = tempBackend();
  t.backend.close();
  dataDir = t.dataDir;
  cleanup = () => rmSync(dataDir, { recursive: true, force: true });
});
afterAll(() => cleanup());

const dump = () => {
  const db = new Database(join(dataDir, 'fieldwork.sqlite'), { readonly: true });
  try {
    return dumpDatabase(db);
  } finally {
    db.close();
  }
};

// Each case spawns the real CLI (about a second or more on a busy machine).
describe('fieldwork call', { timeout: 120_000 }, () => {
  it('runs an operation with JSON from stdin, then a read sees what it wrote', () => {
    const created = run(['call', 'clients.create', '-', '--data-dir', dataDir], '{"name":"Scripted Ltd"}');
    expect(created.code, created.err).toBe(0);
    const envelope = JSON.parse(created.out) as { ok: boolean; value: { id: string; name: string } };
    expect(envelope.ok).toBe(true);
    expect(envelope.value.name).toBe('Scripted Ltd');

    const got = run(['call', 'clients.get', JSON.stringify({ id: envelope.value.id }), '--data-dir', dataDir]);
    expect(got.code, got.err).toBe(0);
    expect(JSON.parse(got.out)).toMatchObject({ ok: true, value: { id: envelope.value.id, name: 'Scripted Ltd' } });
  });

  it('prints the error envelope and exits 1 for refused input, changing nothing', () => {
    const before = dump();
    const extra = run(['call', 'clients.create', '{"name":"X","admin":true}', '--data-dir', dataDir]);
    expect(extra.code).toBe(1);
    expect(JSON.parse(extra.out)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(extra.err).toContain('clients.create answered an error (invalid_input)');

    const unknown = run(['call', 'clients.drop', '--data-dir', dataDir]);
    expect(unknown.code).toBe(1);
    expect(JSON.parse(unknown.out)).toEqual({
      ok: false,
      error: { code: 'unknown_operation', message: 'Unknown operation.' },
    });
    expect(dump()).toEqual(before);
  });

  it('refuses input that is not JSON, and a missing data folder, with exit 2 and creating nothing', () => {
    const notJson = run(['call', 'clients.create', '{name: X}', '--data-dir', dataDir]);
    expect(notJson.code).toBe(2);
    expect(notJson.out).toBe('');
    expect(notJson.err).toContain('the input is not valid JSON');

    const parent = mkdtempSync(join(tmpdir(), 'fieldwork-call-'));
    try {
      const missing = join(parent, 'typo');
      const r = run(['call', 'clients.list', '--data-dir', missing]);
      expect(r.code).toBe(2);
      expect(r.err).toContain('There is no data folder at');
      expect(existsSync(missing)).toBe(false);
    } finally {
      rmSync(parent, { recursive: true, force: true });
    }
  });
});
