import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import sharp from 'sharp';
import { expect, test } from './fixtures';
import { choose, createClient, planAudit } from './ui';

test.use({ locale: 'en-GB', timezoneId: 'Europe/Lisbon' });

const CLIENT = 'Atlântico Seguros SA';
const TEAM = [
  { name: 'Maria Lopez', email: 'maria@example.com', role: 'Lead auditor' as const },
  { name: 'Tom Berg', email: '', role: 'Auditor' as const },
];
const PHOTOS = [
  { name: 'entrance-badge-reader.jpg', colour: '#c0392b' },
  { name: 'server-room-door.jpg', colour: '#2e86c1' },
  { name: 'visitor-log.png', colour: '#27ae60' },
];
const PDF = 'access-control-policy.pdf';

/** A real, small PDF: one empty page, with a correct cross-reference table. */
function tinyPdf(): string {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>',
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const off of offsets) body += `${String(off).padStart(10, '0')} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return body;
}

/** Picks options of a Mantine MultiSelect by typing part of each and clicking the option. */
async function pickMany(page: Page, scope: Locator, label: string, picks: [typed: string, option: string][]) {
  const input = scope.getByRole('combobox', { name: label, exact: true });
  for (const [typed, option] of picks) {
    await input.click();
    await input.fill(typed);
    await page.getByRole('option', { name: option, exact: true }).click();
  }
  await input.press('Escape');
}

const tiles = (scope: Locator) => scope.getByTestId('attachment-tile');
const tile = (scope: Locator, name: string) => tiles(scope).filter({ hasText: name });

async function expectLoaded(img: Locator): Promise<void> {
  await expect(img).toBeVisible();
  await expect
    .poll(() =>
      img.evaluate((el) => {
        const image = el as { complete?: boolean; naturalWidth?: number };
        return image.complete ? (image.naturalWidth ?? 0) : 0;
      }),
    )
    .toBeGreaterThan(0);
}

test('interviews and observations linked to checklist items, with photos and a PDF, viewed, found by search', async ({
  page,
  appUrl,
}) => {
  test.setTimeout(150_000);
  const dir = await mkdtemp(join(tmpdir(), 'fieldwork-evidence-'));
  try {
    const files: string[] = [];
    for (const p of PHOTOS) {
      const path = join(dir, p.name);
      const image = sharp({ create: { width: 96, height: 64, channels: 3, background: p.colour } });
      await (p.name.endsWith('.png') ? image.png() : image.jpeg()).toFile(path);
      files.push(path);
    }
    const pdfPath = join(dir, PDF);
    await writeFile(pdfPath, tinyPdf(), 'latin1');
    files.push(pdfPath);

    await page.goto(appUrl);
    await createClient(page, CLIENT, [
      { name: 'Lisbon HQ', address: 'Avenida da Liberdade 10', headcount: 420, processes: 'Claims, IT' },
    ]);
    await planAudit(page, CLIENT, {
      type: 'Stage 2',
      scope: 'Claims handling and supporting IT',
      start: '2026-03-02',
      end: '2026-03-04',
      team: TEAM,
    });

    const interview = page.getByRole('dialog', { name: 'Interview with Ana Costa' });
    await test.step('An interview, started with the "n" key, linked to two checklist items', async () => {
      await page.getByRole('tab', { name: 'Interviews' }).click();
      await expect(page).toHaveURL(/#\/audits\/[\w-]+\/interviews$/);
      await expect(page.getByRole('heading', { name: 'No interviews recorded yet' })).toBeVisible();
      await page.keyboard.press('n');
      const create = page.getByRole('dialog', { name: 'New interview' });
      await expect(create).toBeVisible();
      await expect(create.getByText('Photos and files can be attached once the interview is created.')).toBeVisible();
      await create.getByLabel('Interviewee').fill('Ana Costa');
      await create.getByLabel('Role', { exact: true }).fill('IT security officer');
      await create.getByLabel('Department', { exact: true }).fill('Information Technology');
      // The audit was planned without sites in scope, so there is none to choose.
      await expect(create.getByRole('combobox', { name: 'Site', exact: true })).toHaveAttribute(
        'placeholder',
        'No sites in scope',
      );
      await create.getByLabel('Date and time').fill('2026-03-03T10:15');
      await pickMany(page, create, 'Auditors present', [['Maria', 'Maria Lopez']]);
      await pickMany(page, create, 'Requirements covered', [
        ['5.15', 'A.5.15 Access control'],
        ['Secure auth', 'A.8.5 Secure authentication'],
      ]);
      await create
        .getByLabel('Notes', { exact: true })
        .fill('Badge readers log every entry; tailgating drills run twice a year.');
      await create.getByRole('button', { name: 'Create interview' }).click();

      await expect(interview).toBeVisible();
      await expect(interview.getByLabel('Notes', { exact: true })).toHaveValue(/tailgating drills/);
    });

    const interviews = page.getByRole('table', { name: 'Interviews' });
    const row = interviews.locator('tbody tr').filter({ hasText: 'Ana Costa' });
    await test.step('Three photos and a PDF through the file chooser: four tiles, three real thumbnails', async () => {
      await interview.getByLabel('Attach files').setInputFiles(files);
      await expect(tiles(interview)).toHaveCount(4);
      await expect(interview.getByRole('heading', { name: 'Attachments (4)' })).toBeVisible();
      for (const p of PHOTOS) await expectLoaded(tile(interview, p.name).locator('img[data-thumbnail]'));
      await expect(tile(interview, PDF)).toBeVisible();
    });

    await test.step('The list behind the open drawer counts the new attachments (no reload, no callback)', async () => {
      await expect(interview).toBeVisible();
      await expect(row.getByLabel('4 attachments')).toBeAttached();
    });
    await test.step('A photo in the viewer, from its bytes; a description saved as typed', async () => {
      await interview.getByRole('button', { name: `View ${PHOTOS[0]?.name}` }).click();
      const viewer = page.getByRole('dialog', { name: PHOTOS[0]?.name });
      await expectLoaded(viewer.getByTestId('viewer-image'));
      await viewer.getByLabel('Description').fill('Reader at the staff entrance, ground floor');
      await expect(viewer.getByText('All changes saved')).toBeVisible();
      await page.keyboard.press('Escape');
      await expect(viewer).toBeHidden();
      await expect(interview).toBeVisible();

      // The PDF opens in the app too.
      await interview.getByRole('button', { name: `View ${PDF}` }).click();
      const pdfViewer = page.getByRole('dialog', { name: PDF });
      await expect(pdfViewer.getByTestId('viewer-pdf')).toHaveAttribute('src', /^blob:/);
      await page.keyboard.press('Escape');
      await expect(pdfViewer).toBeHidden();

      await page.keyboard.press('Escape');
      await expect(interview).toBeHidden();
      await expect(row).toContainText('3 Mar 2026, 10:15');
      await expect(row.locator('[data-requirement]')).toHaveText(['A.5.15', 'A.8.5']);
      await expect(row.getByLabel('4 attachments')).toBeVisible();
    });

    await test.step('An observation linked to two items, with one of the photos linked to it as well', async () => {
      await page.getByRole('tab', { name: 'Observations' }).click();
      await expect(page.getByRole('heading', { name: 'No observations recorded yet' })).toBeVisible();
      await page.getByRole('button', { name: 'New observation' }).first().click();
      const newObs = page.getByRole('dialog', { name: 'New observation' });
      await newObs.getByLabel('Location', { exact: true }).fill('Server room, basement');
      await newObs.getByLabel('Date and time').fill('2026-03-03T14:40');
      await pickMany(page, newObs, 'Requirements covered', [
        ['Physical entry', 'A.7.2 Physical entry'],
        ['5.15', 'A.5.15 Access control'],
      ]);
      await newObs.getByLabel('Description').fill('Server room door propped open with a chair');
      await newObs.getByRole('button', { name: 'Create observation' }).click();
      const observation = page.getByRole('dialog', { name: 'Observation of 3 Mar 2026, 14:40' });
      await expect(observation).toBeVisible();
      await observation.getByRole('button', { name: 'Link existing' }).click();
      const picker = page.getByRole('dialog', { name: 'Link attachments already in this audit' });
      await picker.getByLabel('Find').fill('server-room');
      await picker.getByRole('checkbox', { name: PHOTOS[1]?.name }).click();
      await picker.getByRole('button', { name: 'Link 1 attachment' }).click();
      await expect(picker).toBeHidden();
      await expect(tiles(observation)).toHaveCount(1);
      await expectLoaded(tile(observation, PHOTOS[1]?.name ?? '').locator('img[data-thumbnail]'));
      // The table behind the drawer already counts the linked photo.
      const obsTable = page.getByRole('table', { name: 'Observations' });
      await expect(obsTable.locator('tbody tr').getByLabel('1 attachment', { exact: true })).toBeAttached();
      await page.keyboard.press('Escape');
      await expect(observation).toBeHidden();
      const obsRow = page.getByRole('table', { name: 'Observations' }).locator('tbody tr');
      await expect(obsRow).toHaveCount(1);
      await expect(obsRow.locator('[data-requirement]')).toHaveText(['A.5.15', 'A.7.2']);
      await expect(obsRow.getByLabel('1 attachment', { exact: true })).toBeVisible();
    });

    await test.step('The evidence library: all four, with their links; a filter; the viewer from the address', async () => {
      await page.getByRole('tab', { name: 'Evidence' }).click();
      const library = page.getByRole('table', { name: 'Evidence' });
      await expect(library.locator('tbody tr')).toHaveCount(4);
      const shared = library.locator('tbody tr').filter({ hasText: PHOTOS[1]?.name ?? '' });
      await expect(shared).toContainText('Interview Ana Costa');
      await expect(shared).toContainText('Observation Server room door propped open with a chair');
      await expect(library).toContainText('Reader at the staff entrance, ground floor');
      await choose(page, page, 'Linked to', 'Observations');
      await expect(library.locator('tbody tr')).toHaveCount(1);
      await shared.getByRole('link', { name: PHOTOS[1]?.name }).click();
      await expect(page).toHaveURL(/\/evidence\?open=/);
      await expectLoaded(page.getByRole('dialog', { name: PHOTOS[1]?.name }).getByTestId('viewer-image'));
      await page.keyboard.press('Escape');
    });

    await test.step("Removing an attachment's last link asks first, then deletes it", async () => {
      await page.getByRole('tab', { name: 'Interviews' }).click();
      await interviews.getByRole('link', { name: 'Ana Costa' }).click();
      await expect(interview).toBeVisible();
      await interview.getByRole('button', { name: `Remove ${PDF}` }).click();
      const confirm = page.getByRole('dialog', { name: 'Delete this attachment?' });
      await expect(confirm).toContainText('is attached only to this interview');
      await confirm.getByRole('button', { name: 'Delete attachment' }).click();
      await expect(tiles(interview)).toHaveCount(3);
      await expect(row.getByLabel('3 attachments')).toBeAttached();
      await page.keyboard.press('Escape');
      await expect(interview).toBeHidden();
      await expect(row.getByLabel('3 attachments')).toBeVisible();
    });

    await test.step('Search: Ctrl+K, a word from the notes, Enter lands on the interview', async () => {
      await page.getByRole('tab', { name: 'Overview' }).click();
      await page.keyboard.press('Control+K');
      const search = page.getByPlaceholder('Search findings, notes, samples, interviews, documents, evidence…');
      await expect(search).toBeVisible();
      await search.fill('tailgating');
      await expect(page.locator('[data-hit-kind="interview"]').filter({ hasText: 'Ana Costa' })).toBeVisible();
      await search.press('Enter');
      await expect(page).toHaveURL(/#\/audits\/[\w-]+\/interviews\?open=/);
      await expect(interview).toBeVisible();
      await expect(interview.getByLabel('Notes', { exact: true })).toHaveValue(/tailgating drills/);
    });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('documents reviewed are noted without attachments; a closed audit shows its records read-only', async ({
  page,
  appUrl,
}) => {
  await page.goto(appUrl);
  await createClient(page, CLIENT, [
    { name: 'Porto', address: 'Rua de Santa Catarina 5', headcount: 90, processes: 'Call centre' },
  ]);
  await planAudit(page, CLIENT, {
    type: 'Stage 2',
    scope: 'Call centre operations',
    start: '2026-04-06',
    end: '2026-04-06',
    team: TEAM.slice(0, 1),
  });

  await page.getByRole('tab', { name: 'Documents' }).click();
  await expect(page.getByRole('heading', { name: 'No documents reviewed yet' })).toBeVisible();
  await page.getByRole('button', { name: 'New document' }).click();
  const create = page.getByRole('dialog', { name: 'New document reviewed' });
  // A required field left empty is named, and nothing is sent.
  await create.getByRole('button', { name: 'Create document' }).click();
  await expect(create.getByText('Name the document reviewed')).toBeVisible();
  await create.getByLabel('Title').fill('Access control policy');
  await create.getByLabel('Identifier').fill('ISMS-POL-009');
  await create.getByLabel('Version or revision').fill('3.1');
  await create.getByLabel('Document date').fill('2025-11-20');
  await create.getByLabel('Owner').fill('CISO');
  await pickMany(page, create, 'Requirements covered', [['5.15', 'A.5.15 Access control']]);
  await create.getByRole('button', { name: 'Create document' }).click();
  const doc = page.getByRole('dialog', { name: 'Access control policy' });
  await expect(doc).toBeVisible();
  await expect(doc.getByTestId('attachments-panel')).toHaveCount(0);
  await doc
    .getByLabel('Notes', { exact: true })
    .fill('Reviewed with the CISO; joiner-mover-leaver steps match the HR process.');
  await expect(doc.getByText('All changes saved')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(doc).toBeHidden();
  const docRow = page.getByRole('table', { name: 'Documents' }).locator('tbody tr');
  await expect(docRow).toContainText('ISMS-POL-009');
  await expect(docRow).toContainText('20 Nov 2025');
  await expect(docRow.locator('[data-requirement]')).toHaveText(['A.5.15']);

  // A change to the fields keeps the notes saved a moment ago (and vice versa).
  await docRow.getByRole('link', { name: 'Access control policy' }).click();
  await doc.getByLabel('Version or revision').fill('3.2');
  await expect(doc.getByText('Unsaved changes')).toBeVisible();
  await doc.getByRole('button', { name: 'Save changes' }).click();
  await expect(doc.getByText('Unsaved changes')).toBeHidden();
  await page.keyboard.press('Escape');
  await expect(doc).toBeHidden();
  await expect(docRow).toContainText('3.2');

  // --- Close the audit: everything stays visible, nothing can be added or changed.
  const actions = page.getByRole('main');
  await actions.getByRole('button', { name: 'Start fieldwork' }).click();
  await actions.getByRole('button', { name: 'Start reporting' }).click();
  await actions.getByRole('button', { name: 'Close audit' }).click();
  const closeDialog = page.getByRole('dialog', { name: 'Close this audit?' });
  await closeDialog.getByRole('button', { name: 'Close audit' }).click();
  // The completeness gates list what is missing; closing anyway takes a reason.
  await closeDialog.getByLabel('Reason for closing anyway').fill('Closed for the test with the checklist incomplete');
  await closeDialog.getByRole('button', { name: 'Close anyway' }).click();
  await expect(page.getByText('This audit is closed.')).toBeVisible();

  await page.getByRole('tab', { name: 'Documents' }).click();
  await expect(page.getByRole('button', { name: 'New document' })).toHaveCount(0);
  await page.keyboard.press('n');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await page.getByRole('table', { name: 'Documents' }).getByRole('link', { name: 'Access control policy' }).click();
  await expect(doc).toBeVisible();
  await expect(doc.getByLabel('Title')).toHaveAttribute('readonly', '');
  await expect(doc.getByLabel('Notes', { exact: true })).toHaveValue(/joiner-mover-leaver/);
  await expect(doc.getByLabel('Notes', { exact: true })).toHaveAttribute('readonly', '');
  await expect(doc.getByRole('button', { name: /Save changes|Delete document/ })).toHaveCount(0);
  await page.keyboard.press('Escape');
  await expect(doc).toBeHidden();

  await page.getByRole('tab', { name: 'Interviews' }).click();
  await expect(page.getByText('This audit is closed; no interviews were recorded.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'New interview' })).toHaveCount(0);
  await page.getByRole('tab', { name: 'Evidence' }).click();
  await expect(page.getByText('This audit is closed; no files were attached to it.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Add files' })).toHaveCount(0);
});
