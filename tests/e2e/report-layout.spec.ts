import { spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { allText, readDocx } from '../helpers/docx';
import { CLI, REPO_ROOT, startServe, stop } from '../helpers/serve';
import { sampleTemplate, withParagraph } from '../unit/report-templates/template-docx';
import { choose } from './ui';

test.use({ locale: 'en-GB' });

/** A paragraph only the imported layout has: in the document when the export used it, absent otherwise. */
const MARKER = 'Issued under the layout of Example Certification (Report tab choice).';

/** Downloads the audit report as it is set up on the tab; returns the text python-docx reads in it. */
async function downloadReport(page: Page, dir: string, name: string): Promise<string> {
  const download = page.waitForEvent('download', { timeout: 120_000 });
  await page.getByRole('button', { name: /^(Download report \(DOCX\)|Bericht herunterladen \(DOCX\))$/ }).click();
  const file = join(dir, name);
  await (await download).saveAs(file);
  return allText(readDocx(file));
}

test('Report tab: the lead picks the firm’s Word layout for the export; built in on request; the tab reads German', async ({
  page,
}) => {
  test.setTimeout(300_000);
  const dir = await mkdtemp(join(tmpdir(), 'fieldwork-e2e-layout-'));
  try {
    const run = (...args: string[]) => {
      const r = spawnSync(process.execPath, [CLI, ...args, '--data-dir', dir], { cwd: REPO_ROOT, encoding: 'utf8' });
      expect(r.status, r.stderr).toBe(0);
    };
    run('demo');
    // Not the default: without the picker the report would be written in the built-in layout.
    const template = join(dir, 'firm-layout.docx');
    await writeFile(template, await withParagraph(sampleTemplate(), MARKER));
    run('import-report-template', template, '--type', 'report', '--lang', 'en', '--name', 'Firm layout');

    const served = await startServe(dir);
    try {
      await page.goto(served.url);
      const rows = page.getByRole('table', { name: 'Audits' }).getByRole('row');
      await rows
        .filter({ hasText: 'Nordlicht Logistics GmbH' })
        .filter({ hasText: 'Stage 2' })
        .getByRole('link')
        .first()
        .click();
      await page.getByRole('tab', { name: 'Report' }).click();

      const layout = page.getByRole('combobox', { name: 'Layout', exact: true });
      await expect(layout).toHaveValue('Default for the audit’s report language');
      await choose(page, page, 'Layout', 'Firm layout (English)');
      expect(await downloadReport(page, dir, 'chosen.docx')).toContain(MARKER);

      await choose(page, page, 'Layout', 'Built-in layout');
      const builtIn = await downloadReport(page, dir, 'builtin.docx');
      expect(builtIn).not.toContain(MARKER);
      expect(builtIn.length).toBeGreaterThan(0);

      // The tab in German: its blocks, the export and the layout choice (the gaps listed are still the backend's English).
      await page.getByRole('combobox', { name: /^(Language|Sprache|Langue)$/ }).selectOption('de');
      await expect(page.locator('html')).toHaveAttribute('lang', 'de');
      for (const heading of ['Lücken', 'Export', 'Ausgestellte Versionen', 'Berichtsangaben'])
        await expect(page.getByRole('heading', { name: heading, exact: true })).toBeVisible();
      await expect(page.getByRole('combobox', { name: 'Layout', exact: true })).toHaveValue('Eingebautes Layout');
      await expect(page.getByRole('button', { name: 'Ausstellen und signieren…' })).toBeVisible();
      await expect(page.getByRole('textbox', { name: 'ISMS-Dokumentation' })).toBeVisible();
      await expect(page.getByLabel('Audittage')).toBeVisible();
    } finally {
      await stop(served.proc);
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
