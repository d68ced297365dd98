import { spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { closeSync, existsSync, openSync, readFileSync, statSync, writeSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { CLI, REPO_ROOT, startServe, stop, type Served } from '../helpers/serve';
import { blockingViolations } from './axe';
import { expect, test } from './fixtures';

const cli = (...args: string[]) => {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: REPO_ROOT, encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
};
const digest = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

test('a damaged database: the preview host starts for recovery only, the page says so in words and restores the latest backup into a new folder', async ({
  page,
}) => {
  test.setTimeout(240_000);
  const parent = await mkdtemp(join(tmpdir(), 'fieldwork-e2e-damaged-'));
  const dataDir = join(parent, 'data');
  let served: Served | undefined;
  try {
    cli('demo', '--data-dir', dataDir);
    cli('backup', '--data-dir', dataDir);
    // Damaged on purpose: pages 2 to 9 of the real database overwritten with noise (the header page intact).
    const file = join(dataDir, 'fieldwork.sqlite');
    expect(statSync(file).size).toBeGreaterThan(10 * 4096);
    const fd = openSync(file, 'r+');
    writeSync(fd, randomBytes(8 * 4096), 0, 8 * 4096, 4096);
    closeSync(fd);
    const damaged = digest(file);

    served = await startServe(dataDir);
    await page.goto(served.url);
    await expect(page.getByRole('heading', { name: 'Fieldwork’s database is damaged', level: 1 })).toBeVisible({
      timeout: 30_000,
    });
    await expect(page.getByText('found it damaged, so it opened nothing and changed nothing')).toBeVisible();
    await expect(page.getByText('Restore the latest backup, from')).toBeVisible();
    const rows = page.getByRole('table', { name: 'Backups' }).locator('tbody tr');
    await expect(rows).toHaveCount(1);
    await expect(rows.first()).toContainText('2 clients');
    // The screen joins the accessibility bar of every other screen (tests/e2e/accessibility.spec.ts).
    expect(await blockingViolations(page)).toEqual([]);

    const target = join(parent, 'restored');
    await page.getByRole('button', { name: 'Restore the latest backup…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Restore into a new folder' });
    await dialog.getByLabel('New folder').fill(target);
    await dialog.getByRole('button', { name: 'Restore into this folder' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'The backup was checked and restored into' })).toBeVisible({
      timeout: 60_000,
    });

    // The damaged folder was not written; the new one is a sound database with the demo's data.
    expect(digest(file)).toBe(damaged);
    expect(existsSync(join(target, 'fieldwork.sqlite'))).toBe(true);
    const db = new Database(join(target, 'fieldwork.sqlite'), { readonly: true });
    try {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(db.prepare('SELECT count(*) FROM clients').pluck().get()).toBeGreaterThan(0);
    } finally {
      db.close();
    }

    // Started on the restored folder, the app is itself again.
    await stop(served.proc);
    served = await startServe(target);
    await page.goto(served.url);
    await expect(page.getByRole('navigation').first()).toBeVisible({ timeout: 30_000 });
    await expect(page.getByRole('heading', { name: 'Fieldwork’s database is damaged' })).toHaveCount(0);
  } finally {
    if (served) await stop(served.proc);
    await rm(parent, { recursive: true, force: true });
  }
});
