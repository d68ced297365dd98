import type { Page } from '@playwright/test';
import type { Checklist } from '#shared/domain/checklist';
import { startServe, stop, type Served } from '../helpers/serve';
import { expect, test } from './fixtures';
import { checklistRow, createClient, planAudit, reloadKeeping } from './ui';

test.use({ locale: 'en-GB', timezoneId: 'Europe/Berlin' });

const CLIENT = 'Nordwind Logistics GmbH';

/** A client and a Stage 1 audit (15 checklist items), ending on its checklist. */
async function openChecklist(page: Page, appUrl: string): Promise<string> {
  await page.goto(appUrl);
  await createClient(page, CLIENT, [{ name: 'Bremen', address: 'Hafenstraße 9', headcount: 120, processes: 'IT' }]);
  await planAudit(page, CLIENT, {
    type: 'Stage 1',
    scope: 'Warehouse management systems',
    start: '2026-04-13',
    end: '2026-04-13',
    team: [{ name: 'Jana Vogel', email: 'jana@example.com', role: 'Lead auditor' }],
  });
  await page.getByRole('tab', { name: 'Checklist' }).click();
  const auditId = /#\/audits\/([\w-]+)\/checklist/.exec(page.url())?.[1];
  if (!auditId) throw new Error(`not on a checklist: ${page.url()}`);
  return auditId;
}

/** What the backend holds, asked directly over its HTTP API (not through the page). */
async function notesOnServer(page: Page, served: Served, auditId: string, itemId: string): Promise<string> {
  const response = await page.request.post(`${served.origin}/api/checklist.get`, {
    headers: { 'X-Fieldwork-Token': served.token },
    data: { auditId },
  });
  const body = (await response.json()) as { ok: true; value: Checklist };
  expect(body.ok).toBe(true);
  const item = body.value.items.find((i) => i.id === itemId);
  if (!item) throw new Error('item not in the checklist');
  return item.notes;
}

const itemIdOf = async (page: Page, ref: string): Promise<string> =>
  ((await checklistRow(page, ref).getAttribute('id')) ?? '').replace(/^item-/, '');

test('notes typed while the backend is down survive a reload and are saved once it is back', async ({
  page,
  appUrl,
  served,
  dataDir,
}) => {
  const auditId = await openChecklist(page, appUrl);
  const notes = page.getByRole('textbox', { name: 'Notes' });
  const status = page.getByRole('status').filter({ hasText: /saved|Saving|Not saved/ });

  await checklistRow(page, 'S1.scope').click();
  const itemId = await itemIdOf(page, 'S1.scope');
  await notes.click();
  await page.keyboard.type('Scope covers both warehouses.');
  await expect(status).toHaveText('All changes saved');

  // The backend goes away mid-sentence.
  const port = served.current.port;
  await stop(served.current.proc);
  await page.keyboard.type(' Bremerhaven site excluded, see letter of 2 March.');
  await expect(status).toContainText('Not saved');

  // Back on the same port (IndexedDB belongs to the origin), with a new token.
  served.current = await startServe(dataDir, ['--port', String(port)]);
  expect(served.current.port).toBe(port);
  // The text typed while it was down never reached it.
  expect(await notesOnServer(page, served.current, auditId, itemId)).toBe('Scope covers both warehouses.');

  // Reload (the page still holds unsaved edits, so the browser asks first).
  page.on('dialog', (dialog) => void dialog.accept());
  await page.goto(`${served.current.url}#/audits/${auditId}/checklist`);
  await checklistRow(page, 'S1.scope').click();
  const alert = page.getByRole('alert').filter({ hasText: 'Unsaved text from' });
  await expect(alert).toBeVisible();
  await expect(alert).toContainText('was restored');
  const full = 'Scope covers both warehouses. Bremerhaven site excluded, see letter of 2 March.';
  await expect(notes).toHaveValue(full);
  expect(await notesOnServer(page, served.current, auditId, itemId)).toBe('Scope covers both warehouses.');

  await alert.getByRole('button', { name: 'Save it' }).click();
  await expect(alert).toBeHidden();
  await expect(status).toHaveText('All changes saved');
  await expect.poll(() => notesOnServer(page, served.current, auditId, itemId)).toBe(full);

  // Saved, so the journal forgot it: nothing is offered again.
  await page.reload();
  await checklistRow(page, 'S1.scope').click();
  await expect(notes).toHaveValue(full);
  await expect(page.getByText('Unsaved text from')).toHaveCount(0);
});

test('discarding restored notes asks first and goes back to the saved text', async ({
  page,
  appUrl,
  served,
  dataDir,
}) => {
  const auditId = await openChecklist(page, appUrl);
  const notes = page.getByRole('textbox', { name: 'Notes' });
  await checklistRow(page, 'S1.context').click();
  await notes.click();
  await page.keyboard.type('Saved part.');
  await expect(page.getByRole('status').filter({ hasText: 'All changes saved' })).toBeVisible();

  const port = served.current.port;
  await stop(served.current.proc);
  await page.keyboard.type(' Lost part.');
  await expect(page.getByRole('status').filter({ hasText: 'Not saved' })).toBeVisible();
  served.current = await startServe(dataDir, ['--port', String(port)]);
  page.on('dialog', (dialog) => void dialog.accept());
  await page.goto(`${served.current.url}#/audits/${auditId}/checklist`);
  await checklistRow(page, 'S1.context').click();
  await expect(notes).toHaveValue('Saved part. Lost part.');

  await page.getByRole('button', { name: 'Discard it' }).click();
  const confirm = page.getByRole('dialog', { name: 'Discard the restored text?' });
  await confirm.getByRole('button', { name: 'Keep it' }).click();
  await expect(confirm).toBeHidden();
  await expect(notes).toHaveValue('Saved part. Lost part.');
  await page.getByRole('button', { name: 'Discard it' }).click();
  await confirm.getByRole('button', { name: 'Discard text' }).click();
  await expect(notes).toHaveValue('Saved part.');
  await expect(page.getByText('Unsaved text from')).toHaveCount(0);

  await page.reload();
  await checklistRow(page, 'S1.context').click();
  await expect(notes).toHaveValue('Saved part.');
  await expect(page.getByText('Unsaved text from')).toHaveCount(0);
});

test('Ctrl+K finds words in checklist notes and opens that item', async ({ page, appUrl }) => {
  const auditId = await openChecklist(page, appUrl);
  await checklistRow(page, 'S1.risk').click();
  const itemId = await itemIdOf(page, 'S1.risk');
  const notes = page.getByRole('textbox', { name: 'Notes' });
  await notes.click();
  await page.keyboard.type('Risk owner walked us through the zeppelin hangar register.');
  await expect(page.getByRole('status').filter({ hasText: 'All changes saved' })).toBeVisible();

  // From another page, with the keyboard only.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Clients' }).click();
  await page.keyboard.press('Control+K');
  const search = page.getByRole('combobox', { name: 'Search' });
  await expect(search).toBeFocused();
  await expect(search).toHaveAttribute(
    'placeholder',
    'Search findings, notes, samples, interviews, documents, evidence…',
  );
  await expect(page.getByText(/^Type a word or a finding number \(NC-01\) to search/)).toBeVisible();

  await page.keyboard.type('zeppelin');
  const result = page.getByRole('option', { name: /zeppelin hangar/ });
  await expect(result).toBeVisible();
  await expect(result.locator('mark')).toHaveText('zeppelin');
  await expect(result).toContainText(CLIENT);
  await page.keyboard.press('Enter');

  await expect(page).toHaveURL(new RegExp(`#/audits/${auditId}/checklist\\?item=${itemId}$`));
  await expect(checklistRow(page, 'S1.risk')).toHaveAttribute('aria-selected', 'true');
  await expect(notes).toHaveValue('Risk owner walked us through the zeppelin hangar register.');

  // Inside the audit (even from a text field) the palette searches this audit; nothing else matches.
  await notes.click();
  await page.keyboard.press('Control+K');
  // The palette takes focus once it has opened; typing before that would go into the notes.
  await expect(search).toBeFocused();
  await page.keyboard.type('nonexistentword');
  await expect(page.getByText('Nothing in this audit matches “nonexistentword”.')).toBeVisible();
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: /^Search/ }).click();
  await expect(page.getByRole('combobox', { name: 'Search' })).toBeFocused();
});

const restoredForm = (page: Page) => page.getByRole('alert').filter({ hasText: 'Unsaved changes from' });

/**
 * Issue 19, defect 1: every free-text form is journaled. The audit's form
 * (planning a new one and editing one) and a settings form (the certification
 * body) bring back what was typed after a reload, with the alert saying so;
 * saving forgets it.
 */
test('the audit form and the certification body form bring typed text back after a reload', async ({
  page,
  appUrl,
}) => {
  test.setTimeout(180_000);
  await page.goto(appUrl);
  await createClient(page, CLIENT, [{ name: 'Bremen', address: 'Hafenstraße 9', headcount: 120, processes: 'IT' }]);

  // Planning a new audit: the scope typed before "Create audit".
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Audits' }).click();
  await page.getByRole('link', { name: 'Plan audit' }).first().click();
  const scope = page.getByLabel('Scope statement');
  await scope.fill('Cold-chain warehouse operations in Bremen, typed and never saved');
  await reloadKeeping(page, 'typed and never saved');
  await expect(scope).toHaveValue('Cold-chain warehouse operations in Bremen, typed and never saved');
  await expect(restoredForm(page)).toContainText('Press “Create audit” to keep them');

  // Editing an audit: the objectives changed and not saved.
  await planAudit(page, CLIENT, {
    type: 'Stage 1',
    scope: 'Warehouse management systems',
    start: '2026-04-13',
    end: '2026-04-13',
    team: [{ name: 'Jana Vogel', email: 'jana@example.com', role: 'Lead auditor' }],
  });
  await page.getByRole('link', { name: 'Edit' }).first().click();
  const objectives = page.getByLabel('Audit objectives');
  await objectives.fill('Objectives rewritten during the opening meeting');
  await reloadKeeping(page, 'Objectives rewritten during the opening meeting');
  await expect(objectives).toHaveValue('Objectives rewritten during the opening meeting');
  await expect(restoredForm(page)).toContainText('Press “Save changes” to keep them');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByText('Audit saved')).toBeVisible();
  await page.getByRole('link', { name: 'Edit' }).first().click();
  await expect(objectives).toHaveValue('Objectives rewritten during the opening meeting');
  await expect(restoredForm(page)).toHaveCount(0);

  // A settings form: the certification body's address.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Certification body' }).click();
  const address = page.getByLabel('Address');
  await address.fill('Lindenallee 8\n10115 Berlin');
  await reloadKeeping(page, 'Lindenallee 8', '10115 Berlin');
  await expect(address).toHaveValue('Lindenallee 8\n10115 Berlin');
  await expect(restoredForm(page)).toContainText('Press “Save certification body” to keep them');
});
