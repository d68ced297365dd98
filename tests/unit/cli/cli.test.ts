import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { CLI, REPO_ROOT } from '../../helpers/serve';
import { miniTemplate } from '../../helpers/templates';

const run = (...args: string[]) => {
  const r = spawnSync(process.execPath, [CLI, ...args], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    env: { ...process.env, FIELDWORK_DATA_DIR: '' },
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
};

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'fieldwork-cli-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

// Each case spawns the real (built) CLI, up to a second or two on a busy 2-core machine: hence the long timeout.
describe('fieldwork CLI', { timeout: 60_000 }, () => {
  it('has --help on every command', () => {
    for (const cmd of [[], ['serve'], ['demo'], ['audits'], ['import-template']]) {
      const r = run(...cmd, '--help');
      expect(r.code, cmd.join(' ')).toBe(0);
      expect(r.out).toMatch(/Usage: fieldwork/);
    }
    expect(run('serve', '--help').out).toContain('--port');
    expect(run('audits', '--help').out).toContain('--json');
  });

  it('demo fills an empty folder, audits lists it as a table and as JSON', () => {
    const demo = run('demo', '--data-dir', dir);
    expect(demo.code, demo.err).toBe(0);
    const table = run('audits', '--data-dir', dir);
    expect(table.out).toMatch(/Nordlicht Logistics GmbH\s+Stage 1\s+Closed/);
    expect(table.out).toMatch(/Nordlicht Logistics GmbH\s+Stage 2\s+In progress/);
    const json = JSON.parse(run('audits', '--data-dir', dir, '--json').out) as {
      clientName: string;
      type: string;
      status: string;
      id: string;
    }[];
    // Oldest first: the certified client's Stage 2 of last year, then both clients' current audits.
    expect(json.map((a) => [a.clientName.split(' ')[0], a.type, a.status])).toEqual([
      ['Havelwerk', 'stage2', 'closed'],
      ['Nordlicht', 'stage1', 'closed'],
      ['Havelwerk', 'surveillance1', 'reporting'],
      ['Nordlicht', 'stage2', 'in_progress'],
    ]);
    for (const a of json) expect(a.id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('import-template imports a valid template and names the field at fault in an invalid one', () => {
    const good = join(dir, 'good.json');
    writeFileSync(good, JSON.stringify(miniTemplate()));
    const ok = run('import-template', good, '--data-dir', dir);
    expect(ok.err).toBe('');
    expect(ok.code).toBe(0);
    expect(ok.out).toBe('Imported template CB short ISO/IEC 27001 checklist (cb-iso27001-short 1.0), 3 items.\n');

    const template = miniTemplate({ version: '2.0' });
    template.items[1] = { ...template.items[1]!, questions: [] };
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify(template));
    const notJson = join(dir, 'not.json');
    writeFileSync(notJson, '{ "id": "x", ');
    const huge = join(dir, 'huge.json');
    writeFileSync(huge, Buffer.alloc(10 * 1024 * 1024 + 1, 0x20));
    const cases: [string[], RegExp][] = [
      [[bad], /items\.1\.questions: Every item needs at least one audit question/],
      [[notJson], /not\.json is not valid JSON: /],
      [[huge], /larger than 10 MB/],
      [[join(dir, 'missing.json')], /missing\.json does not exist/],
      [[good.replace('good.json', '')], /is not a file/],
    ];
    for (const [args, msg] of cases) {
      const r = run('import-template', ...args, '--data-dir', dir);
      expect(r.code, args.join(' ')).toBe(1);
      expect(r.err).toMatch(msg);
      expect(r.err.trimEnd().split('\n'), r.err).toHaveLength(1);
      expect(r.out).toBe('');
    }
    const changed = join(dir, 'changed.json');
    writeFileSync(changed, JSON.stringify(miniTemplate({ title: 'Changed' })));
    expect(run('import-template', changed, '--data-dir', dir).err).toMatch(/bump the version/);
  });

  it('demo refuses a folder that already holds data, and changes nothing', () => {
    run('demo', '--data-dir', dir);
    const before = run('audits', '--data-dir', dir, '--json').out;
    const again = run('demo', '--data-dir', dir);
    expect(again.code).toBe(1);
    expect(again.err).toMatch(/already holds Fieldwork data/);
    expect(run('audits', '--data-dir', dir, '--json').out).toBe(before);
  });

  it('reports user errors in one line on stderr, without a stack trace', () => {
    const cases: [string[], RegExp][] = [
      [['demo'], /--data-dir/],
      [['serve', '--port', 'abc', '--data-dir', dir], /--port must be a number/],
      [['nonsense'], /unknown command/],
    ];
    for (const [args, msg] of cases) {
      const r = run(...args);
      expect(r.code, args.join(' ')).not.toBe(0);
      expect(r.err).toMatch(msg);
      expect(r.err).not.toMatch(/\n\s+at /);
    }
  });

  it('refuses a database from a newer Fieldwork and a file that is not a database', () => {
    const db = new Database(join(dir, 'fieldwork.sqlite'));
    db.pragma('user_version = 999');
    db.close();
    const newer = run('audits', '--data-dir', dir);
    expect(newer.code).toBe(1);
    expect(newer.err).toMatch(/newer version of Fieldwork/);
    const junkDir = join(dir, 'junk');
    run('demo', '--data-dir', junkDir);
    writeFileSync(join(junkDir, 'fieldwork.sqlite'), 'this is not sqlite at all, just text'.repeat(200));
    for (const f of readdirSync(junkDir)) if (f.endsWith('-wal') || f.endsWith('-shm')) rmSync(join(junkDir, f));
    const junk = run('audits', '--data-dir', junkDir);
    expect(junk.code).toBe(1);
    expect(junk.err).toMatch(/not a Fieldwork database or is damaged/);
    expect(junk.err).not.toMatch(/\n\s+at /);
  });
});
