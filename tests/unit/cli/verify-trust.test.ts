import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBackend } from '#core/backend';
import { value } from '../../helpers/backend';
import { CLI, REPO_ROOT } from '../../helpers/serve';
import { strangerSignedDocx, type Stranger } from '../signing/stranger';

const run = (...args: string[]) => {
  const r = spawnSync(process.execPath, [CLI, ...args], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    env: { ...process.env, FIELDWORK_DATA_DIR: '' },
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
};

const PASS = { kind: 'passphrase', passphrase: 'long enough passphrase' } as const;

/**
 * A stranger's self-made certificate that says "Amelia Hartmann" signs a DOCX:
 * intact, but the signer is known only through a fingerprint someone vouched
 * for. Each case spawns the real CLI, hence the long timeout.
 */
describe('fieldwork verify: who signed', { timeout: 120_000 }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'fieldwork-verify-trust-'));
  const dataDir = join(dir, 'data');
  const docx = join(dir, 'stranger.docx');
  let stranger: Stranger;

  beforeAll(async () => {
    stranger = await strangerSignedDocx(dir);
    // A data folder whose own signing identity is also called Amelia Hartmann.
    const backend = openBackend({ dataDir, appVersion: 'test' });
    try {
      value(
        await backend.call('signing.create', { name: 'Amelia Hartmann', keyAlgorithm: 'ecdsa-p256', protection: PASS }),
      );
    } finally {
      backend.close();
    }
  }, 60_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('intact but unknown: exit 4, says so plainly and shows the fingerprint to compare', () => {
    for (const args of [[], ['--data-dir', dataDir]]) {
      const r = run('verify', docx, ...args);
      expect(r.code, args.join(' ')).toBe(4);
      expect(r.out).toContain(`Certificate: SHA-256 ${stranger.fingerprint}`);
      expect(r.out).toMatch(/Signed by: +Amelia Hartmann/);
      expect(r.out).toMatch(/INTACT, SIGNER UNKNOWN — the document is unchanged since it was signed,/);
      expect(r.out).toMatch(/Compare the fingerprint above with the signer by phone/);
      expect(r.out).toMatch(/^Signer: +NOT KNOWN/m);
      expect(r.out).not.toMatch(/VALID —/);
      expect(r.err).toBe('fieldwork: the document is intact, but the signer is not known\n');
    }
    // The same name in the data folder's own identity makes no difference.
    expect(run('verify', docx, '--data-dir', dataDir).out).toMatch(
      /^ +but by a certificate this data folder does not know\.$/m,
    );
  });

  it('--trust-fingerprint, with or without colons and in any case, makes it known (exit 0)', () => {
    const bare = stranger.fingerprint.replace(/:/g, '').toLowerCase();
    for (const fp of [stranger.fingerprint, bare, stranger.fingerprint.toLowerCase()]) {
      const r = run('verify', docx, '--trust-fingerprint', fp);
      expect(r.code, fp).toBe(0);
      expect(r.out).toMatch(/^Signer: +KNOWN — the fingerprint given with --trust-fingerprint$/m);
      expect(r.out).toMatch(/^Result: +VALID — every part of the document is exactly as signed$/m);
    }
    // Another fingerprint, even among several, does not vouch for this one.
    const other = `${'AB'.repeat(31)}CD`;
    expect(run('verify', docx, '--trust-fingerprint', other).code).toBe(4);
    expect(run('verify', docx, '--trust-fingerprint', other, '--trust-fingerprint', bare).code).toBe(0);
  });

  it('a malformed fingerprint is a usage error (exit 2), in one line', () => {
    for (const bad of ['AB:CD', `${'0'.repeat(63)}G`, `${'0'.repeat(66)}`, 'sha256']) {
      const r = run('verify', docx, '--trust-fingerprint', bad);
      expect(r.code, bad).toBe(2);
      expect(r.out).toBe('');
      expect(r.err).toMatch(/is not a SHA-256 fingerprint \(64 hex digits, colons optional\)\n$/);
      expect(r.err.trimEnd().split('\n')).toHaveLength(1);
    }
  });

  it('--trusted-certs reads .pem, .crt, .cer and .der files of a folder', () => {
    const pemDir = join(dir, 'certs-pem');
    const derDir = join(dir, 'certs-der');
    const otherDir = join(dir, 'certs-other');
    const junkDir = join(dir, 'certs-junk');
    for (const d of [pemDir, derDir, otherDir, junkDir]) mkdirSync(d);
    copyFileSync(stranger.pemFile, join(pemDir, 'amelia.crt'));
    copyFileSync(stranger.derFile, join(derDir, 'amelia.DER'));
    writeFileSync(join(otherDir, 'notes.txt'), readFileSync(stranger.pemFile)); // not a certificate file name
    writeFileSync(join(junkDir, 'broken.pem'), 'not a certificate');

    for (const d of [pemDir, derDir]) {
      const r = run('verify', docx, '--trusted-certs', d);
      expect(r.code, d).toBe(0);
      expect(r.out).toMatch(/^Signer: +KNOWN — the trusted certificate Amelia Hartmann \(amelia\.(crt|DER)\)$/m);
    }
    expect(run('verify', docx, '--trusted-certs', otherDir).code).toBe(4);
    const junk = run('verify', docx, '--trusted-certs', junkDir);
    expect(junk.code).toBe(2);
    expect(junk.err).toMatch(/broken\.pem: This file is not an X\.509 certificate/);
    const missing = run('verify', docx, '--trusted-certs', join(dir, 'no-such-folder'));
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/cannot read the folder .*no-such-folder \(--trusted-certs\)/);
  });

  it('a certificate imported as trusted into the data folder makes it known; removing it undoes that', async () => {
    const backend = openBackend({ dataDir, appVersion: 'test' });
    let id: string;
    try {
      const certificateBase64 = readFileSync(stranger.derFile).toString('base64');
      const seen = value(await backend.call('trust.inspect', { certificateBase64 }));
      expect(seen.fingerprint).toBe(stranger.fingerprint);
      id = value(
        await backend.call('trust.import', {
          certificateBase64,
          fingerprint: seen.fingerprint,
          name: 'Amelia (phone)',
        }),
      ).id;
    } finally {
      backend.close();
    }
    const known = run('verify', docx, '--data-dir', dataDir);
    expect(known.code).toBe(0);
    expect(known.out).toMatch(/^Signer: +KNOWN — the trusted certificate Amelia \(phone\)$/m);

    const again = openBackend({ dataDir, appVersion: 'test' });
    try {
      value(await again.call('trust.remove', { id }));
    } finally {
      again.close();
    }
    expect(run('verify', docx, '--data-dir', dataDir).code).toBe(4);
  });

  it('reading commands never create a data folder: a mistyped --data-dir is one clear line', () => {
    const typo = join(dir, 'dta');
    const empty = join(dir, 'empty');
    mkdirSync(empty);
    const out = join(dir, 'out.docx');
    const commands: [string[], number][] = [
      [['verify', docx, '--data-dir'], 2],
      [['audits', '--data-dir'], 1],
      [['export-report', '--audit', 'x', '--out', out, '--data-dir'], 1],
      [['export-nc-list', '--audit', 'x', '--format', 'csv', '--out', out, '--data-dir'], 1],
    ];
    for (const [args, code] of commands) {
      const r = run(...args, typo);
      expect(r.code, args[0]).toBe(code);
      expect(r.err).toBe(
        `fieldwork: There is no data folder at ${typo}; nothing was created. Check the --data-dir path.\n`,
      );
      expect(existsSync(typo), args[0]).toBe(false);

      const e = run(...args, empty);
      expect(e.code, args[0]).toBe(code);
      expect(e.err).toBe(
        `fieldwork: ${empty} is not a Fieldwork data folder (it has no fieldwork.sqlite); nothing was created.\n`,
      );
      expect(readdirSync(empty), args[0]).toEqual([]);
    }
    expect(existsSync(out)).toBe(false);
  });
});
