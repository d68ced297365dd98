import type { Locator } from '@playwright/test';
import { expect, test } from './fixtures';
import { checklistRow, choose } from './ui';

test.use({ locale: 'en-GB', timezoneId: 'Europe/Dublin' });

type Served = { origin: string; token: string };

/** One operation over the preview host's API, as the page itself calls it; throws on a refusal. */
async function call<T = { id: string }>(served: Served, op: string, input: object): Promise<T> {
  const res = await fetch(`${served.origin}/api/${op}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Fieldwork-Token': served.token },
    body: JSON.stringify(input),
  });
  const body = (await res.json()) as { ok: boolean; value?: T; error?: { message: string } };
  if (!body.ok || body.value === undefined) throw new Error(`${op}: ${body.error?.message ?? res.status}`);
  return body.value;
}

async function fillWhenReady(field: Locator, value: string): Promise<void> {
  await expect(field).toBeVisible();
  await expect(field).toBeEditable();
  await field.fill(value);
}

/**
 * The audit method end to end, in one audit (issue 16's journey; ISO/IEC
 * 17021-1 9.2.3, 9.4.6–9.4.9, 9.5): the plan and its timetable, shown on the
 * checklist item it plans; the opening meeting; checklist results and a
 * finding; the closing meeting; the gates listed on the Report tab; the report
 * issued through the dialog with a typed reason for the gaps left open; the
 * finding under its prefixed number in the register; then the technical review
 * and the decision, refused to a member of the audit team.
 */
test('audit method: plan → opening meeting → checklist → finding → closing meeting → gates → issue → review and decision', async ({
  page,
  appUrl,
  served,
}) => {
  test.setTimeout(360_000);
  const api = served.current;
  const client = await call<{ id: string; sites: { id: string }[] }>(api, 'clients.create', {
    name: 'Brennan Logistics Ltd',
    sites: [{ name: 'Dublin depot', address: 'North Wall Quay 1', headcount: 140, processes: 'Warehousing' }],
  });
  const audit = await call(api, 'audits.create', {
    clientId: client.id,
    type: 'stage2',
    scope: 'Warehouse management and supporting IT',
    siteIds: [client.sites[0]!.id],
    startDate: '2026-03-02',
    endDate: '2026-03-04',
    team: [
      { name: 'Maria Lopez', email: 'maria@cb.example', role: 'lead_auditor' },
      { name: 'Tom Berg', role: 'auditor' },
    ],
  });
  await page.goto(`${appUrl}#/audits/${audit.id}/plan`);

  await test.step('The plan: objectives, scope and criteria saved to the audit', async () => {
    // The first screen of a fresh preview host: its chunks load first (seconds on a busy machine).
    await expect(page.getByRole('heading', { name: 'Audit plan' })).toBeVisible({ timeout: 60_000 });
    await page.getByLabel('Objectives').fill('Decide whether to recommend certification');
    await page.getByLabel('Criteria').fill('ISO/IEC 27001:2022; Statement of Applicability v2');
    await page.getByLabel('Arrangements').fill('Visitor badges at reception');
    await page.getByRole('button', { name: 'Save plan' }).click();
    await expect(page.getByText('Plan saved')).toBeVisible();
  });

  await test.step('A session of the timetable, with the checklist item it covers', async () => {
    await page.getByRole('button', { name: 'Add session' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add session' });
    await dialog.getByLabel('Day').fill('2026-03-03');
    await dialog.getByLabel('Starts').fill('10:00');
    await dialog.getByLabel('Ends').fill('12:00');
    await dialog.getByLabel('Process or requirements').fill('Identity and access management');
    await dialog.getByLabel('Auditee').fill('IT manager');
    await choose(page, dialog, 'Auditor', 'Tom Berg');
    await choose(page, dialog, 'Site', 'Dublin depot');
    await dialog.getByRole('combobox', { name: 'Checklist items covered' }).fill('A.5.15');
    await page.getByRole('option', { name: /A\.5\.15/ }).click();
    await page.keyboard.press('Escape');
    await dialog.getByRole('button', { name: 'Add session' }).click();
    await expect(dialog).toBeHidden();
    const row = page.getByRole('table', { name: 'Timetable' }).locator('tbody tr');
    await expect(row).toHaveCount(1);
    await expect(row).toContainText('Identity and access management');
    await expect(row).toContainText('A.5.15');
    await expect(row).toContainText('Tom Berg');
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download plan (DOCX)' }).click();
    expect((await download).suggestedFilename()).toMatch(/Brennan Logistics Ltd Stage 2 Audit plan\.docx$/);
  });

  await test.step('The checklist item shows where the plan expects it', async () => {
    await page.getByRole('tab', { name: 'Checklist' }).click();
    await checklistRow(page, 'A.5.15').click();
    await expect(page.locator('[data-planned]')).toHaveText(
      'Planned: 2026-03-03 10:00–12:00 · Identity and access management (Tom Berg)',
    );
    await page.getByRole('tab', { name: 'Plan' }).click();
  });

  await test.step('The opening meeting: attendees and what was confirmed', async () => {
    const opening = page.getByRole('region', { name: 'Opening meeting' });
    await opening.getByLabel('Opening meeting attendee 1 name').fill('Sean Brennan');
    await opening.getByLabel('Opening meeting attendee 1 role').fill('Managing director');
    await opening.getByLabel('Opening meeting attendee 1 organisation').fill('Brennan Logistics Ltd');
    await opening.getByLabel('Audit plan confirmed').check();
    await opening.getByLabel('Confidentiality explained').check();
    await opening.getByRole('button', { name: 'Record opening meeting' }).click();
    await expect(page.getByText('Opening meeting recorded')).toBeVisible();
  });

  await test.step('Checklist results: fieldwork starts, A.5.15 is a minor nonconformity, A.5.16 conforms', async () => {
    await page.getByRole('button', { name: 'Start fieldwork' }).click();
    await expect(page.getByRole('button', { name: 'Start reporting' })).toBeVisible();
    await page.getByRole('tab', { name: 'Checklist' }).click();
    await checklistRow(page, 'A.5.16').focus();
    await expect(checklistRow(page, 'A.5.16')).toHaveAttribute('aria-selected', 'true');
    await page.keyboard.press('1');
    await expect(checklistRow(page, 'A.5.16').locator('[data-result]')).toHaveText('Conforming');
    await checklistRow(page, 'A.5.15').focus();
    await expect(checklistRow(page, 'A.5.15')).toHaveAttribute('aria-selected', 'true');
    await page.keyboard.press('3');
    await expect(checklistRow(page, 'A.5.15').locator('[data-result]')).toHaveText('Minor NC');
  });

  await test.step('The finding, raised from the item and issued as NC-01', async () => {
    const itemFindings = page.getByRole('region', { name: 'Findings for this item' });
    await itemFindings.getByRole('button', { name: 'Raise finding' }).click();
    const draft = page.getByRole('dialog', { name: 'Draft finding' });
    await expect(draft).toBeVisible();
    await fillWhenReady(
      draft.getByLabel('Statement', { exact: true }),
      'Access rights are to be reviewed each quarter; the warehouse system had no review in 2025.',
    );
    await fillWhenReady(
      draft.getByLabel('Objective evidence', { exact: true }),
      'WMS user list of 2026-03-03: 14 accounts, last review record dated 2024-11-02.',
    );
    await draft.getByRole('button', { name: 'Save changes' }).click();
    await expect(page.getByText('Finding saved')).toBeVisible();
    await draft.getByRole('button', { name: 'Issue finding' }).click();
    const nc = page.getByRole('dialog', { name: 'Finding NC-01' });
    await expect(nc.getByTestId('finding-number')).toHaveText('NC-01');
    await page.keyboard.press('Escape');
    await expect(nc).toBeHidden();
  });

  await test.step('The closing meeting, the findings presented and acknowledged', async () => {
    await page.getByRole('tab', { name: 'Plan' }).click();
    const closing = page.getByRole('region', { name: 'Closing meeting' });
    await closing.getByLabel('Closing meeting attendee 1 name').fill('Sean Brennan');
    await closing.getByLabel('Findings presented').fill('One minor nonconformity on access reviews.');
    await closing.getByLabel("Client's acknowledgement").fill('Understood and accepted.');
    await closing.getByRole('button', { name: 'Record closing meeting' }).click();
    await expect(closing.getByRole('alert')).toContainText('Say who acknowledged the findings');
    await closing.getByLabel('Acknowledged by').fill('Sean Brennan');
    await closing.getByRole('button', { name: 'Record closing meeting' }).click();
    await expect(page.getByText('Closing meeting recorded')).toBeVisible();
    await expect(closing.getByLabel('Held on')).toHaveValue('2026-03-04');
  });

  await test.step('The Report tab lists the gates still open; issuing with them needs a typed reason', async () => {
    await call(api, 'branding.update', { name: 'Example Certification Ltd', reportNumberPattern: 'EC-{year}-{seq}' });
    await call(api, 'signing.create', {
      name: 'Maria Lopez',
      validityDays: 365,
      keyAlgorithm: 'ecdsa-p256',
      protection: { kind: 'passphrase', passphrase: 'method-passphrase' },
    });
    await page.getByRole('tab', { name: 'Report' }).click();
    const gaps = page.getByRole('alert').filter({ hasText: 'What the report still lacks' });
    await expect(gaps).toContainText('checklist items have no result (2 of');
    await expect(gaps).toContainText("The team's recommendation has not been confirmed yet (Cycle tab).");

    await page.getByRole('button', { name: 'Issue and sign…' }).click();
    const issue = page.getByRole('dialog', { name: 'Issue and sign' });
    await issue.getByLabel('Passphrase').fill('method-passphrase');
    await issue.getByRole('button', { name: 'Issue and sign' }).click();
    // The backend refuses and names the gaps; the dialog lists them and asks why.
    const refused = issue.getByRole('alert').filter({ hasText: 'The audit is not ready for its report' });
    await expect(refused).toContainText('checklist items have no result');
    const reason = issue.getByLabel(/Reason for issuing anyway/);
    await expect(reason).toBeFocused();
    await issue.getByRole('button', { name: 'Issue anyway' }).click();
    await expect(issue.getByText('Say why the report is issued with these gaps open')).toBeVisible();
    await reason.fill(
      'Client asked for the report of the two processes audited; the rest is sampled at Stage 2 part 2.',
    );
    await issue.getByRole('button', { name: 'Issue anyway' }).click();
    await expect(issue).toBeHidden({ timeout: 120_000 });
    const versions = page.getByRole('table', { name: 'Issued versions' });
    await expect(versions.getByRole('row').filter({ hasText: 'Audit report' })).toContainText('Maria Lopez');
  });

  await test.step("The register shows the finding with its audit's prefix", async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Nonconformities' }).click();
    const rows = page.getByRole('table', { name: 'Nonconformities and other findings' }).locator('tbody tr');
    const row = rows.filter({ hasText: 'Brennan Logistics Ltd' });
    await expect(row.getByRole('link', { name: 'ST2-NC-01', exact: true })).toBeVisible();
    await page.goto(`${appUrl}#/audits/${audit.id}/cycle`);
  });

  await test.step('After the report is issued: the review and the decision, never by the audit team', async () => {
    await expect(page.getByRole('tab', { name: 'Cycle' })).toHaveAttribute('aria-selected', 'true');
    const panel = page.getByRole('region', { name: 'Technical review and certification decision' });
    await expect(panel).toContainText('version 1');
    await panel.getByLabel('Reviewer', { exact: true }).fill('Tom Berg');
    await panel.getByRole('button', { name: 'Record review' }).click();
    await expect(panel.getByRole('alert')).toContainText("Tom Berg is on this audit's team");
    await panel.getByLabel('Reviewer', { exact: true }).fill('Rita Reviewer');
    await panel.getByRole('button', { name: 'Record review' }).click();
    await expect(panel.getByLabel('Recorded review')).toContainText('Reviewed by Rita Reviewer');

    await choose(page, panel, 'Decision', 'Certification not granted');
    await panel.getByLabel('Decided by').fill('Dora Decider');
    await panel.getByRole('button', { name: 'Record decision' }).click();
    await expect(panel.getByLabel('Recorded review')).toContainText(
      'Decision: Certification not granted by Dora Decider',
    );
    await expect(panel.getByRole('button', { name: 'Record decision' })).toHaveCount(0);
  });
});
