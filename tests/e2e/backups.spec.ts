import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { expect, test } from './fixtures';
import { createClient, nav } from './ui';

test.use({ locale: 'en-GB', timezoneId: 'Europe/Lisbon' });

test('Settings → Backups: empty at first, back up now, restore into a new folder from the keyboard, never over one', async ({
  page,
  appUrl,
}) => {
  const parent = await mkdtemp(join(tmpdir(), 'fieldwork-e2e-restore-'));
  try {
    await page.goto(appUrl);
    await nav(page, 'Backups').click();
    await expect(page.getByRole('heading', { name: 'No backups yet', level: 3 })).toBeVisible();

    await createClient(page, 'Backed Up Ltd', [{ name: 'HQ', address: 'Main Street', headcount: 10, processes: 'IT' }]);
    await nav(page, 'Backups').click();
    await page.getByRole('button', { name: 'Back up now' }).click();
    await expect(page.getByText('Backup made')).toBeVisible({ timeout: 30_000 });
    const rows = page.getByRole('table', { name: 'Backups' }).locator('tbody tr');
    await expect(rows).toHaveCount(1);
    await expect(rows.first()).toContainText('Made by you');
    await expect(rows.first()).toContainText('1 client, 0 audits, 0 findings, 0 evidence files, 0 issued reports');
    // The date in the user's locale (en-GB: day month year).
    await expect(rows.first()).toContainText(
      new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeZone: 'Europe/Lisbon' }).format(new Date()),
    );

    const target = join(parent, 'restored');
    await rows
      .first()
      .getByRole('button', { name: /^Restore the backup of / })
      .focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Restore into a new folder' });
    await expect(dialog).toContainText('The data folder you are working in is not changed');
    const folder = dialog.getByLabel('New folder');
    await expect(folder).toBeFocused();
    await page.keyboard.type(target);
    await page.keyboard.press('Enter');
    await expect(page.getByRole('alert').filter({ hasText: 'Restored' })).toContainText(target, { timeout: 30_000 });
    const db = new Database(join(target, 'fieldwork.sqlite'), { readonly: true });
    try {
      expect(db.prepare('SELECT name FROM clients').pluck().all()).toEqual(['Backed Up Ltd']);
    } finally {
      db.close();
    }

    // Again into the same folder: refused in words, next to the field; the folder restored before is kept.
    await rows
      .first()
      .getByRole('button', { name: /^Restore the backup of / })
      .click();
    await dialog.getByLabel('New folder').fill(target);
    await dialog.getByRole('button', { name: 'Restore into this folder' }).click();
    await expect(dialog.getByText('That folder already exists and is not empty')).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    expect(existsSync(join(target, 'fieldwork.sqlite'))).toBe(true);

    await page.getByLabel('Backups to keep').fill('5');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(page.getByText('Fieldwork keeps the newest 5 backups')).toBeVisible();
  } finally {
    await rm(parent, { recursive: true, force: true });
  }
});
