import { spawnSync } from 'node:child_process';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import type { AuditSummary } from '#shared/domain/audit';
import { CLI, REPO_ROOT, startServe, stop, type Served } from '../helpers/serve';
import { expect, test } from './fixtures';
import { checklistRow, createClient, planAudit } from './ui';

// Issue 19's defects, each seen as the auditor meets it.
test.use({ locale: 'en-GB', timezoneId: 'Europe/Berlin' });

let demoTemplate = '';
test.beforeAll(async () => {
  demoTemplate = await mkdtemp(join(tmpdir(), 'fieldwork-defects19-demo-'));
  const demo = spawnSync(process.execPath, [CLI, 'demo', '--data-dir', demoTemplate], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
  });
  expect(demo.status, demo.stderr).toBe(0);
});
test.afterAll(async () => {
  if (demoTemplate) await rm(demoTemplate, { recursive: true, force: true });
});

/** A copy of the demo folder served for one test; stopped and removed after it. */
async function withDemo(run: (served: Served) => Promise<void>): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'fieldwork-defects19-'));
  await cp(demoTemplate, dir, { recursive: true });
  const served = await startServe(dir);
  try {
    await run(served);
  } finally {
    await stop(served.proc);
    await rm(dir, { recursive: true, force: true });
  }
}

/** Asked directly over the HTTP API, not through the page. */
async function api<T>(page: Page, served: Served, op: string, input: unknown): Promise<T> {
  const response = await page.request.post(`${served.origin}/api/${op}`, {
    headers: { 'X-Fieldwork-Token': served.token },
    data: input,
  });
  const body = (await response.json()) as { ok: true; value: T } | { ok: false; error: { message: string } };
  if (!body.ok) throw new Error(`${op}: ${body.error.message}`);
  return body.value;
}

const auditOf = async (page: Page, served: Served, client: RegExp, type: AuditSummary['type']) => {
  const audits = await api<AuditSummary[]>(page, served, 'audits.list', {});
  const found = audits.find((a) => client.test(a.clientName) && a.type === type);
  if (!found) throw new Error(`no ${type} audit of ${client}`);
  return found;
};

/** Reloads the page, accepting the browser's leave-page question if one is asked. */
async function reload(page: Page): Promise<void> {
  page.once('dialog', (dialog) => void dialog.accept());
  await page.reload();
}

const restoredAlert = (scope: Page | Locator) => scope.getByRole('alert').filter({ hasText: 'Unsaved changes from' });

test.describe('1 · typing survives a reload', () => {
  test('a new interview’s notes, typed before “Create interview”, come back after a reload', async ({
    page,
    appUrl,
  }) => {
    test.setTimeout(180_000);
    await page.goto(appUrl);
    // A client being added: what is typed before "Create client" is kept too.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Clients' }).click();
    await page.getByRole('link', { name: 'Add client' }).first().click();
    await page.getByLabel('Registered address').fill('Kai 4, 24103 Kiel');
    await reload(page);
    await expect(page.getByLabel('Registered address')).toHaveValue('Kai 4, 24103 Kiel');
    await expect(restoredAlert(page)).toBeVisible();
    await createClient(page, 'Seeblick Reederei AG', [
      { name: 'Kiel harbour office', address: 'Kai 4, Kiel', headcount: 40, processes: 'Chartering' },
    ]);
    await planAudit(page, 'Seeblick Reederei AG', {
      type: 'Stage 1',
      scope: 'Chartering',
      start: '2026-05-04',
      end: '2026-05-04',
      team: [{ name: 'Jana Vogel', email: 'jana@example.com', role: 'Lead auditor' }],
      sites: ['Kiel harbour office'],
    });
    await page.getByRole('tab', { name: 'Interviews' }).click();
    await page.getByRole('button', { name: 'New interview' }).first().click();
    const drawer = page.getByRole('dialog', { name: 'New interview' });
    await drawer.getByLabel('Interviewee').fill('Mats Hansen');
    const notes = drawer.getByRole('textbox', { name: 'Notes' });
    await notes.fill('Chartering contracts are kept in the shared drive; no access review.');
    // 10 · one site in scope and a one-person team: both are filled in.
    await expect(drawer.getByRole('combobox', { name: 'Site' })).toHaveValue('Kiel harbour office');
    await expect(drawer.getByText('Jana Vogel')).toBeVisible();

    await reload(page);
    const reopened = page.getByRole('dialog', { name: 'New interview' });
    await expect(reopened.getByRole('textbox', { name: 'Notes' })).toHaveValue(
      'Chartering contracts are kept in the shared drive; no access review.',
    );
    await expect(reopened.getByLabel('Interviewee')).toHaveValue('Mats Hansen');
    await expect(restoredAlert(reopened)).toBeVisible();

    await reopened.getByRole('button', { name: 'Create interview' }).click();
    await expect(page.getByRole('dialog', { name: 'Interview with Mats Hansen' })).toBeVisible();
    await reload(page);
    const saved = page.getByRole('dialog', { name: 'Interview with Mats Hansen' });
    await expect(saved.getByRole('textbox', { name: 'Notes' })).toHaveValue(
      'Chartering contracts are kept in the shared drive; no access review.',
    );
    await expect(restoredAlert(page)).toHaveCount(0);
    // Nothing is left waiting for a new interview either.
    await saved.getByRole('button', { name: 'Close', exact: true }).click();
    await page.getByRole('button', { name: 'New interview' }).first().click();
    await expect(page.getByRole('dialog', { name: 'New interview' }).getByLabel('Interviewee')).toHaveValue('');
    await expect(restoredAlert(page)).toHaveCount(0);
    await page.keyboard.press('Escape');

    // 5 · the audit is still Planned: raising a finding is not offered, and the page says why.
    const why = 'Findings are raised once fieldwork has started: use “Start fieldwork” on the audit first.';
    await page.getByRole('tab', { name: 'Findings' }).click();
    const newFinding = page.getByRole('button', { name: 'New finding' });
    await expect(newFinding).toBeDisabled();
    await expect(newFinding).toHaveAccessibleDescription(why);
    await page.getByRole('tab', { name: 'Checklist' }).click();
    await checklistRow(page, 'S1.scope').focus();
    await expect(checklistRow(page, 'S1.scope')).toHaveAttribute('aria-selected', 'true');
    await page.keyboard.press('3');
    await expect(checklistRow(page, 'S1.scope').locator('[data-result]')).toHaveText('Minor NC');
    const raise = page
      .getByRole('region', { name: 'Findings for this item' })
      .getByRole('button', { name: 'Raise finding' });
    await expect(raise).toBeDisabled();
    await expect(raise).toHaveAccessibleDescription(why);
  });

  test('an issued finding’s statement, a client response and a return comment come back after a reload', async ({
    page,
  }) => {
    test.setTimeout(150_000);
    await withDemo(async (served) => {
      const s1 = await auditOf(page, served, /Havelwerk/, 'surveillance1');
      await page.goto(`${served.url}#/audits/${s1.id}/findings`);
      await page.getByRole('row').filter({ hasText: 'Alerts from the warehouse network monitoring' }).click();
      const drawer = page.getByRole('dialog', { name: /^Finding / });
      const statement = drawer.getByRole('textbox', { name: 'Statement' });
      await expect(statement).toHaveValue('Alerts from the warehouse network monitoring are not reviewed at weekends.');
      await statement.fill('Alerts from the warehouse network monitoring are not reviewed at weekends or holidays.');
      await drawer.getByRole('textbox', { name: 'Root cause' }).fill('Nobody is on call at weekends.');

      await reload(page);
      await expect(statement).toHaveValue(
        'Alerts from the warehouse network monitoring are not reviewed at weekends or holidays.',
      );
      await expect(drawer.getByRole('textbox', { name: 'Root cause' })).toHaveValue('Nobody is on call at weekends.');
      await expect(restoredAlert(drawer)).toHaveCount(2);

      await drawer.getByRole('button', { name: 'Save changes' }).click();
      await expect(page.getByText('Finding saved')).toBeVisible();
      await reload(page);
      await expect(statement).toHaveValue(
        'Alerts from the warehouse network monitoring are not reviewed at weekends or holidays.',
      );
      // The response is still unsent, so only its alert remains.
      await expect(restoredAlert(drawer)).toHaveCount(1);
      await expect(drawer.getByRole('textbox', { name: 'Root cause' })).toHaveValue('Nobody is on call at weekends.');

      // A response waiting for a decision: the return comment is journaled too.
      await drawer.getByRole('button', { name: 'Close', exact: true }).click();
      await page.getByRole('row').filter({ hasText: 'The internal audit programme left out' }).click();
      const waiting = page.getByRole('dialog', { name: /^Finding / });
      await waiting.getByRole('textbox', { name: 'Comment' }).fill('Add the audit dates for transport planning.');
      await reload(page);
      await expect(waiting.getByRole('textbox', { name: 'Comment' })).toHaveValue(
        'Add the audit dates for transport planning.',
      );
      await waiting.getByRole('button', { name: 'Return response' }).click();
      await expect(page.getByText('Response returned to the client')).toBeVisible();
      // 10 · the second response starts from the first.
      const form = waiting.getByRole('form', { name: 'Client response' });
      await expect(form.getByRole('textbox', { name: 'Corrective action plan' })).toHaveValue(
        'Programme extended to every process in scope.',
      );
      await expect(form.getByRole('textbox', { name: 'Responsible person' })).toHaveValue(
        'Karin Vogt, Quality and ISMS Manager',
      );
    });
  });
});
