import { expect, test } from './fixtures';
import { auditRows, choose, createClient, expectNoToken, fillMember, fillSite } from './ui';

// Fixed so the locale-formatted dates below are predictable.
test.use({ locale: 'en-GB', timezoneId: 'America/Los_Angeles' });

const CLIENT = 'Northwind Logistics GmbH';

test('a fresh data dir shows empty states that say what to do next', async ({ page, appUrl }) => {
  await page.goto(appUrl);
  await expectNoToken(page);
  await expect(page.getByRole('heading', { name: 'No audits yet' })).toBeVisible();
  await expect(page.getByText('Create a client first, then plan its first audit.')).toBeVisible();

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Clients' }).click();
  await expect(page.getByRole('heading', { name: 'No clients yet' })).toBeVisible();
  await page.getByRole('link', { name: 'Add client' }).click();
  await expect(page.getByRole('heading', { name: 'Add client' })).toBeVisible();
});

test('plan, edit, find, validate and delete audits; everything survives a reload and a restart', async ({
  page,
  appUrl,
  restartServer,
}) => {
  // A long walk: 42 s at a load of 4, past the default 60 s at a load of 9 (three suites on two cores).
  test.setTimeout(240_000);
  await page.goto(appUrl);

  await test.step('A client with two sites, submitted with Enter from the keyboard', async () => {
    await page.getByRole('link', { name: 'Add client' }).click();
    await page.getByLabel('Organisation name').fill(CLIENT);
    await page.getByLabel('Representative').fill('Dr. Anna Weber');
    await fillSite(page, 1, {
      name: 'Hamburg HQ',
      address: 'Hafenstraße 1, Hamburg',
      headcount: 240,
      processes: 'Dispatch, IT operations',
    });
    await page.getByRole('button', { name: 'Add site' }).click();
    await fillSite(page, 2, {
      name: 'Bremen Warehouse',
      address: 'Überseestadt 7, Bremen',
      headcount: 85,
      processes: 'Warehousing',
    });
    await page.getByLabel('Organisation name').press('Enter');

    await expect(page.getByRole('heading', { name: CLIENT, level: 2 })).toBeVisible();
    const sites = page.getByRole('table', { name: 'Sites' });
    await expect(sites).toContainText('Hamburg HQ');
    await expect(sites).toContainText('Bremen Warehouse');
  });

  await test.step('A Stage 2 audit with a lead auditor and an auditor, both sites in scope', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Audits' }).click();
    await page.getByRole('link', { name: 'Plan audit' }).click();
    await choose(page, page, 'Client', CLIENT);
    await choose(page, page, 'Audit type', 'Stage 2');
    await page.getByLabel('Planned start').fill('2026-03-09');
    await page.getByLabel('Planned end').fill('2026-03-11');
    await page.getByLabel('Scope statement').fill('Warehouse management systems at the Hamburg head office');
    await page.getByRole('combobox', { name: 'Sites in scope' }).click();
    await page.getByRole('option', { name: 'Hamburg HQ' }).click();
    await page.getByRole('option', { name: 'Bremen Warehouse' }).click();
    await page.keyboard.press('Escape');
    await fillMember(page, 1, { name: 'Maria Lopez', email: 'maria@example.com', role: 'Lead auditor' });
    await page.getByRole('button', { name: 'Add team member' }).click();
    await fillMember(page, 2, { name: 'Tom Berg', email: 'tom@example.com', role: 'Auditor' });
    await page.getByRole('button', { name: 'Create audit' }).click();

    await expect(page.getByRole('heading', { name: 'Stage 2 audit' })).toBeVisible();
    await expect(page.getByText('Planned', { exact: true }).first()).toBeVisible();
    await expect(page.getByText('Sites in scope (2)')).toBeVisible();
    const team = page.getByRole('table', { name: 'Audit team' });
    await expect(team.getByRole('row', { name: /Maria Lopez.*Lead auditor/ })).toBeVisible();
    await expect(team.getByRole('row', { name: /Tom Berg.*Auditor/ })).toBeVisible();
    await expect(page.getByText(/9\s*–\s*11 Mar 2026/).first()).toBeVisible();
  });

  await test.step('Edit: widen the scope', async () => {
    await page.getByRole('link', { name: 'Edit' }).click();
    const scope = page.getByLabel('Scope statement');
    await expect(scope).toHaveValue('Warehouse management systems at the Hamburg head office');
    await scope.fill('Warehouse management and fleet telematics systems at Hamburg and Bremen');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect(
      page.getByText('Warehouse management and fleet telematics systems at Hamburg and Bremen'),
    ).toBeVisible();
  });

  await test.step('Find it by search, and see the "no match" state', async () => {
    await page.getByRole('link', { name: 'Audits', exact: true }).first().click();
    const search = page.getByRole('search').getByLabel('Search');
    await search.fill('telematics');
    await expect(auditRows(page)).toHaveCount(1);
    await expect(auditRows(page).first()).toContainText(CLIENT);
    await expect(auditRows(page).first()).toContainText('Maria Lopez');
    await search.fill('no such audit');
    await expect(page.getByRole('heading', { name: 'No audits match these filters' })).toBeVisible();
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await expect(auditRows(page)).toHaveCount(1);
  });

  await test.step('Invalid input: end before start, and nobody is lead auditor', async () => {
    await page.getByRole('link', { name: 'Plan audit' }).click();
    await choose(page, page, 'Client', CLIENT);
    await choose(page, page, 'Audit type', 'Surveillance 1');
    await page.getByLabel('Scope statement').fill('Same scope, first surveillance');
    await page.getByLabel('Planned start').fill('2027-03-10');
    await page.getByLabel('Planned end').fill('2027-03-08');
    await fillMember(page, 1, { name: 'Jonas Keller', email: '', role: 'Auditor' });
    await page.getByRole('button', { name: 'Create audit' }).click();

    await expect(page.getByLabel('Planned end')).toHaveAccessibleDescription(/The end date is before the start date/);
    await expect(page.getByLabel('Planned end')).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByText('The team needs a lead auditor')).toBeVisible();
    await expect(page).toHaveURL(/#\/audits\/new/);

    // Fixing both saves it as a second, planned audit.
    await page.getByLabel('Planned end').fill('2027-03-11');
    await choose(page, page.getByRole('group', { name: 'Team member 1' }), 'Role', 'Lead auditor');
    await page.getByRole('button', { name: 'Create audit' }).click();
    await expect(page.getByRole('heading', { name: 'Surveillance 1 audit' })).toBeVisible();
  });

  await test.step('Delete it: cancel first, then confirm', async () => {
    await page.getByRole('button', { name: 'Delete' }).click();
    const dialog = page.getByRole('dialog', { name: 'Delete this audit?' });
    await expect(dialog).toContainText(CLIENT);
    await expect(dialog).toContainText(/10\s*–\s*11 Mar 2027/);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByRole('heading', { name: 'Surveillance 1 audit' })).toBeVisible();
    await page.getByRole('link', { name: 'Audits', exact: true }).first().click();
    await expect(auditRows(page)).toHaveCount(2);
    await page.getByRole('search').getByLabel('Search').fill('Jonas');
    await expect(auditRows(page)).toHaveCount(1);
    await auditRows(page).first().click();

    await page.getByRole('button', { name: 'Delete' }).click();
    await page
      .getByRole('dialog', { name: 'Delete this audit?' })
      .getByRole('button', { name: 'Delete audit' })
      .click();
    await expect(page.getByRole('heading', { name: 'Audits', level: 2 })).toBeVisible();
    await expect(auditRows(page)).toHaveCount(1);
    await expect(auditRows(page).first()).toContainText('Stage 2');
  });

  await test.step('Reload the page, then restart the server: the data is on disk', async () => {
    await page.reload();
    await expect(auditRows(page)).toHaveCount(1);
    await page.goto(await restartServer());
    await expect(auditRows(page)).toHaveCount(1);
    await auditRows(page).first().click();
    await expect(
      page.getByText('Warehouse management and fleet telematics systems at Hamburg and Bremen'),
    ).toBeVisible();
    await expect(page.getByText('Sites in scope (2)')).toBeVisible();
    await expect(page.getByRole('table', { name: 'Audit team' }).getByRole('row')).toHaveCount(2);
  });
});

test('status buttons follow the allowed transitions; a client with audits is not deleted', async ({ page, appUrl }) => {
  // 26 s at a load of 9: room for a busier machine.
  test.setTimeout(150_000);
  await page.goto(appUrl);
  await createClient(page, 'Contoso Bank AG', [
    { name: 'Zurich', address: 'Bahnhofstrasse 1', headcount: 400, processes: 'Retail banking' },
  ]);
  // The client page plans an audit for this client.
  await page.getByRole('link', { name: 'Plan audit' }).first().click();
  await expect(page.getByRole('combobox', { name: 'Client', exact: true })).toHaveValue('Contoso Bank AG');
  await choose(page, page, 'Audit type', 'Recertification');
  await page.getByLabel('Scope statement').fill('Retail banking IT');
  await page.getByLabel('Planned start').fill('2026-05-04');
  await page.getByLabel('Planned end').fill('2026-05-04');
  await page.getByRole('radiogroup', { name: 'Audit mode' }).getByText('Remote').click();
  await expect(page.getByRole('radio', { name: 'Remote' })).toBeChecked();
  await fillMember(page, 1, { name: 'Ines Duarte', email: 'ines@example.com', role: 'Lead auditor' });
  await page.getByRole('button', { name: 'Create audit' }).click();
  await expect(page.getByRole('heading', { name: 'Recertification audit' })).toBeVisible();
  await expect(page.getByText('Remote', { exact: true })).toBeVisible();

  const actions = page.getByRole('main');
  await actions.getByRole('button', { name: 'Start fieldwork' }).click();
  await expect(page.getByText('In progress', { exact: true }).first()).toBeVisible();
  // Only planned audits can be deleted.
  await expect(actions.getByRole('button', { name: 'Delete' })).toHaveCount(0);
  await actions.getByRole('button', { name: 'Start reporting' }).click();
  await expect(actions.getByRole('button', { name: 'Back to fieldwork' })).toBeVisible();
  await actions.getByRole('button', { name: 'Close audit' }).click();
  const closeDialog = page.getByRole('dialog', { name: 'Close this audit?' });
  await closeDialog.getByRole('button', { name: 'Close audit' }).click();
  // The completeness gates list what is missing; closing anyway takes a reason.
  await closeDialog.getByLabel('Reason for closing anyway').fill('Closed for the test with the checklist incomplete');
  await closeDialog.getByRole('button', { name: 'Close anyway' }).click();
  await expect(page.getByText('This audit is closed.')).toBeVisible();
  await expect(actions.getByRole('link', { name: 'Edit' })).toHaveCount(0);
  await expect(actions.getByRole('button', { name: /Start|Close|Back to/ })).toHaveCount(0);

  // The server refuses to delete a client that has audits; its message is shown.
  await page.getByRole('link', { name: 'Contoso Bank AG' }).click();
  await page.getByRole('button', { name: 'Delete' }).click();
  await page
    .getByRole('dialog', { name: 'Delete Contoso Bank AG?' })
    .getByRole('button', { name: 'Delete client' })
    .click();
  await expect(page.getByRole('alert').filter({ hasText: 'Contoso Bank AG has 1 audit' })).toBeVisible();
  await expect(page.getByRole('dialog')).toBeHidden();
  await expect(page.getByRole('heading', { name: 'Contoso Bank AG', level: 2, exact: true })).toBeVisible();
});
