import { spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CLI, REPO_ROOT, startServe, stop } from '../helpers/serve';
import { auditIds } from './demo-walk';
import { expect, test } from './fixtures';

/**
 * Opened from the address bar, an audit's checklist asks for the audit and its checklist while the page's code is
 * still loading (app/routes), not once the page has mounted — and the page then takes those answers without asking
 * again. The page's code is held back until the checklist has been asked for or the shell is up without it: code
 * that waits for the page to mount before asking has asked nothing by then, and the test fails naming what.
 */
test("an audit's checklist reads start beside the page's code, once each", async ({ page, request }) => {
  test.setTimeout(240_000);
  const dir = await mkdtemp(join(tmpdir(), 'fieldwork-prefetch-'));
  const demo = spawnSync(process.execPath, [CLI, 'demo', '--data-dir', dir], { cwd: REPO_ROOT, encoding: 'utf8' });
  expect(demo.status, demo.stderr).toBe(0);
  const served = await startServe(dir);
  try {
    const { stage2 } = await auditIds(request, served);
    const asked: string[] = [];
    let checklistAsked!: () => void;
    const checklistSeen = new Promise<void>((resolve) => (checklistAsked = resolve));
    page.on('request', (r) => {
      const op = /\/api\/((?:audits|checklist)\.get)$/.exec(new URL(r.url()).pathname)?.[1];
      if (!op) return;
      asked.push(op);
      if (op === 'checklist.get') checklistAsked();
    });
    let askedWhileHeld: string[] = [];
    await page.route('**/assets/AuditDetail-*.js', async (route) => {
      // Held until the checklist is asked for, or until the shell has rendered around the missing page (the
      // route's reads start before the shell's code is even loaded, so by then they were asked or never will
      // be): then released, so the page can show and the test fail on the expectation below, by name.
      const shell = page
        .getByRole('navigation', { name: 'Main' })
        .waitFor({ timeout: 120_000 })
        .catch(() => undefined);
      await Promise.race([checklistSeen, shell]);
      askedWhileHeld = [...asked];
      await route.continue();
    });
    await page.goto(`${served.url}#/audits/${stage2}/checklist`);
    await expect(page.getByRole('progressbar', { name: 'Overall progress' })).toBeVisible({ timeout: 90_000 });
    expect(askedWhileHeld, "asked for while the page's code was held back").toEqual(
      expect.arrayContaining(['audits.get', 'checklist.get']),
    );
    expect(asked.filter((op) => op === 'checklist.get')).toHaveLength(1);
    expect(asked.filter((op) => op === 'audits.get')).toHaveLength(1);
  } finally {
    await stop(served.proc);
    await rm(dir, { recursive: true, force: true });
  }
});
