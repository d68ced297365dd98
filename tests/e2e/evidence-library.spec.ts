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
 * The evidence library a page at a time (issue 20): 57 files imported from
 * disk by the CLI (a second process on the folder), the first 50 shown, "Show
 * more" by keyboard adds the rest and puts focus on the first added row, a
 * search narrows in SQL and counts what matches.
 */
test('the evidence library pages: Show more keeps the keyboard in place; the search counts its matches', async ({
  page,
  appUrl,
  dataDir,
}) => {
  test.setTimeout(150_000);
  const dir = await mkdtemp(join(tmpdir(), 'fieldwork-library-'));
  try {
    for (let i = 1; i <= 57; i++) {
      const name = i <= 3 ? `gate-log-${i}.txt` : `note-${String(i).padStart(2, '0')}.txt`;
      await writeFile(join(dir, name), `Evidence file number ${i}\n`);
    }
    await page.goto(appUrl);
    await createClient(page, 'Harbour Logistics', [
      { name: 'Port office', address: 'Quay 4', headcount: 80, processes: 'Freight' },
    ]);
    await planAudit(page, 'Harbour Logistics', {
      type: 'Stage 2',
      scope: 'Freight forwarding',
      start: '2026-05-04',
      end: '2026-05-05',
      team: [{ name: 'Lena Lead', email: 'lena@cb.example', role: 'Lead auditor' }],
    });
    const auditId = /#\/audits\/([\w-]+)/.exec(page.url())?.[1];
    expect(auditId).toBeTruthy();
    await run(process.execPath, [CLI, 'import-evidence', '--data-dir', dataDir, '--audit', auditId!, dir], {
      cwd: REPO_ROOT,
    });

    await page.getByRole('tab', { name: 'Evidence' }).click();
    const library = page.getByRole('table', { name: 'Evidence' });
    const rows = library.locator('tbody tr');
    await expect(rows).toHaveCount(50);
    await expect(page.getByText('50 shown · 57 attachments')).toBeVisible();

    const more = page.getByRole('button', { name: 'Show more' });
    await more.focus();
    await page.keyboard.press('Enter');
    await expect(rows).toHaveCount(57);
    await expect(page.getByText('57 attachments', { exact: true })).toBeVisible();
    await expect(more).toHaveCount(0);
    await expect(rows.nth(50).getByRole('link')).toBeFocused();

    await page.getByLabel('Search', { exact: true }).fill('GATE-LOG');
    await expect(rows).toHaveCount(3);
    await expect(page.getByText('3 of 57 attachments')).toBeVisible();
    await expect(library).toContainText('gate-log-2.txt');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
