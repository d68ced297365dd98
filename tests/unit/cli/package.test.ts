import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBackend, type Backend } from '#core/backend';
import { dumpDatabase, sampleAudit, sampleClient, value } from '../../helpers/backend';
import { CLI, REPO_ROOT } from '../../helpers/serve';

/**
 * `fieldwork package export|import` and `fieldwork conflicts`, the real CLI on
 * real data folders: the lead sends an audit out, a member imports it, both
 * edit (one field on both sides), the member returns, the lead merges.
 */
const PASSPHRASE = 'team-passphrase';

const run = (args: string[], env: Record<string, string> = {}) => {
  const r = spawnSync(process.execPath, [CLI, ...args], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    env: { ...process.env, FIELDWORK_DATA_DIR: '', FIELDWORK_PASSPHRASE_FILE: '', ...env },
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
};

const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

const dump = (dataDir: string) => {
  const db = new Database(join(dataDir, 'fieldwork.sqlite'), { readonly: true });
  try {
    return dumpDatabase(db);
  } finally {
    db.close();
  }
};

/** Opens a data folder in this process for set-up and edits, closed before the CLI runs on it. */
async function withBackend<T>(dataDir: string, fn: (b: Backend) => Promise<T>): Promise<T> {
  const backend = openBackend({ dataDir, appVersion: 'test' });
  try {
    return await fn(backend);
  } finally {
    backend.close();
  }
}

const identity = (b: Backend, name: string) =>
  b
    .call('signing.create', {
      name,
      keyAlgorithm: 'ecdsa-p256',
      protection: { kind: 'passphrase', passphrase: PASSPHRASE },
    })
    .then(value);

const dir = mkdtempSync(join(tmpdir(), 'fieldwork-package-cli-'));
const lead = join(dir, 'lead');
const member = join(dir, 'member');
const passFile = join(dir, 'pass.txt');
const sendFile = join(dir, 'send.fwpkg');
const returnFile = join(dir, 'return.fwpkg');
let auditId: string;
let leadFp: string;
let memberFp: string;
/** Checklist items: X edited on both sides, Y by the member only, Z to the same text on both sides. */
let items: { x: string; y: string; z: string; xLabel: string };

beforeAll(async () => {
  writeFileSync(passFile, `${PASSPHRASE}\n`);
  await withBackend(lead, async (b) => {
    leadFp = (await identity(b, 'Lena Lead')).fingerprint;
    const client = value(await b.call('clients.create', sampleClient()));
    auditId = value(await b.call('audits.create', sampleAudit(client.id, [client.sites[0]!.id]))).id;
    const list = value(await b.call('checklist.get', { auditId })).items;
    const [x, y, z] = [list[3]!, list[10]!, list[20]!];
    items = { x: x.id, y: y.id, z: z.id, xLabel: x.number };
  });
  await withBackend(member, async (b) => {
    memberFp = (await identity(b, 'Arno Auditor')).fingerprint;
  });
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// Each case spawns the real CLI (a second or more each on a busy 2-core machine).
describe('fieldwork package and conflicts', { timeout: 180_000 }, () => {
  it('explains itself in --help: signing, the unknown-signer confirmation, the exit codes', () => {
    const exp = run(['package', 'export', '--help']);
    expect(exp.code).toBe(0);
    expect(exp.out).toContain('Packages are always signed');
    expect(exp.out).toContain('--passphrase-file <file>');
    expect(exp.out).toMatch(/--force +replace FILE if it exists/);
    const imp = run(['package', 'import', '--help']);
    expect(imp.code).toBe(0);
    expect(imp.out).toContain('--accept-unknown-signer <sha256>');
    expect(imp.out).toContain('compare it with the sender (by phone), then confirm by\npassing that fingerprint');
    expect(imp.out).toMatch(/^ {2}4 {2}signed by a certificate not known here, and not accepted$/m);
    expect(imp.out).toContain('{"added":N,"changed":N,"conflicts":N,"alreadyImported":B}');
    const conf = run(['conflicts', '--help']);
    expect(conf.code).toBe(0);
    expect(conf.out).toContain('--audit <id>');
    expect(conf.out).toContain('Exit 0, also when there are none; 1 when the audit is not found; 2 usage error.');
    expect(run(['conflicts']).code).toBe(2);
    // Usage errors exit 2 (a refused package exits 1).
    expect(run(['package', 'import']).code).toBe(2);
    expect(run(['package', 'export', '--out', sendFile]).code).toBe(2);
  });

  it('the lead exports a signed send-out package; it refuses to overwrite it without --force', () => {
    const noPass = run(['package', 'export', '--audit', auditId, '--out', sendFile, '--data-dir', lead]);
    expect(noPass.code).toBe(2);
    expect(noPass.err).toContain('Packages are always signed: give --passphrase-file');
    expect(existsSync(sendFile)).toBe(false);

    const wrong = join(dir, 'wrong.txt');
    writeFileSync(wrong, 'not the passphrase\n');
    const bad = run(['package', 'export', '--audit', auditId, '--out', sendFile, '--data-dir', lead], {
      FIELDWORK_PASSPHRASE_FILE: wrong,
    });
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/passphrase/i);
    expect(bad.err).toContain('Nothing was written.');
    expect(readdirSync(dir).filter((f) => f.includes('send.fwpkg'))).toEqual([]);

    // The passphrase file from the environment, as scripts would set it.
    const r = run(['package', 'export', '--audit', auditId, '--out', sendFile, '--data-dir', lead], {
      FIELDWORK_PASSPHRASE_FILE: passFile,
    });
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const m =
      /^Wrote (.+) \(\d[\d,]* KB, SHA-256 ([0-9a-f]{64})\)\.\nSend-out package [0-9a-f-]{36}, signed by Lena Lead: /.exec(
        r.out,
      );
    expect(m, r.out).not.toBeNull();
    expect(m![1]).toBe(sendFile);
    expect(m![2]).toBe(sha256(sendFile));

    const before = sha256(sendFile);
    const again = run([
      'package',
      'export',
      '--audit',
      auditId,
      '--out',
      sendFile,
      '--passphrase-file',
      passFile,
      '--data-dir',
      lead,
    ]);
    expect(again.code).toBe(1);
    expect(again.err).toContain(`${sendFile} exists; nothing was written. Run again with --force to replace it.`);
    expect(sha256(sendFile)).toBe(before);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('the member is asked to confirm the unknown lead by fingerprint (exit 4, nothing changed), then imports', async () => {
    const before = dump(member);
    const refused = run(['package', 'import', sendFile, '--data-dir', member]);
    expect(refused.code).toBe(4);
    expect(refused.out).toBe('');
    expect(refused.err).toContain(`SHA-256 ${leadFp}`);
    expect(refused.err).toContain(`--accept-unknown-signer ${leadFp}`);
    expect(dump(member)).toEqual(before);

    const notHex = run(['package', 'import', sendFile, '--accept-unknown-signer', 'yes', '--data-dir', member]);
    expect(notHex.code).toBe(2);
    expect(notHex.err).toContain("--accept-unknown-signer needs the certificate's SHA-256 fingerprint");

    // Colons optional, any case: what a person types after comparing on the phone.
    const typed = leadFp.replace(/:/g, '').toLowerCase();
    const ok = run(['package', 'import', sendFile, '--accept-unknown-signer', typed, '--data-dir', member]);
    expect(ok.err).toBe('');
    expect(ok.code).toBe(0);
    expect(ok.out).toMatch(/^Imported .*send\.fwpkg: [\d,]+ records? added, /);
    const audits = await withBackend(member, async (b) => value(await b.call('audits.list', {})));
    expect(audits.map((a: { id: string }) => a.id)).toContain(auditId);
  });

  it('the member returns its edits; the lead previews (nothing changed), imports, and a second import changes nothing', async () => {
    // The lead edits first, the member later: the member's value of X is the later clock, so it shows.
    await withBackend(lead, async (b) => {
      value(await b.call('checklist.updateItem', { id: items.x, patch: { notes: 'Lead: policy v1 seen' } }));
      value(await b.call('checklist.updateItem', { id: items.z, patch: { notes: 'Same words on both laptops' } }));
    });
    await withBackend(member, async (b) => {
      value(await b.call('checklist.updateItem', { id: items.x, patch: { notes: 'Arno: policy v2 seen' } }));
      value(await b.call('checklist.updateItem', { id: items.y, patch: { result: 'conforming', notes: 'Sampled 5' } }));
      value(await b.call('checklist.updateItem', { id: items.z, patch: { notes: 'Same words on both laptops' } }));
      for (const name of ['Ines Ops', 'Bo Backup']) {
        value(
          await b.call('interviews.create', {
            auditId,
            interview: { intervieweeName: name, heldAt: '2026-03-03T10:00', notes: 'Backups and restores' },
          }),
        );
      }
      value(
        await b.call('observations.create', {
          auditId,
          observation: { observedAt: '2026-03-03T11:00', description: 'Server room locked, visitor log kept' },
        }),
      );
    });
    const exported = run([
      'package',
      'export',
      '--audit',
      auditId,
      '--out',
      returnFile,
      '--passphrase-file',
      passFile,
      '--data-dir',
      member,
    ]);
    expect(exported.err).toBe('');
    expect(exported.code).toBe(0);
    expect(exported.out).toMatch(/\nReturn package [0-9a-f-]{36}, signed by Arno Auditor: /);

    // Worked out by hand: 2 interviews + 1 observation are new here; X changes (both sides edited it, the
    // member's later value shows) and so does Y (member only); X's notes are the one conflict. Z has the same
    // text on both sides: no conflict, and it counts as changed only because the merge rules count a row whose
    // shown state changed (shared/rules/merge/types.ts), and the shown value now carries the member's clock and
    // name — the words are the same. So 3 changed, not the 2 a reader might expect.
    const expected = '{"added":3,"changed":3,"conflicts":1,"alreadyImported":false}\n';
    const before = dump(lead);
    const unknown = run(['package', 'import', returnFile, '--json', '--data-dir', lead]);
    expect(unknown.code).toBe(4);
    expect(unknown.out).toBe('');
    expect(unknown.err).toContain(`--accept-unknown-signer ${memberFp}`);
    const other = run(['package', 'import', returnFile, '--accept-unknown-signer', leadFp, '--data-dir', lead]);
    expect(other.code).toBe(4);
    expect(other.err).toContain(`with the certificate ${memberFp}, not the ${leadFp} you accepted`);
    expect(dump(lead)).toEqual(before);

    // A dry run says what would happen, and still that the signer must be confirmed (exit 4).
    const dryUnknown = run(['package', 'import', returnFile, '--dry-run', '--json', '--data-dir', lead]);
    expect(dryUnknown.code).toBe(4);
    expect(dryUnknown.out).toBe(expected);
    expect(dryUnknown.err).toContain(`--accept-unknown-signer ${memberFp}`);
    const dry = run([
      'package',
      'import',
      returnFile,
      '--dry-run',
      '--json',
      '--accept-unknown-signer',
      memberFp,
      '--data-dir',
      lead,
    ]);
    expect(dry.err).toBe('');
    expect(dry.code).toBe(0);
    expect(dry.out).toBe(expected);
    const human = run([
      'package',
      'import',
      returnFile,
      '--dry-run',
      '--accept-unknown-signer',
      memberFp,
      '--data-dir',
      lead,
    ]);
    expect(human.code).toBe(0);
    expect(human.out).toMatch(/^From: +Arno Auditor \(device [0-9a-f-]{36}\), 0 evidence files$/m);
    expect(human.out).toMatch(/NOT KNOWN here/);
    expect(human.out).toMatch(
      /^Dry run: +would give 3 records added, 3 records changed, 1 conflict\. Nothing was changed\.$/m,
    );
    expect(human.out).toMatch(/^ {2}checklist +0 +3 +1$/m);
    expect(human.out).toMatch(/^ {2}interviews +2 +0 +0$/m);
    expect(human.out).toMatch(/^ {2}observations +1 +0 +0$/m);
    expect(dump(lead)).toEqual(before);

    const imported = run([
      'package',
      'import',
      returnFile,
      '--json',
      '--accept-unknown-signer',
      memberFp,
      '--data-dir',
      lead,
    ]);
    expect(imported.err).toBe('');
    expect(imported.code).toBe(0);
    expect(imported.out).toBe(expected);
    const shown = await withBackend(lead, async (b) => value(await b.call('checklist.get', { auditId })).items);
    expect(shown.find((i) => i.id === items.x)?.notes).toBe('Arno: policy v2 seen');
    expect(shown.find((i) => i.id === items.y)?.result).toBe('conforming');

    // Accepted once, the member's certificate is known: no flag needed now.
    const twice = run(['package', 'import', returnFile, '--json', '--data-dir', lead]);
    expect(twice.err).toBe('');
    expect(twice.code).toBe(0);
    expect(twice.out).toBe('{"added":0,"changed":0,"conflicts":0,"alreadyImported":true}\n');
  });

  it('lists the open conflict with both values and their authors; --json prints the array', () => {
    const r = run(['conflicts', '--audit', auditId, '--data-dir', lead]);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^1 open conflict; /);
    expect(r.out).toContain(`${items.xLabel}`);
    expect(r.out).toMatch(/ — notes\n/);
    expect(r.out).toMatch(/^ {6}"Lead: policy v1 seen" — .+$/m);
    expect(r.out).toMatch(/^ {4}▸ "Arno: policy v2 seen" — .+ \(shown\)$/m);

    const json = run(['conflicts', '--audit', auditId, '--json', '--data-dir', lead]);
    expect(json.code).toBe(0);
    const list = JSON.parse(json.out) as { rowId: string; field: string; candidates: { value: unknown }[] }[];
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ table: 'checklist_items', rowId: items.x, field: 'notes', kind: 'checklist' });
    expect(list[0]!.candidates.map((c) => c.value)).toEqual(['Lead: policy v1 seen', 'Arno: policy v2 seen']);

    const none = run(['conflicts', '--audit', auditId, '--data-dir', member]);
    expect(none.code).toBe(0);
    expect(none.out).toBe('No open conflicts in this audit.\n');
    expect(run(['conflicts', '--audit', auditId, '--json', '--data-dir', member]).out).toBe('[]\n');
    const gone = run(['conflicts', '--audit', '01900000-0000-7000-8000-000000000000', '--data-dir', lead]);
    expect(gone.code).toBe(1);
    expect(gone.err).toBe('fieldwork: This audit does not exist (it may have been deleted).\n');
  });

  it('refuses hostile files (not a ZIP, a truncated package) with their message, exit 1, changing nothing', () => {
    const before = dump(lead);
    const notZip = join(dir, 'notes.fwpkg');
    writeFileSync(notZip, 'These are my notes, not a package.\n');
    const r1 = run(['package', 'import', notZip, '--data-dir', lead]);
    expect(r1.code).toBe(1);
    expect(r1.out).toBe('');
    expect(r1.err).toBe(
      'fieldwork: This file is not a Fieldwork team package (it is not a ZIP file). Nothing was imported.\n',
    );

    const cut = join(dir, 'cut.fwpkg');
    const bytes = readFileSync(returnFile);
    writeFileSync(cut, bytes.subarray(0, Math.floor(bytes.length / 2)));
    const r2 = run(['package', 'import', cut, '--json', '--data-dir', lead]);
    expect(r2.code).toBe(1);
    expect(r2.out).toBe('');
    expect(r2.err).toMatch(/^fieldwork: This team package is (incomplete|damaged)/);
    expect(dump(lead)).toEqual(before);

    const missing = run(['package', 'import', join(dir, 'nowhere.fwpkg'), '--data-dir', lead]);
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('there is no such file');
    const noFolder = run(['package', 'import', returnFile, '--data-dir', join(dir, 'typo')]);
    expect(noFolder.code).toBe(2);
    expect(existsSync(join(dir, 'typo'))).toBe(false);
  });
});
