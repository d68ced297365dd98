import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import forge from 'node-forge';
import sharp from 'sharp';
import { CLI, REPO_ROOT } from '../helpers/serve';
import { go } from './demo-walk';
import { expect, test } from './fixtures';
import { choose, nav, pick } from './ui';

test.use({ locale: 'en-GB', timezoneId: 'Europe/Lisbon' });

test("certification body: saved with a PNG logo and German for new audits' reports; a file that is not an image and a 3 MB one are refused at the field", async ({
  page,
  appUrl,
}) => {
  const dir = await mkdtemp(join(tmpdir(), 'fieldwork-brand-'));
  try {
    const logo = join(dir, 'logo.png');
    await sharp({ create: { width: 120, height: 60, channels: 3, background: '#1F4E79' } })
      .png()
      .toFile(logo);
    const notImage = join(dir, 'logo-notes.png');
    await writeFile(notImage, 'This is a text file wearing a .png name.\n', 'utf8');
    const huge = join(dir, 'huge.png');
    await writeFile(huge, Buffer.alloc(3 * 1024 * 1024, 1));

    await page.goto(appUrl);
    await nav(page, 'Certification body').click();
    await expect(page.getByRole('heading', { name: 'Certification body', level: 2 })).toBeVisible();

    const form = page.getByRole('form', { name: 'Certification body' });
    await form.getByLabel('Name').fill('Nordsee Certification GmbH');
    await form.getByLabel('Address').fill('Am Sandtorkai 1\n20457 Hamburg');
    await form.getByLabel('Report number pattern').fill('NC-{year}-{seq}');
    await expect(page.getByTestId('report-number-example')).toHaveText(`NC-${new Date().getFullYear()}-0042`);
    // Its clients read German: new audits' reports start in it.
    await choose(page, form, 'Report language of new audits', 'Deutsch');
    await form.getByRole('button', { name: 'Save certification body' }).click();
    await expect(page.getByText('Certification body saved')).toBeVisible();

    // A pattern without {seq} is refused next to the field.
    await form.getByLabel('Report number pattern').fill('NC-{year}');
    await form.getByRole('button', { name: 'Save certification body' }).click();
    await expect(form.getByText('The report number pattern needs {seq}', { exact: false })).toBeVisible();

    const logoField = page.getByRole('button', { name: 'Logo', exact: true });
    await pick(page, logoField, notImage);
    await expect(page.getByText('The logo is not an image Fieldwork can use', { exact: false })).toBeVisible();
    await expect(page.getByRole('img', { name: 'Saved logo' })).toHaveCount(0);

    await pick(page, logoField, huge);
    await expect(page.getByText('huge.png is 3 MB; logos and marks can be at most 2 MB.')).toBeVisible();

    await pick(page, logoField, logo);
    await expect(page.getByRole('img', { name: 'Saved logo' })).toBeVisible();
    await expect(page.getByText('120 × 60 px', { exact: false })).toBeVisible();

    // Saved for real: a reload shows the same name and logo.
    await page.reload();
    await expect(page.getByRole('form', { name: 'Certification body' }).getByLabel('Name')).toHaveValue(
      'Nordsee Certification GmbH',
    );
    await expect(page.getByRole('img', { name: 'Saved logo' })).toBeVisible();
    await expect(
      page
        .getByRole('form', { name: 'Certification body' })
        .getByRole('combobox', { name: 'Report language of new audits' }),
    ).toHaveValue('Deutsch');
    // A new audit's form starts with the certification body's report language.
    await go(page, '/audits/new');
    await expect(page.getByRole('combobox', { name: 'Report language', exact: true })).toHaveValue('Deutsch');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('signing identity with a passphrase; the report of an audit with findings exported with progress, one export cancelled, issued and signed, verified and downloaded; the copy checked on Check a document, a changed copy caught', async ({
  page,
  appUrl,
  dataDir,
}) => {
  test.setTimeout(180_000);
  await page.goto(appUrl);
  await test.step('A signing identity: differing passphrases refused, then created, self-issued, under a passphrase', async () => {
    await nav(page, 'Signing identities').click();
    await expect(page.getByRole('heading', { name: 'No signing identities yet' })).toBeVisible();
    await page.getByRole('button', { name: 'Create identity' }).click();
    const create = page.getByRole('dialog', { name: 'Create signing identity' });
    await expect(create.getByLabel('Name')).toBeFocused();
    await create.getByLabel('Name').fill('Amelia Hartmann');
    await create.getByLabel('E-mail').fill('a.hartmann@cb.example');
    await create.getByLabel('Organisation').fill('Nordsee Certification GmbH');
    await create.getByRole('textbox', { name: 'Passphrase', exact: true }).fill('correct horse battery');
    await create.getByLabel('Confirm passphrase').fill('correct horse batery');
    await create.getByRole('button', { name: 'Create identity' }).click();
    await expect(create.getByText('The two passphrases differ')).toBeVisible();
    await create.getByLabel('Confirm passphrase').fill('correct horse battery');
    await create.getByLabel('Confirm passphrase').press('Enter');
    await expect(create).toBeHidden();
    const identities = page.getByRole('table', { name: 'Signing identities' });
    const row = identities.getByRole('row').filter({ hasText: 'Amelia Hartmann' });
    await expect(row).toContainText('Self-issued');
    await expect(row).toContainText('Passphrase');
    await expect(row).not.toContainText('Expired');
  });

  await test.step('The demo data, and the certification body every report names', async () => {
    // The demo fills the data folder the server runs on (it holds no client yet).
    const demo = spawnSync(process.execPath, [CLI, 'demo', '--data-dir', dataDir], {
      cwd: REPO_ROOT,
      encoding: 'utf8',
    });
    expect(demo.status, demo.stderr).toBe(0);
    await page.reload();

    // Every report names its certification body.
    await nav(page, 'Certification body').click();
    const body = page.getByRole('form', { name: 'Certification body' });
    await body.getByLabel('Name').fill('Nordsee Certification GmbH');
    await body.getByRole('button', { name: 'Save certification body' }).click();
    await expect(page.getByText('Certification body saved')).toBeVisible();
  });

  const details = page.getByRole('form', { name: 'Report details' });
  await test.step('The Surveillance 1 audit of the certified demo client has issued findings', async () => {
    await nav(page, 'Audits').click();
    await page
      .getByRole('row')
      .filter({ hasText: 'Havelwerk Medical Supplies GmbH' })
      .filter({ hasText: 'Surveillance 1' })
      .getByRole('link')
      .click();
    await page.getByRole('tab', { name: 'Report' }).click();
    await expect(page).toHaveURL(/#\/audits\/[\w-]+\/report$/);
    await expect(page.getByRole('heading', { name: 'Gaps' })).toBeVisible();
    await expect(page.getByText('Nothing issued yet.', { exact: false })).toBeVisible();

    await details.getByLabel('Sampling').fill('Six of 41 servers for patching; three joiners and two leavers.');
    await details.getByRole('button', { name: 'Save report details' }).click();
    await expect(page.getByText('Report details saved')).toBeVisible();
  });

  const progress = page.getByRole('group', { name: 'Export in progress' });
  await test.step('A draft export shows its progress and arrives as a download', async () => {
    const draft = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download report (DOCX)' }).click();
    await expect(progress).toBeVisible();
    await expect(progress.getByRole('progressbar')).toHaveAttribute('aria-valuenow', /\d+/);
    const draftFile = await (await draft).path();
    expect((await readFile(draftFile)).subarray(0, 2).toString('latin1')).toBe('PK');
    await expect(progress).toBeHidden();
  });

  await test.step('Another one, cancelled while it runs: nothing is downloaded', async () => {
    await page.getByRole('button', { name: 'Download report (DOCX)' }).click();
    await progress.getByRole('button', { name: 'Cancel', exact: true }).click();
    await expect(page.getByText('Export cancelled. Nothing was saved.')).toBeVisible();
  });

  const signedCopy =
    await test.step("Issue and sign: the lead auditor's identity is preselected; a wrong passphrase is refused at the field", async () => {
      await page.getByRole('button', { name: 'Issue and sign…' }).click();
      const issue = page.getByRole('dialog', { name: 'Issue and sign' });
      // The lead auditor's identity is offered; ours is picked by its organisation (the demo may hold one of its own).
      await expect(issue.getByRole('combobox', { name: 'Signing identity' })).toHaveValue(
        /^Amelia Hartmann \(Lead auditor/,
      );
      await choose(page, issue, 'Signing identity', 'Amelia Hartmann (Lead auditor, Nordsee Certification GmbH)');
      await issue.getByLabel('Passphrase').fill('not the passphrase');
      await issue.getByRole('button', { name: 'Issue and sign' }).click();
      // The Surveillance 1 is in progress: the backend lists the gaps and asks why it is issued anyway.
      await expect(issue.getByRole('alert')).toContainText('The audit is not ready for its report');
      await expect(issue.getByLabel(/Reason for issuing anyway/)).toBeFocused();
      await issue.getByLabel(/Reason for issuing anyway/).fill('Interim report asked for by the client');
      await issue.getByRole('button', { name: 'Issue anyway' }).click();
      await expect(issue.getByLabel('Passphrase')).toHaveAccessibleDescription(
        'The passphrase is wrong. Nothing was signed.',
      );
      await issue.getByLabel('Passphrase').fill('correct horse battery');
      await issue.getByLabel('Passphrase').press('Enter');
      await expect(issue).toBeHidden({ timeout: 60_000 });

      const versions = page.getByRole('table', { name: 'Issued versions' });
      const v1 = versions.getByRole('row').filter({ hasText: 'Audit report' });
      await expect(v1).toContainText('Amelia Hartmann');
      await expect(v1).toContainText('Current');

      await versions.getByRole('button', { name: 'Verify Audit report version 1' }).click();
      await expect(versions.getByText('Signature valid — signed by Amelia Hartmann', { exact: false })).toBeVisible();

      const issued = page.waitForEvent('download');
      await versions.getByRole('button', { name: 'Download Audit report version 1' }).click();
      const download = await issued;
      expect(download.suggestedFilename()).toMatch(/\.docx$/);
      expect((await readFile(await download.path())).subarray(0, 2).toString('latin1')).toBe('PK');

      // A later change to the report's content is announced: issuing again makes version 2.
      await expect(page.getByText('The audit changed since version 1 was issued')).toHaveCount(0);
      await details.getByLabel('Unresolved issues').fill('None: the client accepted every finding.');
      await details.getByRole('button', { name: 'Save report details' }).click();
      await expect(
        page.getByText('The audit changed since version 1 was issued; issuing again creates version 2.'),
      ).toBeVisible();
      return download;
    });

  await test.step('The file as the client received it, checked on "Check a document"; then a copy changed in Word\'s XML', async () => {
    const received = await signedCopy.path();
    await nav(page, 'Check a document').click();
    await expect(page.getByText('No document checked yet.')).toBeVisible();
    const chooseFile = page.getByRole('button', { name: 'Choose a DOCX file…' });
    await pick(page, chooseFile, received);
    const result = page.getByRole('region', { name: 'Check result' });
    await expect(result).toContainText('Signature valid — signed by Amelia Hartmann');
    await expect(result.getByRole('status').filter({ hasText: 'Issued from this data folder' })).toContainText(
      'Audit report version 1',
    );
    await expect(result).toContainText('It is the current version.');

    const zip = await JSZip.loadAsync(await readFile(received));
    const xml = await zip.file('word/document.xml')!.async('string');
    zip.file('word/document.xml', xml.replace('Sign-off', 'Sign off'));
    const tampered = join(tmpdir(), `fieldwork-tampered-${Date.now()}.docx`);
    await writeFile(tampered, await zip.generateAsync({ type: 'nodebuffer' }));
    try {
      await pick(page, chooseFile, tampered);
      await expect(result.getByRole('alert')).toContainText('Signature not valid');
      await expect(result.getByRole('alert')).toContainText('word/document.xml');
      await expect(result).toContainText('not a version issued from this data folder');

      // A 9 MB copy, picked under the same name again, travels in several chunks within the preview host's
      // request limit; its signature part removed, the check names it.
      zip.remove('_xmlsignatures/sig1.xml');
      zip.file('word/media/large.bin', randomBytes(9 * 1024 * 1024));
      await writeFile(tampered, await zip.generateAsync({ type: 'nodebuffer', compression: 'STORE' }));
      await pick(page, chooseFile, tampered);
      await expect(result).toContainText(/· 9\.\d MB/);
      await expect(result.getByRole('alert')).toContainText('_xmlsignatures/sig1.xml is missing');
    } finally {
      await rm(tampered, { force: true });
    }
  });
});

/** A PKCS#12 file whose certificate expired in 2021, as an old CA-issued certificate would be. */
function expiredPkcs12(name: string, password: string): Buffer {
  const keys = forge.pki.rsa.generateKeyPair(2048);
  const cert = forge.pki.createCertificate();
  cert.publicKey = keys.publicKey;
  cert.serialNumber = '0a1b2c3d';
  cert.validity.notBefore = new Date('2019-01-01T00:00:00Z');
  cert.validity.notAfter = new Date('2021-01-01T00:00:00Z');
  const subject = [{ name: 'commonName', value: name }];
  cert.setSubject(subject);
  cert.setIssuer([{ name: 'commonName', value: 'Old Test CA' }]);
  cert.sign(keys.privateKey, forge.md.sha256.create());
  const p12 = forge.pkcs12.toPkcs12Asn1(keys.privateKey, [cert], password, { algorithm: '3des' });
  return Buffer.from(forge.asn1.toDer(p12).getBytes(), 'binary');
}

test('an imported PKCS#12 with an expired certificate: badged Expired, and signing needs an explicit confirmation', async ({
  page,
  appUrl,
  dataDir,
}) => {
  test.setTimeout(180_000);
  const dir = await mkdtemp(join(tmpdir(), 'fieldwork-p12-'));
  try {
    const p12 = join(dir, 'amelia-2019.p12');
    await writeFile(p12, expiredPkcs12('Amelia Hartmann', 'file-pass'));
    const demo = spawnSync(process.execPath, [CLI, 'demo', '--data-dir', dataDir], {
      cwd: REPO_ROOT,
      encoding: 'utf8',
    });
    expect(demo.status, demo.stderr).toBe(0);

    await page.goto(appUrl);
    await nav(page, 'Certification body').click();
    const body = page.getByRole('form', { name: 'Certification body' });
    await body.getByLabel('Name').fill('Nordsee Certification GmbH');
    await body.getByRole('button', { name: 'Save certification body' }).click();
    await expect(page.getByText('Certification body saved')).toBeVisible();

    await nav(page, 'Signing identities').click();
    await page.getByRole('button', { name: 'Import PKCS#12' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'Import PKCS#12 certificate' });
    await pick(page, dialog.getByRole('button', { name: 'Certificate file' }), p12);
    await dialog.getByLabel('File password').fill('file-pass');
    await dialog.getByRole('textbox', { name: 'Passphrase', exact: true }).fill('old but gold 2019');
    await dialog.getByLabel('Confirm passphrase').fill('old but gold 2019');
    await dialog.getByRole('button', { name: 'Import' }).click();
    // Expired: imported only after an explicit confirmation, as signing with it is.
    await expect(dialog.getByRole('alert')).toContainText('This certificate expired on 2021-01-01');
    await expect(dialog.getByRole('button', { name: 'Import' })).toBeDisabled();
    await dialog.getByLabel('Import the expired certificate anyway').check();
    await dialog.getByRole('button', { name: 'Import' }).click();
    await expect(dialog).toBeHidden();
    // The demo's lead auditor has an identity of her own; ours is the imported one.
    const row = page
      .getByRole('table', { name: 'Signing identities' })
      .getByRole('row')
      .filter({ hasText: 'Amelia Hartmann' })
      .filter({ hasText: 'Imported' });
    await expect(row).toContainText('Expired');
    await expect(row).toContainText('1 Jan 2021');

    await nav(page, 'Audits').click();
    await page
      .getByRole('row')
      .filter({ hasText: 'Havelwerk Medical Supplies GmbH' })
      .filter({ hasText: 'Surveillance 1' })
      .getByRole('link')
      .click();
    await page.getByRole('tab', { name: 'Report' }).click();
    await page.getByRole('button', { name: 'Issue and sign…' }).click();
    const issue = page.getByRole('dialog', { name: 'Issue and sign' });
    const identity = issue.getByRole('combobox', { name: 'Signing identity' });
    await identity.click();
    await page.getByRole('option', { name: /^Amelia Hartmann .*expired$/ }).click();
    await expect(identity).toHaveValue(/expired$/);
    await issue.getByLabel('Passphrase').fill('old but gold 2019');
    await issue.getByRole('button', { name: 'Issue and sign' }).click();
    await issue.getByLabel(/Reason for issuing anyway/).fill('Interim report asked for by the client');
    await issue.getByRole('button', { name: 'Issue anyway' }).click();

    // Refused until confirmed; nothing issued meanwhile.
    await expect(issue.getByText('expired on 2021-01-01', { exact: false })).toBeVisible();
    await expect(issue.getByRole('button', { name: 'Sign anyway' })).toBeDisabled();
    await expect(page.getByText('Nothing issued yet.', { exact: false })).toBeAttached();
    await issue.getByRole('checkbox', { name: 'Sign with the expired certificate anyway' }).check();
    await issue.getByRole('button', { name: 'Sign anyway' }).click();
    await expect(issue).toBeHidden({ timeout: 60_000 });
    const versions = page.getByRole('table', { name: 'Issued versions' });
    await expect(versions.getByRole('row').filter({ hasText: 'Audit report' })).toContainText('Amelia Hartmann');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
