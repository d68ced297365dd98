import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fail, ok } from '#shared/api/result';
import { createOpenEvidence } from '../../../electron/main/open-evidence';

const root = mkdtempSync(path.join(tmpdir(), 'fw-open-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const sha = 'ab'.repeat(32);
const blob = path.join(root, 'blob');
writeFileSync(blob, 'evidence bytes');
const PDF = 'application/pdf';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const EXE = 'application/x-msdownload';
const ID = '01890000-0000-7000-8000-000000000001';

const evidence = (originalName: string, mediaType: string) => ({
  id: ID,
  auditId: '01890000-0000-7000-8000-000000000002',
  sha256: sha,
  originalName,
  mediaType,
  size: 14,
  capturedAt: null,
  addedBy: '',
  description: '',
  hasThumbnail: false,
  links: [],
  createdAt: 'x',
  updatedAt: 'x',
});

let n = 0;
function setup(
  name: string,
  mediaType: string,
  opts: { openResult?: string; blobPath?: () => string; platform?: NodeJS.Platform } = {},
) {
  const opened: string[] = [];
  const shown: string[] = [];
  const tempRoot = path.join(root, `open-${++n}`);
  const glue = createOpenEvidence({
    // The backend's answers: the attachment, and its stored bytes (from `blobPath`) offered and read.
    call: (op, input) => {
      const { id } = input as { id: string };
      if (id !== ID) return Promise.resolve(fail('not_found', 'No such attachment.'));
      if (op === 'evidence.get') return Promise.resolve(ok(evidence(name, mediaType)));
      if (op !== 'bytes.download') return Promise.resolve(fail('unknown_operation', 'Unknown operation.'));
      const file = opts.blobPath?.() ?? blob;
      if (!existsSync(file)) return Promise.resolve(fail('storage', 'The file is missing.'));
      return Promise.resolve(ok({ downloadId: 'ticket', size: statSync(file).size }));
    },
    bytes: (request) => {
      if (request.bytes !== 'read' || request.downloadId !== 'ticket') {
        return Promise.resolve(fail('not_found', 'No such download.'));
      }
      const bytes = readFileSync(opts.blobPath?.() ?? blob);
      const data = bytes.subarray(request.offset, request.offset + request.length);
      return Promise.resolve(ok({ size: bytes.length, data }));
    },
    tempRoot,
    openPath: (file) => {
      opened.push(file);
      return Promise.resolve(opts.openResult ?? '');
    },
    showItemInFolder: (file) => void shown.push(file),
    platform: opts.platform ?? 'linux',
  });
  return { ...glue, opened, shown, tempRoot };
}

const codeOf = (r: { ok: boolean; error?: { code: string } }) => (r.ok ? 'ok' : r.error!.code);
const filesUnder = (dir: string): string[] =>
  existsSync(dir) ? readdirSync(dir, { recursive: true, encoding: 'utf8' }).map((f) => path.join(dir, f)) : [];

describe('evidence.openExternal in the desktop app', () => {
  it('opens a read-only copy named like the attachment, inside its own folder', async () => {
    const t = setup('Minutes 2026.docx', DOCX);
    expect(await t.openExternal({ id: ID })).toEqual({ ok: true, value: {} });
    expect(t.opened).toHaveLength(1);
    const copy = t.opened[0]!;
    expect(path.basename(copy)).toBe('Minutes 2026.docx');
    expect(path.dirname(path.dirname(copy))).toBe(t.tempRoot);
    expect(readFileSync(copy, 'utf8')).toBe('evidence bytes');
    // Neither writable nor executable by anyone.
    expect(statSync(copy).mode & 0o333).toBe(0);
  });

  it('gives the copy the extension of the sniffed type, not the one of the name', async () => {
    const t = setup('photo.jpeg', 'image/png');
    expect(codeOf(await t.openExternal({ id: ID }))).toBe('ok');
    expect(path.basename(t.opened[0]!)).toBe('photo.png');
  });

  it.each([
    ['report.pdf.exe', PDF],
    ['report.pdf', EXE],
    ['invite.HTA', 'text/plain'],
    ['budget.docm', 'application/vnd.ms-word.document.macroenabled.12'],
    ['evil.exe.', PDF],
    ['evil.exe ', PDF],
  ])('refuses to open %s (sniffed %s) and writes no copy', async (name, type) => {
    const t = setup(name, type);
    expect(codeOf(await t.openExternal({ id: ID }))).toBe('forbidden');
    expect(t.opened).toEqual([]);
    expect(filesUnder(t.tempRoot)).toEqual([]);
  });

  it('keeps a hostile name inside the temporary folder', async () => {
    const t = setup('../../escape.txt', 'text/plain');
    expect(codeOf(await t.openExternal({ id: ID }))).toBe('ok');
    expect(path.dirname(path.dirname(t.opened[0]!))).toBe(t.tempRoot);
  });

  it('copies a file larger than one relayed piece, byte for byte', async () => {
    const big = path.join(root, 'big');
    const bytes = Buffer.alloc(9 * 1024 * 1024 + 5);
    for (let i = 0; i < bytes.length; i += 4096) bytes[i] = i % 251;
    writeFileSync(big, bytes);
    const t = setup('Scan.pdf', PDF, { blobPath: () => big });
    expect(codeOf(await t.openExternal({ id: ID }))).toBe('ok');
    expect(readFileSync(t.opened[0]!).equals(bytes)).toBe(true);
  });

  it('passes the backend’s refusal through and opens nothing', async () => {
    const t = setup('x.txt', 'text/plain');
    expect(codeOf(await t.openExternal({ id: '01890000-0000-7000-8000-00000000ffff' }))).toBe('not_found');
    expect(codeOf(await t.showInFolder({ id: '01890000-0000-7000-8000-00000000ffff' }))).toBe('not_found');
    expect(t.opened).toEqual([]);
    expect(t.shown).toEqual([]);
  });

  it('reports a missing file and an OS that cannot open it', async () => {
    const missing = setup('x.txt', 'text/plain', { blobPath: () => path.join(root, 'nope') });
    expect(codeOf(await missing.openExternal({ id: ID }))).toBe('storage');
    expect(codeOf(await missing.showInFolder({ id: ID }))).toBe('storage');
    expect(missing.opened).toEqual([]);
    expect(missing.shown).toEqual([]);
    const noApp = setup('x.pdf', PDF, { openResult: 'no application' });
    expect(codeOf(await noApp.openExternal({ id: ID }))).toBe('unavailable');
  });
});

describe('evidence.showInFolder in the desktop app', () => {
  it('shows a read-only, non-executable copy of a file it will not open, and opens nothing', async () => {
    const t = setup('report.pdf.exe', EXE);
    expect(await t.showInFolder({ id: ID })).toEqual({ ok: true, value: {} });
    expect(t.opened).toEqual([]);
    expect(t.shown).toHaveLength(1);
    const copy = t.shown[0]!;
    expect(path.basename(copy)).toBe('report.pdf.exe');
    expect(path.dirname(path.dirname(copy))).toBe(t.tempRoot);
    expect(readFileSync(copy, 'utf8')).toBe('evidence bytes');
    expect(statSync(copy).mode & 0o333).toBe(0);
  });

  it('drops the trailing dots and spaces Windows would drop anyway', async () => {
    const t = setup('evil.exe. ', EXE);
    expect(codeOf(await t.showInFolder({ id: ID }))).toBe('ok');
    expect(path.basename(t.shown[0]!)).toBe('evil.exe');
  });
});

describe('the Mark of the Web (Windows)', () => {
  // NTFS is not here: on Linux the alternate data stream's path is an ordinary file name, which shows what was written.
  it.each(['openExternal', 'showInFolder'] as const)(
    '%s marks the copy as downloaded from the internet',
    async (how) => {
      const t = setup('Minutes.pdf', PDF, { platform: 'win32' });
      expect(codeOf(await t[how]({ id: ID }))).toBe('ok');
      const copy = (how === 'openExternal' ? t.opened : t.shown)[0]!;
      expect(readFileSync(`${copy}:Zone.Identifier`, 'utf8')).toBe('[ZoneTransfer]\r\nZoneId=3\r\n');
    },
  );

  it('writes no stream elsewhere', async () => {
    const t = setup('Minutes.pdf', PDF, { platform: 'darwin' });
    expect(codeOf(await t.openExternal({ id: ID }))).toBe('ok');
    expect(filesUnder(t.tempRoot).filter((f) => f.endsWith(':Zone.Identifier'))).toEqual([]);
  });
});
