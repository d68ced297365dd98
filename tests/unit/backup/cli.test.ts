import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBackend } from '#core/backend';
import { dumpDatabase, sampleAudit, sampleClient, value } from '../../helpers/backend';
import { CLI, REPO_ROOT } from '../../helpers/serve';

/** `fieldwork backup` and `fieldwork restore`, the built CLI on real data folders. */
const run = (args: string[]) => {
  const r = spawnSync(process.execPath, [CLI, ...args], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    env: { ...process.env, FIELDWORK_DATA_DIR: '' },
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
};

const dump = (dataDir: string) => {
  const db = new Database(join(dataDir, 'fieldwork.sqlite'), { readonly: true });
  try {
    const all = dumpDatabase(db);
    delete all.evidence_gc;
    return all;
  } finally {
    db.close();
  }
};

describe('fieldwork backup / restore', { timeout: 120_000 }, () => {
  let root: string;
  let dataDir: string;

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'fieldwork-cli-backup-'));
    dataDir = join(root, 'data');
    const backend = openBackend({ dataDir, appVersion: 'test' });
    try {
      const client = value(await backend.call('clients.create', { ...sampleClient(), name: 'Restore Me GmbH' }));
      value(await backend.call('audits.create', sampleAudit(client.id)));
    } finally {
      backend.close();
    }
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('backs up to --out and restores into a new folder the same rows', () => {
    const out = join(root, 'copy.fwbackup');
    const made = run(['backup', '--data-dir', dataDir, '--out', out]);
    expect(made.err).toBe('');
    expect(made.code).toBe(0);
    expect(made.out).toMatch(/^Backed up to .*copy\.fwbackup .*1 clients, 1 audits/);
    expect(existsSync(out)).toBe(true);
    expect(readdirSync(join(dataDir, 'backups')).filter((n) => n.endsWith('.fwbackup'))).toHaveLength(1);

    const target = join(root, 'restored');
    const restored = run(['restore', out, '--data-dir', target]);
    expect(restored.err).toBe('');
    expect(restored.code).toBe(0);
    expect(restored.out).toContain(`into ${target}`);
    expect(dump(target)).toEqual(dump(dataDir));
    // The restored folder works as a data folder.
    const audits = run(['audits', '--data-dir', target, '--json']);
    expect(audits.code).toBe(0);
    expect((JSON.parse(audits.out) as { clientName: string }[])[0]!.clientName).toBe('Restore Me GmbH');
  });

  it('refuses a damaged backup file in one line, exit 1, creating nothing', () => {
    const out = join(root, 'copy.fwbackup');
    const bytes = readFileSync(out);
    const damaged = join(root, 'damaged.fwbackup');
    writeFileSync(damaged, bytes.subarray(0, Math.floor(bytes.length * 0.6)));
    const target = join(root, 'never');
    const r = run(['restore', damaged, '--data-dir', target]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^fieldwork: This backup cannot be used: .*Nothing was restored\.\n$/);
    expect(existsSync(target)).toBe(false);
    expect(readdirSync(root).filter((n) => n.startsWith('.'))).toEqual([]);
  });

  it('refuses to restore over a folder that holds anything', () => {
    const r = run(['restore', join(root, 'copy.fwbackup'), '--data-dir', dataDir]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/already exists and is not empty/);
  });

  it('names the newest backup when the database is damaged', () => {
    // A copy of the data folder, with its backups/, whose database then takes garbage.
    const broken = join(root, 'broken');
    cpSync(dataDir, broken, { recursive: true });
    const file = join(broken, 'fieldwork.sqlite');
    const db = readFileSync(file);
    const pageSize = db.readUInt16BE(16);
    for (let i = pageSize; i < db.length; i++) db[i] = (i * 31) & 0xff;
    writeFileSync(file, db);
    const r = run(['audits', '--data-dir', broken]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^fieldwork: The database in this data folder is not a Fieldwork database or is damaged/);
    const newest = readdirSync(join(broken, 'backups')).find((n) => n.endsWith('.fwbackup'))!;
    expect(r.err).toContain(join(broken, 'backups', newest));
    expect(r.err).toContain('fieldwork restore');
  });
});
