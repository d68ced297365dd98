import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { DesktopApi } from '#shared/api/contract';

/**
 * The renderer's desktop upload (components/evidence/importByPath.ts) against
 * a fake preload and backend: each file's answer lands in its place, Cancel
 * asks the backend to stop that import (by the id the import was sent with),
 * and a refusal of the whole import fails every file with its words.
 */
const invoked: [string, unknown][] = [];
vi.mock('../../../renderer/src/api/client', () => ({
  getApi: () => ({
    invoke: (op: string, input: unknown) => {
      invoked.push([op, input]);
      return Promise.resolve({ ok: true, value: op === 'evidence.importStatus' ? null : {} });
    },
  }),
}));
// A renderer module (it reaches window through the API client), outside this project's TypeScript files, so
// named by a variable: typed here by what the test uses.
const IMPORT_BY_PATH = '../../../renderer/src/components/evidence/importByPath';
interface BatchProgress {
  files: { name: string; size: number; state: string; message?: string; evidence?: unknown }[];
  sentBytes: number;
  totalBytes: number;
  done: boolean;
  cancelled: boolean;
}
const { importByPath } = (await import(/* @vite-ignore */ IMPORT_BY_PATH)) as unknown as {
  importByPath: (desktop: DesktopApi, files: readonly File[], options: unknown) => Promise<BatchProgress>;
};

const file = (name: string, size: number) => new File([new Uint8Array(size)], name);
const evidence = (name: string) => ({ id: `id-${name}`, originalName: name }) as never;

function fakeDesktop(answer: (target: { importId: string }) => Promise<unknown>) {
  const sent: { files: readonly unknown[]; target: { importId: string } }[] = [];
  const desktop = {
    importFiles: (files: readonly unknown[], target: { importId: string }) => {
      sent.push({ files, target });
      return answer(target);
    },
    isOnDisk: () => true,
    showDataFolder: () => Promise.resolve({ ok: true, value: {} }),
    quit: () => Promise.resolve({ ok: true, value: {} }),
  } as unknown as DesktopApi;
  return { desktop, sent };
}

const options = (signal: AbortSignal, seen: BatchProgress[]) => ({
  auditId: 'audit-1',
  links: [{ type: 'audit' as const, id: 'audit-1' }],
  addedBy: 'Lena Lead',
  signal,
  onProgress: (p: BatchProgress) => void seen.push(p),
});

describe('importByPath', () => {
  beforeEach(() => void (invoked.length = 0));

  it("puts each file's answer in its place and ends with every byte counted", async () => {
    const files = [file('a.jpg', 10), file('b.jpg', 20), file('c.txt', 5)];
    const { desktop, sent } = fakeDesktop(() =>
      Promise.resolve({
        ok: true,
        value: {
          results: [
            { ok: true, value: { evidence: evidence('a.jpg'), duplicate: false, renamed: null } },
            { ok: true, value: { evidence: evidence('b.jpg'), duplicate: true, renamed: null } },
            {
              ok: false,
              error: { code: 'invalid_input', message: '“c.txt” is a folder; choose the files inside it.' },
            },
          ],
        },
      }),
    );
    const seen: BatchProgress[] = [];
    const final = await importByPath(desktop, files, options(new AbortController().signal, seen));
    expect(sent).toHaveLength(1);
    expect(sent[0]!.files).toEqual(files);
    expect(sent[0]!.target).toMatchObject({ auditId: 'audit-1', addedBy: 'Lena Lead', links: [{ type: 'audit' }] });
    expect(final.files.map((f) => f.state)).toEqual(['added', 'duplicate', 'failed']);
    expect(final.files[2]!.message).toBe('“c.txt” is a folder; choose the files inside it.');
    expect(final).toMatchObject({ done: true, cancelled: false, sentBytes: 35, totalBytes: 35 });
    expect(seen[0]!.files.map((f) => f.state)).toEqual(['waiting', 'waiting', 'waiting']);
  });

  it('Cancel asks the backend to stop this import; files it did not read are cancelled, not failed', async () => {
    let release!: (v: unknown) => void;
    const { desktop, sent } = fakeDesktop(() => new Promise((resolve) => (release = resolve)));
    const controller = new AbortController();
    const running = importByPath(desktop, [file('a.mov', 10), file('b.mov', 10)], options(controller.signal, []));
    await vi.waitFor(() => expect(sent).toHaveLength(1));
    controller.abort();
    const { importId } = sent[0]!.target;
    expect(invoked).toContainEqual(['evidence.importCancel', { importId }]);
    release({
      ok: true,
      value: {
        results: [
          { ok: true, value: { evidence: evidence('a.mov'), duplicate: false, renamed: null } },
          { ok: false, error: { code: 'cancelled', message: '“b.mov” was not imported: the import was cancelled.' } },
        ],
      },
    });
    const final = await running;
    expect(final.files.map((f) => f.state)).toEqual(['added', 'cancelled']);
    expect(final.cancelled).toBe(true);
  });

  it('a refused import fails every file with its words', async () => {
    const { desktop } = fakeDesktop(() =>
      Promise.resolve({ ok: false, error: { code: 'conflict', message: 'This audit is closed.' } }),
    );
    const final = await importByPath(
      desktop,
      [file('a.jpg', 1), file('b.jpg', 1)],
      options(new AbortController().signal, []),
    );
    expect(final.files.map((f) => [f.state, f.message])).toEqual([
      ['failed', 'This audit is closed.'],
      ['failed', 'This audit is closed.'],
    ]);
  });
});
