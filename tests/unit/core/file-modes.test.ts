import { chmodSync, lstatSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { openBackend } from '#core/backend';
import { value } from '../../helpers/backend';
import { finishExport } from '../../helpers/export-jobs';
import { seedAudit, upload } from '../evidence/helpers';
import { finished } from '../backup/helpers';

/** Every entry under `dir` with its permission bits, e.g. ['evidence/blobs', 0o700]. */
function modes(dir: string): [string, number][] {
  const out: [string, number][] = [];
  const walk = (p: string) => {
    const st = lstatSync(p);
    out.push([relative(dir, p) || '.', st.mode & 0o777]);
    if (st.isDirectory()) for (const name of readdirSync(p)) walk(join(p, name));
  };
  walk(dir);
  return out;
}
const loose = (dir: string) =>
  modes(dir)
    .filter(([, m]) => (m & 0o077) !== 0)
    .map(([p, m]) => `${p} ${m.toString(8)}`);

const root = mkdtempSync(join(tmpdir(), 'fw-modes-'));
const dataDir = join(root, 'Fieldwork');
let umask: number;
beforeAll(() => {
  // The usual desktop umask: without explicit modes, files would be 0644 and folders 0755.
  umask = process.umask(0o022);
});
afterAll(() => {
  process.umask(umask);
  rmSync(root, { recursive: true, force: true });
});

describe('the data folder is private to its owner (POSIX modes)', () => {
  it('creates every file 0600 and every folder 0700 through a working session', async () => {
    const backend = openBackend({ appVersion: 'test', dataDir });
    try {
      const { auditId } = await seedAudit(backend);
      value(await backend.call('branding.update', { name: 'Example Certification Ltd' }));
      const png = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#c33' } })
        .png()
        .toBuffer();
      value(await upload(backend, auditId, 'photo.png', png));
      const passphrase = 'correct horse battery staple';
      const identityId = value(
        await backend.call('signing.create', {
          name: 'Lena Lead',
          validityDays: 365,
          keyAlgorithm: 'ecdsa-p256',
          protection: { kind: 'passphrase', passphrase },
        }),
      ).id;
      const draft = await finishExport(
        backend,
        value(await backend.call('exports.start', { auditId, kind: 'report' })),
      );
      expect(draft.state).toBe('done');
      const issued = await finishExport(
        backend,
        value(
          await backend.call('exports.start', {
            auditId,
            kind: 'report',
            issue: {
              identityId,
              unlock: { kind: 'passphrase', passphrase },
              by: 'Lena Lead',
              overrideReason: 'Test set-up: issued with the checklist incomplete',
            },
          }),
        ),
      );
      expect(issued.state, issued.error?.message).toBe('done');
      const backup = await finished(backend, value(await backend.call('backups.create', {})));
      expect(backup.state, backup.error?.message).toBe('done');
      const names = modes(dataDir).map(([p]) => p);
      // The journey reached every kind of entry the check is about.
      for (const p of ['fieldwork.sqlite', 'fieldwork.sqlite-wal', 'fieldwork.sqlite-shm', 'device-id', 'evidence']) {
        expect(names).toContain(p);
      }
      expect(names.some((p) => p.startsWith('evidence/blobs/'))).toBe(true);
      expect(names.some((p) => p.startsWith('evidence/thumbs/'))).toBe(true);
      expect(names.some((p) => p.startsWith('reports/'))).toBe(true);
      expect(names.some((p) => p.startsWith('exports/'))).toBe(true);
      expect(names.some((p) => p.startsWith('backups/'))).toBe(true);
      expect(loose(dataDir)).toEqual([]);
      for (const [p, m] of modes(dataDir)) {
        const dir = lstatSync(join(dataDir, p)).isDirectory();
        expect(`${p} ${m.toString(8)}`).toBe(`${p} ${(dir ? 0o700 : 0o600).toString(8)}`);
      }
      expect(value(await backend.call('app.info', {})).notices).toEqual([]);
    } finally {
      backend.close();
    }
  }, 120_000);

  it('tightens a folder an earlier version left readable, and says so', async () => {
    // As earlier versions left it: folders 0755, files 0644.
    for (const [p] of modes(dataDir)) {
      const full = join(dataDir, p);
      chmodSync(full, lstatSync(full).isDirectory() ? 0o755 : 0o644);
    }
    expect(loose(dataDir).length).toBeGreaterThan(5);
    // A file of the user's own in the folder is not Fieldwork's to change (the folder's mode protects it).
    writeFileSync(join(dataDir, 'my-template.json'), '{}', { mode: 0o644 });
    const said: string[] = [];
    const spy = vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => void said.push(args.join(' ')));
    const backend = openBackend({ appVersion: 'test', dataDir });
    try {
      spy.mockRestore();
      expect(loose(dataDir)).toEqual(['my-template.json 644']);
      expect(lstatSync(dataDir).mode & 0o777).toBe(0o700);
      const notices = value(await backend.call('app.info', {})).notices;
      expect(notices).toHaveLength(1);
      expect(notices[0]).toMatch(/other users/);
      expect(said.join('\n')).toMatch(/other users/);
      // The notice names no client data: no file names from the folder.
      expect(said.join('\n')).not.toContain(dataDir);
    } finally {
      spy.mockRestore();
      backend.close();
    }
  });
});
