import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strangerSignedDocx } from '../unit/signing/stranger';
import { expect, test } from './fixtures';
import { nav, pick } from './ui';

test.use({ locale: 'en-GB', timezoneId: 'Europe/Lisbon' });

test("a stranger's certificate named like the lead auditor: intact but not green; trusted after comparing the fingerprint, unknown again when removed", async ({
  page,
  appUrl,
}) => {
  const dir = await mkdtemp(join(tmpdir(), 'fieldwork-e2e-trust-'));
  try {
    const stranger = await strangerSignedDocx(dir);
    const docx = join(dir, 'stranger.docx');
    await page.goto(appUrl);

    await nav(page, 'Check a document').click();
    const chooseFile = page.getByRole('button', { name: 'Choose a DOCX file…' });
    await pick(page, chooseFile, docx);
    const result = page.getByRole('region', { name: 'Check result' });
    const warning = result.getByRole('alert');
    await expect(warning).toContainText('Unchanged, but the signer is not known');
    await expect(warning).toContainText(
      'The document is unchanged since it was signed, but by a certificate this data folder does not know.',
    );
    await expect(warning.getByLabel('Certificate fingerprint (SHA-256)')).toHaveText(stranger.fingerprint);
    await expect(result).not.toContainText('Signature valid');

    // The way out the warning names: trust the certificate once its fingerprint is compared.
    await warning.getByRole('link', { name: 'Signing identities → Trusted certificates' }).click();
    await page.getByRole('button', { name: 'Trust a certificate…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Trust a certificate' });
    await pick(page, dialog.getByRole('button', { name: 'Certificate file' }), stranger.pemFile);
    await expect(dialog.getByLabel('Fingerprint of the chosen certificate')).toHaveText(stranger.fingerprint);
    await expect(dialog.getByLabel('Name')).toHaveValue('Amelia Hartmann');
    await dialog.getByLabel('Name').fill('Amelia Hartmann (phoned)');
    await dialog.getByRole('button', { name: 'The fingerprint matches — trust it' }).click();
    const table = page.getByRole('table', { name: 'Trusted certificates' });
    await expect(table).toContainText('Amelia Hartmann (phoned)');
    await expect(table).toContainText(stranger.fingerprint);
    await expect(table).toContainText('O=Stranger Ltd');

    await nav(page, 'Check a document').click();
    await pick(page, page.getByRole('button', { name: 'Choose a DOCX file…' }), docx);
    await expect(result.getByRole('status').first()).toContainText(
      'Signature valid — signed by Amelia Hartmann at 28 Nov 2026',
    );
    await expect(result).toContainText('known here as the trusted certificate Amelia Hartmann (phoned)');

    // Removing asks first; afterwards the same file is unknown again.
    await nav(page, 'Signing identities').click();
    await page.getByRole('button', { name: 'Stop trusting Amelia Hartmann (phoned)' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Stop trusting Amelia Hartmann (phoned)' }).click();
    await expect(page.getByText('No trusted certificates.', { exact: false })).toBeVisible();
    await nav(page, 'Check a document').click();
    await pick(page, page.getByRole('button', { name: 'Choose a DOCX file…' }), docx);
    await expect(result.getByRole('alert')).toContainText('Unchanged, but the signer is not known');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
