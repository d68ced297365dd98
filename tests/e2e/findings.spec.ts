import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { checklistRow, createClient, planAudit } from './ui';

test.use({ locale: 'en-GB', timezoneId: 'Europe/Lisbon' });

const CLIENT = 'Nordlicht Logistik GmbH';
const TEAM = [
  { name: 'Maria Lopez', email: 'maria@example.com', role: 'Lead auditor' as const },
  { name: 'Tom Berg', email: '', role: 'Auditor' as const },
];

/** Fills a field once it is visible and focusable: the drawer slides in. */
async function fillWhenReady(field: Locator, value: string): Promise<void> {
  await expect(field).toBeVisible();
  await expect(field).toBeEditable();
  await field.fill(value);
}

async function pickRequirement(page: Page, scope: Locator, typed: string, option: string): Promise<void> {
  const input = scope.getByRole('combobox', { name: 'Requirements', exact: true });
  await input.click();
  await input.fill(typed);
  await page.getByRole('option', { name: option, exact: true }).click();
  await input.press('Escape');
}

test('a minor NC raised from a checklist item through its whole life; the Nonconformities list and its overdue filter', async ({
  page,
  appUrl,
}) => {
  test.setTimeout(150_000);
  const dir = await mkdtemp(join(tmpdir(), 'fieldwork-findings-'));
  try {
    const proof = join(dir, 'scope-statement-v3.txt');
    await writeFile(proof, 'ISMS scope v3, approved by the board, now naming the Hamburg depot.\n', 'utf8');

    await page.goto(appUrl);
    await createClient(page, CLIENT, [
      { name: 'Hamburg depot', address: 'Hafenstraße 12', headcount: 180, processes: 'Warehousing, IT' },
    ]);
    await planAudit(page, CLIENT, {
      type: 'Stage 2',
      scope: 'Warehouse management and supporting IT',
      start: '2026-03-02',
      end: '2026-03-04',
      team: TEAM,
    });
    await page.getByRole('button', { name: 'Start fieldwork' }).click();
    await expect(page.getByRole('button', { name: 'Start reporting' })).toBeVisible();

    await test.step('No findings yet: the empty state says how to raise one', async () => {
      await page.getByRole('tab', { name: 'Findings' }).click();
      await expect(page).toHaveURL(/#\/audits\/[\w-]+\/findings$/);
      await expect(page.getByRole('heading', { name: 'No findings yet' })).toBeVisible();
    });

    const itemFindings = page.getByRole('region', { name: 'Findings for this item' });
    const draft = page.getByRole('dialog', { name: 'Draft finding' });
    await test.step('Clause 4.3 marked Minor NC; "Raise finding" starts a draft with the requirement filled in', async () => {
      await page.getByRole('tab', { name: 'Checklist' }).click();
      await checklistRow(page, '4.3').focus();
      await expect(checklistRow(page, '4.3')).toHaveAttribute('aria-selected', 'true');
      await page.keyboard.press('3');
      await expect(checklistRow(page, '4.3').locator('[data-result]')).toHaveText('Minor NC');
      await expect(itemFindings.getByText('None raised yet.')).toBeVisible();
      await itemFindings.getByRole('button', { name: 'Raise finding' }).click();

      await expect(page).toHaveURL(/#\/audits\/[\w-]+\/findings\?open=/);
      await expect(draft).toBeVisible();
      await expect(draft.getByRole('radio', { name: 'Minor nonconformity' })).toBeChecked();
      await expect(draft.getByText('When to choose: Minor nonconformity')).toBeVisible();
      await expect(
        draft.getByText('Clause 4.3 Determining the scope of the information security management system', {
          exact: true,
        }),
      ).toBeVisible();
    });

    const nc = page.getByRole('dialog', { name: 'Finding NC-01' });
    await test.step('Statement and objective evidence, saved, then issued: it gets its number', async () => {
      await fillWhenReady(
        draft.getByLabel('Statement', { exact: true }),
        'The ISMS scope must name the locations covered; the approved scope statement omits the Hamburg depot.',
      );
      await fillWhenReady(
        draft.getByLabel('Objective evidence', { exact: true }),
        'Scope statement v2 of 2025-11-10 lists only the Bremen head office; the depot runs the WMS in scope.',
      );
      await draft.getByRole('button', { name: 'Save changes' }).click();
      await expect(page.getByText('Finding saved')).toBeVisible();
      await draft.getByRole('button', { name: 'Issue finding' }).click();

      await expect(nc).toBeVisible();
      await expect(nc.getByTestId('finding-number')).toHaveText('NC-01');
      // The closing meeting was the audit's last day and the response is long due.
      await expect(nc.getByText('Overdue', { exact: true })).toBeVisible();
    });

    await test.step('Closing now is refused, and the drawer says why', async () => {
      await nc.getByRole('button', { name: 'Close finding' }).click();
      const refusal = nc.getByRole('alert').filter({ hasText: 'The finding was not closed' });
      await expect(refusal).toBeVisible();
      await expect(refusal).toContainText('verified');
    });

    await test.step("The client's response, then accepted", async () => {
      const response = nc.getByRole('form', { name: 'Client response' });
      await fillWhenReady(response.getByLabel('Correction', { exact: true }), 'Scope statement reissued as v3.');
      await response.getByLabel('Root cause').fill('Scope not reviewed when the depot opened.');
      await response
        .getByLabel('Corrective action plan')
        .fill('Scope review added to the change procedure for new sites.');
      await response.getByLabel('Responsible person').fill('Jana Vogel');
      await response.getByRole('button', { name: 'Record client response' }).click();
      await expect(nc.getByRole('article', { name: 'Response 1' })).toContainText('Awaiting decision');
      await expect(nc.locator('[data-finding-status]')).toHaveText('Response received');
      await nc.getByRole('button', { name: 'Accept response' }).click();
      await expect(nc.getByRole('article', { name: 'Response 1' })).toContainText('Accepted');
      await expect(nc.locator('[data-finding-status]')).toHaveText('Response accepted');
    });

    await test.step('Verified with a file as evidence, then closed', async () => {
      const evidence = nc.getByRole('region', { name: 'Verification evidence' });
      await evidence.getByLabel('Attach files').setInputFiles(proof);
      await expect(evidence.getByTestId('attachment-tile').filter({ hasText: 'scope-statement-v3.txt' })).toBeVisible();
      const verification = nc.getByRole('form', { name: 'Verification' });
      await fillWhenReady(
        verification.getByLabel('Verification notes'),
        'Scope v3 names the depot; change procedure rev. 7 includes the scope review.',
      );
      await expect(verification.getByLabel('Verified by')).toHaveValue('Maria Lopez');
      await verification.getByRole('button', { name: 'Verify' }).click();
      await expect(nc.getByRole('article', { name: 'Verified' })).toContainText('Verified effective on');
      await nc.getByRole('button', { name: 'Close finding' }).click();
      await expect(nc.locator('[data-finding-status]')).toHaveText('Closed');
      await expect(nc.getByRole('button', { name: 'Close finding' })).toHaveCount(0);
    });

    await test.step('The history: who changed what, append-only', async () => {
      const history = nc.getByRole('region', { name: 'History' });
      const changes = history.getByRole('table', { name: 'Changes' }).locator('tbody tr');
      await expect.poll(() => changes.count()).toBeGreaterThanOrEqual(6);
      await expect(history).toContainText('Maria Lopez');
      await expect(history).toContainText('Statement');
      await expect(history).toContainText('NC-01');
      await expect(history).toContainText('Verified effective → Closed');
      const attached = changes.filter({ hasText: 'Verification attachment' });
      await expect(attached).toContainText('scope-statement-v3.txt (E-');
      await expect(attached).toContainText('Maria Lopez');
    });

    await test.step('Back on the list: NC-01 closed; a second minor NC started with the n key stays open', async () => {
      await nc.getByRole('button', { name: 'Close', exact: true }).first().click();
      await expect(nc).toBeHidden();
      const table = page.getByRole('table', { name: 'Findings' });
      await expect(table.locator('tbody tr')).toHaveCount(1);
      await expect(table.locator('tbody tr').first()).toContainText('Closed');
      await page.keyboard.press('n');
      const create = page.getByRole('dialog', { name: 'New finding' });
      await expect(create).toBeVisible();
      await pickRequirement(page, create, '5.15', 'A.5.15 Access control');
      await fillWhenReady(
        create.getByLabel('Statement', { exact: true }),
        'Leavers keep their WMS accounts for weeks.',
      );
      await create
        .getByLabel('Objective evidence', { exact: true })
        .fill('3 of 10 sampled leavers still active after 30 days.');
      await create.getByRole('button', { name: 'Create draft finding' }).click();
      const second = page.getByRole('dialog', { name: 'Draft finding' });
      await expect(second).toBeVisible();
      await second.getByRole('button', { name: 'Issue finding' }).click();
      await expect(page.getByRole('dialog', { name: 'Finding NC-02' })).toBeVisible();
      await page
        .getByRole('dialog', { name: 'Finding NC-02' })
        .getByRole('button', { name: 'Close', exact: true })
        .first()
        .click();
      await expect(table.locator('tbody tr')).toHaveCount(2);
      await expect(table.locator('tbody tr').filter({ hasText: 'NC-02' }).getByText('Overdue')).toBeVisible();
    });

    await test.step('The checklist item lists its finding', async () => {
      await page.getByRole('tab', { name: 'Checklist' }).click();
      await checklistRow(page, '4.3').click();
      await expect(itemFindings.getByRole('link', { name: 'NC-01' })).toBeVisible();
    });

    const ncList = page.getByRole('table', { name: 'Nonconformities and other findings' }).locator('tbody tr');
    await test.step('The Nonconformities page: both listed; "overdue" keeps only the open, late one', async () => {
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Nonconformities' }).click();
      await expect(ncList).toHaveCount(2);
      await expect(ncList.filter({ hasText: 'NC-01' })).toContainText(CLIENT);
      await page.getByLabel('Overdue only').check();
      await expect(ncList).toHaveCount(1);
      await expect(ncList.first()).toContainText('NC-02');
      await page.getByLabel('Requirement', { exact: true }).fill('4.3');
      await expect(page.getByRole('heading', { name: 'No finding matches these filters' })).toBeVisible();
      await page.getByLabel('Overdue only').uncheck();
      await expect(ncList).toHaveCount(1);
      await expect(ncList.first()).toContainText('NC-01');
    });

    await test.step('A row leads to the finding in its audit', async () => {
      await ncList.first().getByRole('link', { name: 'NC-01' }).click();
      await expect(page).toHaveURL(/#\/audits\/[\w-]+\/findings\?open=/);
      await expect(page.getByRole('dialog', { name: 'Finding NC-01' })).toBeVisible();
    });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
