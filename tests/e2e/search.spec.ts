import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { CLI, REPO_ROOT } from '../helpers/serve';
import { expect, test } from './fixtures';
import { createClient, planAudit } from './ui';

const run = promisify(execFile);

/**
 * The search palette a page at a time (issue 20): 42 attachments whose names
 * match, imported by the CLI; the palette shows the first 30 and counts them
 * all, "Show more" by keyboard adds the rest after them and selects the first
 * one it added, which Enter opens.
 */
test('the search palette pages its results: Show more keeps the keyboard in place', async ({
  page,
  appUrl,
  dataDir,
}) => {
  test.setTimeout(150_000);
  const dir = await mkdtemp(join(tmpdir(), 'fieldwork-search-'));
  try {
    for (let i = 1; i <= 42; i++) {
      await writeFile(join(dir, `turbine-${String(i).padStart(2, '0')}.txt`), `Inspection sheet ${i}\n`);
    }
    await page.goto(appUrl);
    await createClient(page, 'Windpark Nord', [
      { name: 'Site office', address: 'Deich 2', headcount: 40, processes: 'Maintenance' },
    ]);
    await planAudit(page, 'Windpark Nord', {
      type: 'Stage 2',
      scope: 'Turbine maintenance',
      start: '2026-05-04',
      end: '2026-05-05',
      team: [{ name: 'Lena Lead', email: 'lena@cb.example', role: 'Lead auditor' }],
    });
    const auditId = /#\/audits\/([\w-]+)/.exec(page.url())?.[1];
    expect(auditId).toBeTruthy();
    await run(process.execPath, [CLI, 'import-evidence', '--data-dir', dataDir, '--audit', auditId!, dir], {
      cwd: REPO_ROOT,
    });

    await page.keyboard.press('Control+K');
    const search = page.getByPlaceholder('Search notes, interviews, observations, documents, evidence…');
    await search.fill('turbine');
    const results = page.getByLabel('Search results');
    const hits = results.locator('[data-hit-kind]');
    await expect(hits).toHaveCount(30);
    const more = results.locator('[data-show-more]');
    await expect(more).toHaveText('Show more results (30 of 42 shown)');

    // Down from the best hit to the button (the 31st action), then Enter: the palette stays open.
    for (let i = 0; i < 30; i++) await search.press('ArrowDown');
    await expect(more).toHaveAttribute('data-selected', 'true');
    await search.press('Enter');
    await expect(hits).toHaveCount(42);
    await expect(more).toHaveCount(0);
    const firstAdded = hits.nth(30);
    await expect(firstAdded).toHaveAttribute('data-selected', 'true');
    // Outside the kind groups ("More results", a CSS label), each later hit says what it is.
    await expect(firstAdded).toContainText('Evidence · Windpark Nord');
    const name = (await firstAdded.locator('p').first().textContent()) ?? '';
    expect(name).toMatch(/^turbine-\d\d\.txt$/);
    // Each attachment once across the pages.
    const names = await hits.locator('p:first-child').allTextContents();
    expect(new Set(names).size).toBe(42);

    await search.press('Enter');
    await expect(page).toHaveURL(/#\/audits\/[\w-]+\/evidence\?open=/);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
