import { spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBackend } from '#core/backend';
import { importEvidenceFiles } from '#core/evidence/import';
import { sampleAudit, sampleClient, value } from '../../helpers/backend';
import { CLI, REPO_ROOT } from '../../helpers/serve';

/**
 * `fieldwork package export`'s choices, with the real CLI: which identity
 * signs (two here, so one must be named), --for, --no-evidence, --full and
 * --force.
 */
const PASSPHRASE = 'team-passphrase';
const dir = mkdtempSync(join(tmpdir(), 'fieldwork-package-export-'));
const lead = join(dir, 'lead');
const passFile = join(dir, 'pass.txt');
const out = join(dir, 'send.fwpkg');
let auditId: string;
let backupKeyId: string;

const run = (...args: string[]) => {
  const r = spawnSync(process.execPath, [CLI, ...args], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    env: { ...process.env, FIELDWORK_DATA_DIR: '', FIELDWORK_PASSPHRASE_FILE: '' },
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
};
const exportArgs = (...more: string[]) => [
  'package',
  'export',
  '--audit',
  auditId,
  '--out',
  out,
  '--passphrase-file',
  passFile,
  '--data-dir',
  lead,
  ...more,
];
const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

beforeAll(async () => {
  writeFileSync(passFile, `${PASSPHRASE}\n`);
  const b = openBackend({ dataDir: lead, appVersion: 'test' });
  try {
    for (const name of ['Lena Lead', 'Backup Key']) {
      const id = value(
        await b.call('signing.create', {
          name,
          keyAlgorithm: 'ecdsa-p256',
          protection: { kind: 'passphrase', passphrase: PASSPHRASE },
        }),
      );
      if (name === 'Backup Key') backupKeyId = id.id;
    }
    const client = value(await b.call('clients.create', sampleClient()));
    auditId = value(await b.call('audits.create', sampleAudit(client.id, [client.sites[0]!.id]))).id;
    const files = join(dir, 'photos');
    mkdirSync(files);
    writeFileSync(join(files, 'server-room.bin'), randomBytes(10_000));
    expect((await importEvidenceFiles(b, { auditId, paths: [files] })).added).toBe(1);
  } finally {
    b.close();
  }
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('fieldwork package export, its choices', { timeout: 180_000 }, () => {
  it('with two identities, one must be named; an unknown name or two different names are usage errors', () => {
    const none = run(...exportArgs());
    expect(none.code).toBe(2);
    expect(none.err).toMatch(/This data folder has 2 signing identities; choose one with --identity: .*\(Lena Lead\)/);
    const nobody = run(...exportArgs('--sign', 'Nobody'));
    expect(nobody.code).toBe(2);
    expect(nobody.err).toContain('No signing identity has the id or name Nobody.');
    const both = run(...exportArgs('--sign', 'Lena Lead', '--identity', backupKeyId));
    expect(both.code).toBe(2);
    expect(both.err).toContain('--sign and --identity name different identities');
  });

  it('--sign NAME (any case) signs; --for names the member, --no-evidence leaves the files out', () => {
    const r = run(...exportArgs('--sign', 'lena lead', '--for', 'Arno Auditor', '--no-evidence'));
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(
      /\nSend-out package [0-9a-f-]{36}, signed by Lena Lead: [\d,]+ changes, 0 deletions, 0 evidence files\.\n$/,
    );
    const status = run('call', 'team.status', JSON.stringify({ auditId }), '--data-dir', lead);
    const sent = (JSON.parse(status.out) as { value: { exchanges: { peerName: string; signerName: string }[] } }).value
      .exchanges;
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ peerName: 'Arno Auditor', signerName: 'Lena Lead' });
  });

  it('--identity ID with --full and --force replaces the file, evidence included', () => {
    const before = sha256(out);
    const r = run(...exportArgs('--identity', backupKeyId, '--full', '--force'));
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/, signed by Backup Key: [\d,]+ changes, 0 deletions, 1 evidence file\.\n$/);
    expect(sha256(out)).not.toBe(before);
    expect(r.out).toContain(`SHA-256 ${sha256(out)}`);
  });
});
