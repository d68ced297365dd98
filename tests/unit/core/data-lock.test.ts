import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openBackend } from '#core/backend';
import { LOCK_FILE, lockDataDir } from '#core/data-lock';

const dirs: string[] = [];
const freshDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'fw-lock-'));
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A leftover temp file, as an interrupted upload would leave it. */
const leftover = (dataDir: string) => {
  mkdirSync(join(dataDir, 'evidence', 'tmp'), { recursive: true });
  const file = join(dataDir, 'evidence', 'tmp', 'upload-leftover');
  writeFileSync(file, 'partial');
  return file;
};

describe('data folder lock', () => {
  it('is taken by the first backend, released on close, and refused to a second one meanwhile', () => {
    const dataDir = freshDir();
    const first = openBackend({ dataDir });
    expect(readFileSync(join(dataDir, LOCK_FILE), 'utf8')).toBe(String(process.pid));
    expect(lockDataDir(dataDir).held).toBe(false);
    first.close();
    expect(existsSync(join(dataDir, LOCK_FILE))).toBe(false);
    const again = lockDataDir(dataDir);
    expect(again.held).toBe(true);
    again.release();
  });

  it('while another live process holds the folder, start-up leaves the evidence temp files alone', async () => {
    const dataDir = freshDir();
    const other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { stdio: 'ignore' });
    try {
      writeFileSync(join(dataDir, LOCK_FILE), String(other.pid));
      const file = leftover(dataDir);
      const backend = openBackend({ dataDir });
      expect(existsSync(file)).toBe(true);
      backend.close();
      // Closing a backend that did not hold the lock must not remove the other's lock.
      expect(readFileSync(join(dataDir, LOCK_FILE), 'utf8')).toBe(String(other.pid));
    } finally {
      other.kill('SIGKILL');
      await new Promise((r) => other.once('exit', r));
    }
    // Its owner is gone: the lock is stale, taken over, and the sweep runs.
    const file = leftover(dataDir);
    const backend = openBackend({ dataDir });
    expect(existsSync(file)).toBe(false);
    backend.close();
  });
});
