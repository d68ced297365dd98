import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from './fixtures';
import { checklistRows, choose, createClient } from './ui';

test.use({ locale: 'en-GB' });

const template = (questions: string[]) => ({
  id: 'acme-cloud-stage2',
  version: '2026.1',
  title: 'ACME Cert — cloud providers, Stage 2',
  language: 'en',
  stage: 'stage2',
  standard: 'ISO/IEC 27001:2022',
  groups: [
    { id: '9', title: 'Performance evaluation', kind: 'clause' },
    { id: 'A.5', title: 'Organizational controls', kind: 'theme' },
  ],
  items: [
    {
      ref: '9.2',
      kind: 'clause',
      group: '9',
      number: '9.2',
      title: 'Internal audit',
      questions,
      evidence: ['Audit programme'],
    },
    {
      ref: 'A.5.23',
      kind: 'control',
      group: 'A.5',
      number: '5.23',
      title: 'Information security for use of cloud services',
      questions: ['How are cloud services chosen and exited?'],
      evidence: ['Cloud service register'],
    },
  ],
});

test('templates: built-ins listed; an invalid file names the field at fault; a valid one is listed and used', async ({
  page,
  appUrl,
}) => {
  const dir = await mkdtemp(join(tmpdir(), 'fieldwork-tpl-'));
  const bad = join(dir, 'bad-template.json');
  const good = join(dir, 'acme-template.json');
  const notJson = join(dir, 'notes.json');
  await writeFile(bad, JSON.stringify(template([])));
  await writeFile(good, JSON.stringify(template(['Who audited what in the last twelve months?'])));
  await writeFile(notJson, '{ "id": ');
  try {
    await page.goto(appUrl);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Templates', exact: true }).click();
    const table = page.getByRole('table', { name: 'Templates' });
    await expect(table.locator('tbody tr')).toHaveCount(2);
    await expect(table.getByRole('row', { name: /iso27001-2022-stage2.*Built-in.*123/ })).toBeVisible();
    await expect(table.getByRole('row', { name: /iso27001-2022-stage1.*Built-in/ })).toBeVisible();

    const input = page.getByLabel('Template file');
    await input.setInputFiles(bad);
    const alert = page.getByRole('alert').filter({ hasText: 'bad-template.json' });
    await expect(alert).toContainText('items[0].questions');
    await expect(alert).toContainText('Every item needs at least one audit question');
    // Said once: the message above the list no longer repeats the list's first problem (issue 19).
    expect((await alert.innerText()).split('Every item needs at least one audit question')).toHaveLength(2);
    await expect(table.locator('tbody tr')).toHaveCount(2);

    await input.setInputFiles(notJson);
    await expect(page.getByRole('alert').filter({ hasText: 'notes.json' })).toContainText('not valid JSON');

    await input.setInputFiles(good);
    await expect(table.locator('tbody tr')).toHaveCount(3);
    await expect(table.getByRole('row', { name: /acme-cloud-stage2.*2026\.1.*Imported.*2/ })).toBeVisible();
    await expect(page.getByRole('alert')).toHaveCount(0);

    // A Stage 2 audit planned with the imported template gets its two items.
    await createClient(page, 'Cumulus Hosting BV', [
      { name: 'Utrecht', address: '', headcount: 40, processes: 'Hosting' },
    ]);
    await page.getByRole('link', { name: 'Plan audit' }).first().click();
    await choose(page, page, 'Audit type', 'Stage 2');
    await expect(page.getByRole('combobox', { name: 'Checklist template' })).toHaveValue(/Stage 2, surveillance/);
    await choose(page, page, 'Checklist template', 'ACME Cert — cloud providers, Stage 2 (version 2026.1, imported)');
    await page.getByLabel('Planned start').fill('2026-06-01');
    await page.getByLabel('Planned end').fill('2026-06-02');
    await page.getByLabel('Scope statement').fill('Managed hosting');
    await page.getByRole('group', { name: 'Team member 1' }).getByLabel('Name').fill('Ines Duarte');
    await page.getByRole('button', { name: 'Create audit' }).click();
    await page.getByRole('tab', { name: 'Checklist' }).click();
    await expect(checklistRows(page)).toHaveCount(2);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('surveillance: 9.2, 9.3 and 10.2 are preselected, suggestions can be added, the checklist holds the sample', async ({
  page,
  appUrl,
}) => {
  await page.goto(appUrl);
  await createClient(page, 'Boreal Foods Oy', [{ name: 'Oulu', address: '', headcount: 90, processes: 'Food IT' }]);
  await page.getByRole('link', { name: 'Plan audit' }).first().click();
  await choose(page, page, 'Audit type', 'Surveillance 1');
  const checked = page.locator('input[type="checkbox"]:checked');
  await expect(page.getByText(/selected\. Clauses 9\.2, 9\.3 and 10\.2/)).toBeVisible();
  const preselected = await checked.count();
  expect(preselected).toBeGreaterThan(0);
  await expect(page.getByRole('checkbox', { name: /9\.3\.1 .*Always sampled/ })).toBeChecked();
  // The first audit of the cycle: everything else is "not covered yet".
  await expect(page.getByRole('checkbox', { name: /^5\.23 .*Not covered yet in this cycle/ })).not.toBeChecked();
  await page.getByRole('button', { name: /Select suggested \(\d+\)/ }).click();
  await expect(checked).toHaveCount(await page.locator('input[type="checkbox"]').count());
  await page.getByRole('button', { name: 'Only the required ones' }).click();
  await expect(checked).toHaveCount(preselected);
  await page.getByRole('checkbox', { name: /^5\.23 / }).check();
  await page.getByRole('checkbox', { name: /^9\.3\.1 / }).uncheck();
  await page.getByLabel('Planned start').fill('2027-03-01');
  await page.getByLabel('Planned end').fill('2027-03-01');
  await page.getByLabel('Scope statement').fill('Food ordering platform');
  await page.getByRole('group', { name: 'Team member 1' }).getByLabel('Name').fill('Ines Duarte');
  await page.getByRole('button', { name: 'Create audit' }).click();
  await expect(page.getByRole('heading', { name: 'Surveillance 1 audit' })).toBeVisible();
  await page.getByRole('tab', { name: 'Checklist' }).click();
  await expect(checklistRows(page)).toHaveCount(preselected);
  await expect(page.locator('[role="option"][data-ref="A.5.23"]')).toBeVisible();
  await expect(page.locator('[role="option"][data-ref="9.3.1"]')).toHaveCount(0);
});
