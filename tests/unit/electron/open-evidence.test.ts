import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
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

const evidence = (originalName: string) => ({
  id: '01890000-0000-7000-8000-000000000001',
  auditId: '01890000-0000-7000-8000-000000000002',
  sha256: sha,
  originalName,
  mediaType: 'text/plain',
  size: 14,
  capturedAt: null,
  addedBy: '',
  description: '',
  hasThumbnail: false,
  links: [],
  createdAt: 'x',
  updatedAt: 'x',
});

function setup(name: string, openResult = '', blobPath = () => blob) {
  const opened: string[] = [];
  const open = createOpenEvidence({
    call: (op, input) =>
      Promise.resolve(
        op === 'evidence.get' && (input as { id: string }).id === evidence(name).id
          ? ok(evidence(name))
          : fail('not_found', 'No such attachment.'),
      ),
    blobPath,
    tempRoot: path.join(root, 'open'),
    openPath: (file) => {
      opened.push(file);
      return Promise.resolve(openResult);
    },
  });
  return { open, opened };
}

describe('evidence.openExternal in the desktop app', () => {
  it('opens a read-only copy named like the attachment, inside its own folder', async () => {
    const { open, opened } = setup('Minutes 2026.docx');
    expect(await open({ id: evidence('').id })).toEqual({ ok: true, value: {} });
    expect(opened).toHaveLength(1);
    const copy = opened[0]!;
    expect(path.basename(copy)).toBe('Minutes 2026.docx');
    expect(copy.startsWith(path.join(root, 'open') + path.sep)).toBe(true);
    expect(readFileSync(copy, 'utf8')).toBe('evidence bytes');
    expect(statSync(copy).mode & 0o222).toBe(0);
  });

  it('keeps a hostile name inside the temporary folder', async () => {
    const { open, opened } = setup('../../escape.txt');
    expect((await open({ id: evidence('').id })).ok).toBe(true);
    expect(path.dirname(path.dirname(opened[0]!))).toBe(path.join(root, 'open'));
  });

  it('passes the backend’s refusal through and opens nothing', async () => {
    const { open, opened } = setup('x.txt');
    const r = await open({ id: '01890000-0000-7000-8000-00000000ffff' });
    expect(r.ok ? 'ok' : r.error.code).toBe('not_found');
    expect(opened).toEqual([]);
  });

  it('reports a missing file and an OS that cannot open it', async () => {
    const missing = setup('x.txt', '', () => path.join(root, 'nope'));
    const r1 = await missing.open({ id: evidence('').id });
    expect(r1.ok ? 'ok' : r1.error.code).toBe('storage');
    expect(missing.opened).toEqual([]);
    const noApp = setup('x.weird', 'no application');
    const r2 = await noApp.open({ id: evidence('').id });
    expect(r2.ok ? 'ok' : r2.error.code).toBe('unavailable');
  });
});
