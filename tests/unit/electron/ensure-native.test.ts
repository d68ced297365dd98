import { spawnSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// Runs build/ensure-native.mjs for real against the installed better-sqlite3.
const repo = path.resolve(import.meta.dirname, '../../..');
const script = path.join(repo, 'build/ensure-native.mjs');
const run = (...args: string[]) => spawnSync(process.execPath, [script, ...args], { cwd: repo, encoding: 'utf8' });

describe('build/ensure-native.mjs', () => {
  it('decides nothing needs doing for node when the binary loads in Node', () => {
    const r = run('node', '--dry-run');
    expect(r.status).toBe(0);
    expect(r.stdout.trim()).toBe('ok');
  });

  it('decides a Node binary must be rebuilt for electron', () => {
    const r = run('electron', '--dry-run');
    expect(r.status).toBe(0);
    expect(r.stdout.trim()).toBe('rebuild-electron');
  });

  it('is a quick, silent no-op for node when the binary already matches', () => {
    const binary = createRequire(path.join(repo, 'package.json')).resolve(
      'better-sqlite3/build/Release/better_sqlite3.node',
    );
    const before = statSync(binary).mtimeMs;
    const started = Date.now();
    const r = run('node');
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('');
    expect(Date.now() - started).toBeLessThan(5000);
    expect(statSync(binary).mtimeMs).toBe(before);
  });

  it('exits 2 on an unknown target', () => {
    const r = run('deno');
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/unknown target/);
  });
});
