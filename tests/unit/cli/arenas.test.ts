import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { wantsFewerArenas } from '../../../electron/cli/arenas';
import { seedOneAudit } from '../../helpers/seed-folder';
import { CLI, REPO_ROOT } from '../../helpers/serve';

const RECORDER = join(REPO_ROOT, 'tests', 'unit', 'cli', 'fixtures', 'record-arenas.mjs');

describe('which commands run again with fewer malloc arenas', () => {
  it('a report export on Linux, unless MALLOC_ARENA_MAX is already set', () => {
    const args = ['export-report', '--data-dir', '/d', '--audit', 'a', '--out', 'r.docx'];
    expect(wantsFewerArenas(args, {}, 'linux')).toBe(true);
    expect(wantsFewerArenas(args, { MALLOC_ARENA_MAX: '8' }, 'linux')).toBe(false);
    expect(wantsFewerArenas(args, {}, 'darwin')).toBe(false);
    expect(wantsFewerArenas(args, {}, 'win32')).toBe(false);
    expect(wantsFewerArenas(['audits', '--data-dir', '/d'], {}, 'linux')).toBe(false);
    expect(wantsFewerArenas(['serve'], {}, 'linux')).toBe(false);
  });
});

interface Recorded {
  pid: number;
  ppid: number;
  arenas: string | null;
}

// The built CLI, twice per run when it starts again (a few seconds on a busy machine).
describe.runIf(process.platform === 'linux')('fieldwork export-report on Linux', { timeout: 180_000 }, () => {
  let dir: string;
  let dataDir: string;
  let auditId: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'fieldwork-arenas-'));
    dataDir = join(dir, 'data');
    auditId = await seedOneAudit(dataDir);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** Runs the built CLI with the recorder; its output and what each process recorded. */
  const run = (name: string, args: string[], env: NodeJS.ProcessEnv = {}) => {
    const log = join(dir, `${name}.log`);
    const base = { ...process.env };
    delete base.MALLOC_ARENA_MAX;
    const r = spawnSync(process.execPath, ['--import', RECORDER, CLI, ...args], {
      cwd: REPO_ROOT,
      encoding: 'utf8',
      env: { ...base, ...env, FIELDWORK_ARENA_LOG: log },
    });
    const recorded = readFileSync(log, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Recorded);
    return { code: r.status, out: r.stdout, err: r.stderr, pid: r.pid, recorded };
  };

  it('writes the report from a second process that has MALLOC_ARENA_MAX=2', () => {
    const out = join(dir, 'report.docx');
    const r = run('export', ['export-report', '--data-dir', dataDir, '--audit', auditId, '--out', out]);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^Wrote .*report\.docx/);
    expect(existsSync(out)).toBe(true);
    // The command itself, then the same command started by it with the variable set.
    expect(r.recorded).toHaveLength(2);
    const parent = r.recorded.find((p) => p.pid === r.pid);
    const child = r.recorded.find((p) => p.ppid === r.pid);
    expect(parent).toMatchObject({ arenas: null });
    expect(child).toMatchObject({ arenas: '2' });
  });

  it('says what went wrong and exits with the same code as a run that did not start again', () => {
    const args = ['export-report', '--data-dir', dataDir, '--audit', 'no-such-audit', '--out', join(dir, 'x.docx')];
    const again = run('refused', args);
    const once = run('refused-once', args, { MALLOC_ARENA_MAX: '2' });
    expect(once.recorded).toHaveLength(1);
    expect(again.recorded).toHaveLength(2);
    expect(once.code).not.toBe(0);
    expect(again.code).toBe(once.code);
    expect(again.err).toBe(once.err);
    expect(again.out).toBe(once.out);
  });
});
