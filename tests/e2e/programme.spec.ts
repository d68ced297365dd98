import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { checklistRow, createClient, planAudit } from './ui';

test.use({ locale: 'en-GB', timezoneId: 'Europe/Dublin' });

const CLIENT = 'Brennan Logistics Ltd';
const TEAM = [
  { name: 'Maria Lopez', email: 'maria@example.com', role: 'Lead auditor' as const },
  { name: 'Tom Berg', email: '', role: 'Auditor' as const },
];
const STATEMENT = 'Corrective actions from the 2025 internal audit were closed without checking they worked.';

const auditIdIn = (page: Page): string => /#\/audits\/([\w-]+)/.exec(page.url())?.[1] ?? '';

/** Fills a field once it is visible and editable: the finding drawer slides in. */
async function fillWhenReady(field: Locator, value: string): Promise<void> {
  await expect(field).toBeVisible();
  await expect(field).toBeEditable();
  await field.fill(value);
}

test('certification programme: dates and due audits, next audit planned from a closed Stage 2 with its open finding carried, compared, recommended', async ({
  page,
  appUrl,
}) => {
  test.setTimeout(150_000);
  await page.goto(appUrl);
  await createClient(page, CLIENT, [
    { name: 'Dublin depot', address: 'North Wall Quay 1', headcount: 140, processes: 'Warehousing, IT' },
  ]);
  await planAudit(page, CLIENT, {
    type: 'Stage 2',
    scope: 'Warehouse management and supporting IT',
    start: '2026-03-02',
    end: '2026-03-04',
    team: TEAM,
  });
  const stage2 = auditIdIn(page);

  await test.step("A new client's first audit has nothing to compare with and no carried findings", async () => {
    await page.getByRole('tab', { name: 'Cycle' }).click();
    await expect(page).toHaveURL(/#\/audits\/[\w-]+\/cycle$/);
    await expect(page.getByText('No findings from earlier audits are waiting to be verified here.')).toBeVisible();
    await expect(page.getByText('No earlier audit of this client used the same checklist')).toBeVisible();
  });

  const number = 'NC-01';
  await test.step('Fieldwork: two results on the checklist, and a minor NC that stays open', async () => {
    await page.getByRole('button', { name: 'Start fieldwork' }).click();
    await expect(page.getByText('Audit is now in progress')).toBeVisible();
    await page.getByRole('tab', { name: 'Checklist' }).click();
    await checklistRow(page, '9.2.1').focus();
    await page.keyboard.press('1');
    await expect(checklistRow(page, '9.2.1').locator('[data-result]')).toHaveText('Conforming');
    await checklistRow(page, '10.2').focus();
    await page.keyboard.press('3');
    await expect(checklistRow(page, '10.2').locator('[data-result]')).toHaveText('Minor NC');
    // Raised from the item and issued; it stays open (no client response yet).
    await page
      .getByRole('region', { name: 'Findings for this item' })
      .getByRole('button', { name: 'Raise finding' })
      .click();
    const draft = page.getByRole('dialog', { name: 'Draft finding' });
    await fillWhenReady(draft.getByLabel('Statement'), STATEMENT);
    await fillWhenReady(
      draft.getByLabel('Objective evidence'),
      'Internal audit report IA-2025-04: 6 of 9 actions closed with no effectiveness check.',
    );
    await draft.getByRole('button', { name: 'Save changes' }).click();
    await expect(page.getByText('Finding saved')).toBeVisible();
    await draft.getByRole('button', { name: 'Issue finding' }).click();
    const issued = page.getByRole('dialog', { name: `Finding ${number}` });
    await expect(issued.getByTestId('finding-number')).toHaveText(number);
    await issued.getByRole('button', { name: 'Close', exact: true }).first().click();
    await expect(issued).toBeHidden();
  });

  await test.step('Reporting, then closed (confirmed: a closed audit is final)', async () => {
    await page.getByRole('button', { name: 'Start reporting' }).click();
    await expect(page.getByText('Audit is now reporting')).toBeVisible();
    await page.getByRole('button', { name: 'Close audit' }).click();
    const closeDialog = page.getByRole('dialog', { name: 'Close this audit?' });
    await closeDialog.getByRole('button', { name: 'Close audit' }).click();
    // The completeness gates list what is missing; closing anyway takes a reason.
    await closeDialog.getByLabel('Reason for closing anyway').fill('Closed for the test with the checklist incomplete');
    await closeDialog.getByRole('button', { name: 'Close anyway' }).click();
    await expect(page.getByText('This audit is closed.')).toBeVisible();
    // The Cycle tab offers the next audit once this one has taken place.
    await page.getByRole('tab', { name: 'Cycle' }).click();
    await expect(page.getByRole('button', { name: 'Plan next audit: Surveillance 1' })).toBeVisible();
  });

  await test.step("The client's programme: certification dates give the surveillance due date", async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Clients' }).click();
    await page.getByRole('link', { name: CLIENT }).click();
    const steps = page.getByRole('table', { name: 'Audits of the certification cycle' });
    const s1 = steps.getByRole('row').filter({ hasText: 'Surveillance 1' });
    await expect(s1).toContainText('Once the dates are saved');
    await expect(steps.getByRole('row').filter({ hasText: 'Stage 2' })).toContainText('Closed');
    // A decision long past: surveillance 1 is overdue, highlighted.
    await page.getByLabel('Certification decision').fill('2025-01-10');
    await page.getByLabel('Certificate expiry').fill('2028-01-09');
    await page.getByRole('button', { name: 'Save dates' }).click();
    // Closed, so the second save's notification is the only one (a busy machine saves twice within its 4 s).
    const saved = page.getByRole('alert').filter({ hasText: 'Certification dates saved' });
    await saved.getByRole('button').click();
    await expect(saved).toHaveCount(0);
    await expect(s1).toContainText('10 Jan 2026');
    await expect(s1).toHaveAttribute('data-overdue', 'true');
    await expect(s1.getByText('Overdue', { exact: true })).toBeVisible();
    // The real dates: due in the spring after the decision.
    await page.getByLabel('Certification decision').fill('2026-04-15');
    await page.getByLabel('Certificate expiry').fill('2029-04-14');
    await page.getByRole('button', { name: 'Save dates' }).click();
    await expect(page.getByText('Certification dates saved')).toBeVisible();
    await expect(s1).toContainText('15 Apr 2027');
    await expect(s1).toContainText('Not planned yet');
    await expect(steps.getByRole('row').filter({ hasText: 'Recertification' })).toContainText('2029');
  });

  const surveillance =
    await test.step('Plan the next audit: the dates and the sample; it opens straight away', async () => {
      await page.getByRole('button', { name: 'Plan next audit: Surveillance 1' }).click();
      const plan = page.getByRole('dialog', { name: 'Plan the Surveillance 1 audit' });
      await expect(plan).toContainText('Every finding still open is carried over');
      await plan.getByRole('button', { name: 'Plan Surveillance 1 audit' }).click();
      await expect(plan.getByText('Enter the first day of the audit')).toBeVisible();
      await plan.getByLabel('Planned start').fill('2027-03-01');
      await plan.getByLabel('Planned end').fill('2027-03-02');
      // 9.2, 9.3 and 10.2 come ticked (kept by "Only the required ones"); the lead auditor adds a control.
      await expect(plan.getByRole('checkbox', { name: /^10\.2 Nonconformity/ })).toBeChecked();
      await plan.getByRole('button', { name: 'Select all' }).click();
      await plan.getByRole('button', { name: 'Only the required ones' }).click();
      await plan.getByRole('checkbox', { name: /^8\.13 Information backup/ }).check();
      await plan.getByRole('button', { name: 'Plan Surveillance 1 audit' }).click();
      await expect(page.getByRole('heading', { name: 'Surveillance 1 audit', level: 2 })).toBeVisible();
      // The heading can render a moment before the address changes: wait for the address.
      await expect(page).toHaveURL(/#\/audits\/[\w-]+/);
      const id = auditIdIn(page);
      expect(id).not.toBe('');
      expect(id).not.toBe(stage2);
      await expect(page.getByText('Warehouse management and supporting IT')).toBeVisible();
      return id;
    });

  await test.step('Its Cycle tab: the open finding to verify, linked to where it lives', async () => {
    await page.getByRole('tab', { name: 'Cycle' }).click();
    const carried = page.getByRole('table', { name: 'Findings from previous audits to verify' });
    const row = carried.getByRole('row').filter({ hasText: STATEMENT });
    // Another audit's finding, so with its audit's prefix: the Stage 2's NC-01, not this audit's.
    await expect(row.getByRole('link', { name: `ST2-${number}`, exact: true })).toBeVisible();
    await expect(row).toContainText('Minor NC');
    await expect(row).toContainText('Stage 2');
    await expect(row).toContainText('Open');
    await expect(row.getByRole('link', { name: number })).toHaveAttribute(
      'href',
      new RegExp(`#/audits/${stage2}/findings\\?open=[\\w-]+$`),
    );
    // The link opens the finding in its own audit; back to this audit's Cycle tab afterwards.
    await row.getByRole('link', { name: number }).click();
    const origin = page.getByRole('dialog', { name: `Finding ${number}` });
    await expect(origin).toContainText(STATEMENT);
    await page.goBack();
    await expect(page).toHaveURL(new RegExp(`#/audits/${surveillance}/cycle$`));
  });

  await test.step("Compared with the Stage 2: its results beside this audit's, before and after this audit's own result", async () => {
    await expect(page.getByRole('heading', { name: 'Compared with Stage 2' })).toBeVisible();
    const comparison = page.getByRole('table', { name: 'Comparison with the previous audit' });
    const r102 = comparison.getByRole('row').filter({ hasText: 'Nonconformity and corrective action' });
    await expect(r102).toContainText('Minor NC');
    await expect(r102).toContainText(number);
    await expect(r102).toContainText('Not audited');
    await expect(comparison.getByRole('row').filter({ hasText: '9.2.1' })).toContainText('Conforming');
    await page.getByRole('switch', { name: 'Only changes' }).check();
    await expect(page.getByText('No requirement changed result since the Stage 2 audit.')).toBeVisible();
    // Planned audits take no recommendation yet.
    await expect(page.getByRole('button', { name: 'Confirm suggestion' })).toBeDisabled();

    await page.getByRole('button', { name: 'Start fieldwork' }).click();
    await expect(page.getByText('Audit is now in progress')).toBeVisible();
    await page.getByRole('tab', { name: 'Checklist' }).click();
    await expect(checklistRow(page, 'A.8.13')).toBeVisible(); // the control added to the sample
    await expect(checklistRow(page, 'A.5.1')).toHaveCount(0);
    await checklistRow(page, '10.2').focus();
    await page.keyboard.press('1');
    await expect(checklistRow(page, '10.2').locator('[data-result]')).toHaveText('Conforming');
    await page.getByRole('tab', { name: 'Cycle' }).click();
    await page.getByRole('switch', { name: 'Only changes' }).check();
    await expect(comparison.locator('tbody tr')).toHaveCount(1);
    await expect(r102).toContainText('Minor NC');
    await expect(r102).toContainText('Conforming');
    await page.getByRole('switch', { name: 'Only changes' }).uncheck();
    await expect(comparison.getByRole('row').filter({ hasText: '9.2.1' })).toBeVisible();
  });

  const decisions = page.getByRole('table', { name: 'Recommendation decisions' });
  await test.step('Recommendation: confirm the suggestion, then an override refused without a reason, recorded with one', async () => {
    await expect(page.getByLabel('Decided by')).toHaveValue('Maria Lopez');
    await expect(
      page.getByText('Suggested: Recommend maintaining certification once the corrective action plans'),
    ).toBeVisible();
    await expect(page.getByRole('list', { name: 'Why this is suggested' })).toContainText(number);
    await page.getByRole('button', { name: 'Confirm suggestion' }).click();
    // The surveillance checklist is not fully audited: the completeness gates ask for a reason first.
    await expect(page.getByRole('alert').filter({ hasText: 'needs a reason' })).toBeVisible();
    await page
      .getByLabel('Reason for recording with these gaps open')
      .fill('Remaining sampled items audited remotely.');
    await page.getByRole('button', { name: 'Confirm suggestion' }).click();
    await expect(decisions.locator('tbody tr')).toHaveCount(1);
    await expect(decisions.locator('tbody tr').first()).toContainText('Maria Lopez');
    await expect(decisions.getByText('Override', { exact: true })).toHaveCount(0);

    await page.getByRole('button', { name: 'Override…' }).click();
    const override = page.getByRole('dialog', { name: 'Override the suggested recommendation' });
    await override.getByRole('combobox', { name: 'Recommendation', exact: true }).click();
    await page.getByRole('option', { name: 'Recommend maintaining certification', exact: true }).click();
    await override.getByRole('button', { name: 'Record recommendation' }).click();
    await expect(override.getByRole('alert')).toContainText('needs a reason');
    await expect(decisions.locator('tbody tr')).toHaveCount(1);
    const reason = 'Action plan for the open minor NC reviewed on site and judged adequate.';
    await override.getByLabel('Reason').fill(reason);
    await override.getByRole('button', { name: 'Record recommendation' }).click();
    await expect(override).toBeHidden();
    await expect(decisions.locator('tbody tr')).toHaveCount(2);
    const last = decisions.locator('tbody tr').nth(1);
    await expect(last).toContainText('Recommend maintaining certification');
    await expect(last).toContainText('Override');
    await expect(last).toContainText(reason);
    await expect(page.getByText('In force: Recommend maintaining certification')).toBeVisible();
  });

  await test.step('Kept on reload', async () => {
    await page.reload();
    await expect(decisions.locator('tbody tr')).toHaveCount(2);
  });
});
