import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { editDocument, sampleTemplate } from '../unit/report-templates/template-docx';
import { expect, test } from './fixtures';
import { nav, pick } from './ui';

test.use({ locale: 'en-GB', timezoneId: 'Europe/Lisbon' });

test('Settings → Report templates: empty state, an import refused with its lists then kept, default by keyboard, removal confirmed', async ({
  page,
  appUrl,
}) => {
  const dir = await mkdtemp(join(tmpdir(), 'fieldwork-e2e-rtpl-'));
  try {
    const file = join(dir, 'Our layout.docx');
    await writeFile(file, await editDocument(sampleTemplate(), (xml) => xml.replace('{cbName}', '{cbNmae}')));
    await page.goto(appUrl);
    await nav(page, 'Report templates').click();
    await expect(page.getByText('No report templates yet. Exports use the built-in layout.')).toBeVisible();

    await page.getByRole('button', { name: 'Import a template…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Import a report template' });
    await pick(page, dialog.getByRole('button', { name: 'Word template (.docx)' }), file);
    await expect(dialog.getByLabel('Name')).toHaveValue('Our layout');
    await dialog.getByRole('button', { name: 'Check and import' }).click();
    const refusal = dialog.getByRole('alert');
    await expect(refusal).toContainText('The template was not imported');
    await expect(refusal).toContainText('cbNmae');
    await expect(refusal).toContainText('Who the certification body is');
    await dialog.getByRole('button', { name: 'Import anyway' }).click();
    await expect(dialog).toBeHidden();

    const table = page.getByRole('table', { name: 'Report templates' });
    await expect(table).toContainText('Our layout');
    await expect(table).toContainText('1 required content missing');
    await expect(table).toContainText('1 unknown placeholder');

    const makeDefault = table.getByRole('switch', { name: 'Make Our layout the default' });
    await makeDefault.focus();
    await page.keyboard.press('Space');
    await expect(table.getByRole('switch', { name: 'Stop using as default' })).toBeChecked();

    await table.getByRole('button', { name: 'Remove Our layout' }).click();
    await page.getByRole('dialog', { name: 'Remove Our layout?' }).getByRole('button', { name: 'Keep it' }).click();
    await expect(table).toContainText('Our layout');
    await table.getByRole('button', { name: 'Remove Our layout' }).click();
    await page
      .getByRole('dialog', { name: 'Remove Our layout?' })
      .getByRole('button', { name: 'Remove template' })
      .click();
    await expect(page.getByText('No report templates yet. Exports use the built-in layout.')).toBeVisible();
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
