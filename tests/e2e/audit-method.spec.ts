import { setTimeout as delay } from 'node:timers/promises';
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

/**
 * The audit method around the checklist (ISO/IEC 17021-1 9.2.3, 9.4.6, 9.4.7,
 * 9.5): the plan and its timetable, shown on the checklist item it plans; the
 * opening and closing meetings; after the report is issued, the technical
 * review and the decision, refused to a member of the audit team.
 */
test('audit method: plan → opening meeting → closing meeting → technical review and decision', async ({
  page,
  appUrl,
  served,
}) => {
  test.setTimeout(240_000);
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
    await expect(page.getByRole('heading', { name: 'Audit plan' })).toBeVisible();
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

  await test.step('The opening meeting, then the closing meeting with the findings acknowledged', async () => {
    const opening = page.getByRole('region', { name: 'Opening meeting' });
    await opening.getByLabel('Opening meeting attendee 1 name').fill('Sean Brennan');
    await opening.getByLabel('Opening meeting attendee 1 role').fill('Managing director');
    await opening.getByLabel('Opening meeting attendee 1 organisation').fill('Brennan Logistics Ltd');
    await opening.getByLabel('Audit plan confirmed').check();
    await opening.getByLabel('Confidentiality explained').check();
    await opening.getByRole('button', { name: 'Record opening meeting' }).click();
    await expect(page.getByText('Opening meeting recorded')).toBeVisible();

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

  await test.step('After the report is issued: the review and the decision, never by the audit team', async () => {
    await call(api, 'branding.update', { name: 'Example Certification Ltd', reportNumberPattern: 'EC-{year}-{seq}' });
    const identity = await call(api, 'signing.create', {
      name: 'Maria Lopez',
      validityDays: 365,
      keyAlgorithm: 'ecdsa-p256',
      protection: { kind: 'passphrase', passphrase: 'method-passphrase' },
    });
    await call(api, 'audits.setStatus', { id: audit.id, status: 'in_progress' });
    let job = await call<{ id: string; state: string; error: { message: string } | null }>(api, 'exports.start', {
      auditId: audit.id,
      kind: 'report',
      issue: {
        identityId: identity.id,
        unlock: { kind: 'passphrase', passphrase: 'method-passphrase' },
        by: 'Maria Lopez',
      },
    });
    for (let i = 0; job.state === 'running' && i < 1200; i++) {
      await delay(100);
      job = await call(api, 'exports.status', { jobId: job.id });
    }
    expect(job.state, job.error?.message).toBe('done');

    await page.getByRole('tab', { name: 'Cycle' }).click();
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
