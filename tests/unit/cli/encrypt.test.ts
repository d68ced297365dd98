import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBackend } from '#core/backend';
import { sampleAudit, sampleClient, value } from '../../helpers/backend';
import { upload } from '../evidence/helpers';
import { CLI, REPO_ROOT } from '../../helpers/serve';

/** The built CLI (npm run build first) on a real data folder: encrypt, unlock, change the passphrase, back up, restore. */
const NAME = 'Grommelsby Tarquindale Assurance';
const NOTE = 'Plexiwhorl safe in the Brackenfold cellar';

const run = (args: string[], env: Record<string, string> = {}) => {
  const r = spawnSync(process.execPath, [CLI, ...args], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    env: { ...process.env, FIELDWORK_DATA_DIR: '', FIELDWORK_DATA_PASSPHRASE_FILE: '', ...env },
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
};

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? filesUnder(p) : [p];
  });
}
const leaks = (dir: string) =>
  filesUnder(dir).filter((f) => {
    const bytes = readFileSync(f);
    return bytes.includes(NAME) || bytes.includes(NOTE);
  });

describe('fieldwork encrypt / passphrase and the data passphrase file', { timeout: 300_000 }, () => {
  let root: string;
  let dataDir: string;
  const pass = (name: string, text: string) => {
    const f = join(root, name);
    writeFileSync(f, `${text}\n`);
    return f;
  };

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'fieldwork-cli-encrypt-'));
    dataDir = join(root, 'data');
    const backend = openBackend({ dataDir, appVersion: 'test' });
    try {
      const client = value(
        await backend.call('clients.create', { ...sampleClient(), name: NAME, address: NOTE, sites: [] }),
      );
      const audit = value(await backend.call('audits.create', sampleAudit(client.id)));
      // An evidence file holding the note: its bytes must not stay readable either.
      value(await upload(backend, audit.id, 'notes.txt', Buffer.from(`Interview notes: ${NOTE}\n`)));
    } finally {
      backend.close();
    }
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('encrypts the folder, which then opens only with its passphrase (option or environment)', () => {
    expect(leaks(dataDir).length).toBeGreaterThan(0);
    const first = pass('first', 'first long passphrase');
    expect(run(['encrypt', '--data-dir', dataDir]).err).toMatch(/Give the new passphrase/);
    const done = run(['encrypt', '--data-dir', dataDir, '--data-passphrase-file', first, '--progress']);
    expect(done.err).toMatch(/Done 100%/);
    expect(done.code).toBe(0);
    expect(done.out).toMatch(/is now encrypted/);
    expect(leaks(dataDir)).toEqual([]);

    const locked = run(['call', 'clients.list', '--data-dir', dataDir]);
    expect(locked.code).not.toBe(0);
    expect(locked.err).toMatch(/This data folder is encrypted: give its passphrase with --data-passphrase-file/);
    const wrong = run([
      'call',
      'clients.list',
      '--data-dir',
      dataDir,
      '--data-passphrase-file',
      pass('w', 'nope nope nope'),
    ]);
    expect(wrong.code).toBe(1);
    expect(wrong.err).toMatch(/not the passphrase of this data folder/);

    const byOption = run(['call', 'clients.list', '--data-dir', dataDir, '--data-passphrase-file', first]);
    expect(byOption.code).toBe(0);
    expect(byOption.out).toContain(NAME);
    const byEnv = run(['call', 'clients.list', '--data-dir', dataDir], { FIELDWORK_DATA_PASSPHRASE_FILE: first });
    expect(byEnv.out).toContain(NAME);
    expect(leaks(dataDir)).toEqual([]);
  });

  it('changes the passphrase; the old one is then refused', () => {
    const first = pass('first', 'first long passphrase');
    const second = pass('second', 'second long passphrase');
    const changed = run(['passphrase', '--data-dir', dataDir, '--new-passphrase-file', second], {
      FIELDWORK_DATA_PASSPHRASE_FILE: first,
    });
    expect(changed.err).toBe('');
    expect(changed.code).toBe(0);
    expect(run(['call', 'clients.list', '--data-dir', dataDir, '--data-passphrase-file', first]).code).toBe(1);
    expect(run(['call', 'clients.list', '--data-dir', dataDir, '--data-passphrase-file', second]).out).toContain(NAME);
  });

  it('backs up encrypted and restores with the passphrase only', () => {
    const second = pass('second', 'second long passphrase');
    const out = join(root, 'copy.fwbackup');
    const made = run(['backup', '--data-dir', dataDir, '--out', out, '--data-passphrase-file', second]);
    expect(made.err).toBe('');
    expect(made.code).toBe(0);
    expect(leaks(dataDir)).toEqual([]);
    const refused = run(['restore', out, '--data-dir', join(root, 'r1')]);
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(
      /The backup copy\.fwbackup is of an encrypted data folder[^]*--data-passphrase-file FILE/,
    );
    const restored = run(['restore', out, '--data-dir', join(root, 'r2'), '--data-passphrase-file', second]);
    expect(restored.err).toBe('');
    expect(restored.code).toBe(0);
    expect(leaks(join(root, 'r2'))).toEqual([]);
    const listed = run(['call', 'clients.list', '--data-dir', join(root, 'r2'), '--data-passphrase-file', second]);
    expect(listed.out).toContain(NAME);
  });
});
