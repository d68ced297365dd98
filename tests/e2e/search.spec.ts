import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Page } from '@playwright/test';
import { CLI, REPO_ROOT, startServe, stop } from '../helpers/serve';
import { expect, test } from './fixtures';
import { createClient, planAudit } from './ui';

const run = promisify(execFile);

/** An audit with `n` attachments named turbine-NNN.txt, imported by the CLI; the palette opened and searching them. */
async function paletteOverAttachments(page: Page, appUrl: string, dataDir: string, n: number) {
  const dir = await mkdtemp(join(tmpdir(), 'fieldwork-search-'));
  try {
    for (let i = 1; i <= n; i++) {
      await writeFile(join(dir, `turbine-${String(i).padStart(3, '0')}.txt`), `Inspection sheet ${i}\n`);
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
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  await page.keyboard.press('Control+K');
  const dialog = page.getByRole('dialog', { name: 'Search' });
  const search = dialog.getByRole('combobox', { name: 'Search' });
  await expect(search).toBeFocused();
  await search.fill('turbine');
  const list = dialog.getByRole('listbox', { name: 'Search results' });
  /** The active option: the one Enter opens (the combobox names it, checked below). */
  const active = list.locator('[role="option"][aria-selected="true"]');
  return { dialog, search, list, count: dialog.locator('[data-result-count]'), active };
}

/**
 * The search palette a page at a time (issue 20): 42 attachments whose names
 * match; the first 30 are loaded and all 42 counted; End reaches the last
 * loaded, which loads the rest, and End again the 42nd, which Enter opens.
 */
test('the search palette pages its results as the keyboard nears their end', async ({ page, appUrl, dataDir }) => {
  test.setTimeout(150_000);
  const { search, list, count, active } = await paletteOverAttachments(page, appUrl, dataDir, 42);
  await expect(count).toHaveText('30 of 42 results loaded, more as you scroll');
  await expect(search).toHaveAttribute('aria-expanded', 'true');
  await expect(search).toHaveAttribute('aria-controls', 'search-results');
  // The best hit is active: it says what it is and where, and is the option the combobox names.
  const first = active;
  await expect(first).toHaveCount(1);
  await expect(search).toHaveAttribute('aria-activedescendant', (await first.getAttribute('id'))!);
  await expect(first).toHaveAttribute('aria-posinset', '1');
  await expect(first).toHaveAttribute('aria-setsize', '42');
  await expect(first).toContainText('Evidence · Windpark Nord');

  // One tab stop: the options are never focused, the field keeps the keys.
  await expect(list.locator('[tabindex]')).toHaveCount(0);
  await search.press('ArrowDown');
  await search.press('ArrowDown');
  await expect(active).toHaveAttribute('aria-posinset', '3');
  await search.press('ArrowUp');
  await expect(active).toHaveAttribute('aria-posinset', '2');
  await search.press('PageDown');
  await expect(active).toHaveAttribute('aria-posinset', '6');
  await search.press('Home');
  await expect(active).toHaveAttribute('aria-posinset', '1');
  await expect(search).toBeFocused();

  // Esc closes; the palette opens again empty, and the same search comes back to its first page.
  await search.press('Escape');
  await expect(page.getByRole('dialog', { name: 'Search' })).toBeHidden();
  await page.keyboard.press('Control+K');
  await expect(search).toBeFocused();
  await expect(search).toHaveValue('');
  await search.fill('turbine');
  await expect(active).toHaveAttribute('aria-posinset', '1');

  // End: the last loaded; being near the end loads the next page, and End again reaches the last of all.
  await search.press('End');
  await expect(active).toHaveAttribute('aria-posinset', '30');
  await expect(count).toHaveText('42 results');
  await search.press('End');
  const last = active;
  await expect(last).toHaveAttribute('aria-posinset', '42');
  await expect(last).toBeInViewport();
  await expect(search).toHaveAttribute('aria-activedescendant', 'search-results-option-41');

  // Walking up from the last, every attachment comes once across the pages.
  const names = new Set<string>();
  for (let i = 42; i >= 1; i--) {
    const option = active;
    await expect(option).toHaveAttribute('aria-posinset', String(i));
    names.add((await option.locator('p').first().textContent()) ?? '');
    await search.press('ArrowUp');
  }
  expect(names.size).toBe(42);
  expect([...names].every((n) => /^turbine-\d{3}\.txt$/.test(n))).toBe(true);

  await search.press('End');
  const chosen = (await active.locator('p').first().textContent()) ?? '';
  await search.press('Enter');
  await expect(page.getByRole('dialog', { name: 'Search' })).toBeHidden();
  await expect(page).toHaveURL(/#\/audits\/[\w-]+\/evidence\?open=/);
  await expect(page.getByText(chosen).first()).toBeVisible();
});

/**
 * 300 hits, ten pages: the keyboard reaches the 300th page by page, while the
 * page holds only the options in view (the list is windowed).
 */
test('300 search results: the last is reached by keyboard and the DOM stays small', async ({
  page,
  appUrl,
  dataDir,
}) => {
  test.setTimeout(240_000);
  const { search, list, count, active } = await paletteOverAttachments(page, appUrl, dataDir, 300);
  for (let loaded = 30; loaded < 300; loaded += 30) {
    await expect(count).toHaveText(`${loaded} of 300 results loaded, more as you scroll`);
    await search.press('End');
    await expect(active).toHaveAttribute('aria-posinset', String(loaded));
    expect(await list.getByRole('option').count()).toBeLessThanOrEqual(20);
  }
  await expect(count).toHaveText('300 results');
  await search.press('End');
  const last = active;
  await expect(last).toHaveAttribute('aria-posinset', '300');
  await expect(last).toHaveAttribute('aria-setsize', '300');
  await expect(search).toHaveAttribute('aria-activedescendant', 'search-results-option-299');
  await expect(last).toBeInViewport();
  expect(await list.getByRole('option').count()).toBeLessThanOrEqual(20);
  // Scrolling back to the top by Page Up: the window follows.
  for (let i = 0; i < 80; i++) await search.press('PageUp');
  await expect(active).toHaveAttribute('aria-posinset', '1');
  await expect(list.getByRole('option').first()).toHaveAttribute('aria-posinset', '1');
  expect(await list.getByRole('option').count()).toBeLessThanOrEqual(20);
  // The pointer: a click opens the option.
  const second = list.getByRole('option').nth(1);
  const name = (await second.locator('p').first().textContent()) ?? '';
  await second.click();
  await expect(page).toHaveURL(/#\/audits\/[\w-]+\/evidence\?open=/);
  await expect(page.getByText(name).first()).toBeVisible();
});

/**
 * Issue 19, defect 7: on the demo data, Ctrl+K finds a finding by its number
 * and by a word of its statement, and a sampled record by its identifier;
 * Enter opens the finding's drawer, or the checklist item holding the sample.
 */
test('the search palette finds findings and sampled records, and Enter opens them', async ({ page }) => {
  test.setTimeout(240_000);
  const dir = await mkdtemp(join(tmpdir(), 'fieldwork-search-demo-'));
  await run(process.execPath, [CLI, 'demo', '--data-dir', dir], { cwd: REPO_ROOT });
  const served = await startServe(dir);
  try {
    await page.goto(served.url);
    await expect(page.getByRole('heading', { name: 'Audits', level: 2 })).toBeVisible();
    const search = page.getByPlaceholder(/^Search /);
    const results = page.getByLabel('Search results');
    const best = results.locator('[data-hit-kind]').first();

    await page.keyboard.press('Control+K');
    await search.fill('NC-01');
    await expect(best).toHaveAttribute('data-hit-kind', 'finding');
    await expect(best).toContainText('NC-01');
    await search.press('Enter');
    await expect(page).toHaveURL(/#\/audits\/[\w-]+\/findings\?open=/);
    await expect(page.getByRole('dialog', { name: /Finding NC-01/ })).toBeVisible();

    // Back on the audits list the palette searches all audits (inside one it searches that audit).
    const home = async () => {
      await page.keyboard.press('Escape');
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Audits' }).click();
      await page.keyboard.press('Control+K');
    };
    await home();
    await search.fill('review was skipped');
    await expect(best).toContainText('skipped');
    await expect(best).toHaveAttribute('data-hit-kind', 'finding');
    await search.press('Enter');
    await expect(page).toHaveURL(/#\/audits\/[\w-]+\/findings\?open=/);
    await expect(page.getByRole('dialog', { name: /^Finding NC-/ })).toContainText(
      'quarterly access review for the ERP system was skipped',
    );

    await home();
    await search.fill('HR-LEAVER-2025-031');
    await expect(best).toHaveAttribute('data-hit-kind', 'sample');
    await expect(best).toContainText('Sample HR-LEAVER-2025-031');
    await search.press('Enter');
    await expect(page).toHaveURL(/#\/audits\/[\w-]+\/checklist\?item=/);
    // The item's panel lists its samples: the one searched for among them.
    const samples = page.getByRole('group', { name: /^Sampled record \d+$/ }).getByRole('textbox');
    await expect(samples.first()).toBeVisible();
    const values: string[] = [];
    for (const box of await samples.all()) values.push(await box.inputValue());
    expect(values).toContain('HR-LEAVER-2025-031');
  } finally {
    await stop(served.proc);
    await rm(dir, { recursive: true, force: true });
  }
});
