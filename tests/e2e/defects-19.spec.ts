import { spawnSync } from 'node:child_process';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import type { AuditSummary } from '#shared/domain/audit';
import { CLI, REPO_ROOT, startServe, stop, type Served } from '../helpers/serve';
import { expect, test } from './fixtures';
import { checklistRow, createClient, planAudit, reloadKeeping } from './ui';

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
    await reloadKeeping(page, 'Kai 4, 24103 Kiel');
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

    await reloadKeeping(page, 'Mats Hansen', 'no access review.');
    const reopened = page.getByRole('dialog', { name: 'New interview' });
    await expect(reopened.getByRole('textbox', { name: 'Notes' })).toHaveValue(
      'Chartering contracts are kept in the shared drive; no access review.',
    );
    await expect(reopened.getByLabel('Interviewee')).toHaveValue('Mats Hansen');
    await expect(restoredAlert(reopened)).toBeVisible();

    await reopened.getByRole('button', { name: 'Create interview' }).click();
    await expect(page.getByRole('dialog', { name: 'Interview with Mats Hansen' })).toBeVisible();
    await reloadKeeping(page);
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

      await reloadKeeping(page, 'weekends or holidays.', 'Nobody is on call at weekends.');
      await expect(statement).toHaveValue(
        'Alerts from the warehouse network monitoring are not reviewed at weekends or holidays.',
      );
      await expect(drawer.getByRole('textbox', { name: 'Root cause' })).toHaveValue('Nobody is on call at weekends.');
      await expect(restoredAlert(drawer)).toHaveCount(2);

      await drawer.getByRole('button', { name: 'Save changes' }).click();
      await expect(page.getByText('Finding saved')).toBeVisible();
      await reloadKeeping(page);
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
      await reloadKeeping(page, 'Add the audit dates for transport planning.');
      await expect(waiting.getByRole('textbox', { name: 'Comment' })).toHaveValue(
        'Add the audit dates for transport planning.',
      );
      await waiting.getByRole('button', { name: 'Return response' }).click();
      await expect(page.getByText('Response returned to the client')).toBeVisible();
      // 10 · the second response starts from the first.
      const form = waiting.getByRole('form', { name: 'Client response' });
      await expect(form.getByRole('textbox', { name: 'Corrective action plan' })).toHaveValue(
        'The internal audit programme was extended to cover every process in the ISMS scope, transport planning included, and the programme is now checked against the process list at each management review.',
      );
      await expect(form.getByRole('textbox', { name: 'Responsible person' })).toHaveValue(
        'Karin Vogt, Quality and ISMS Manager',
      );
    });
  });
});

const SIZES = [
  { width: 1280, height: 800 },
  { width: 1920, height: 1080 },
] as const;

test('3 · the Nonconformities register shows its Type and Status badges whole at 1280 and 1920 px', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await withDemo(async (served) => {
    await page.goto(served.url);
    for (const size of SIZES) {
      await page.setViewportSize(size);
      await page.goto(`${served.origin}/#/nonconformities`);
      const table = page.getByRole('table', { name: 'Nonconformities and other findings' });
      await expect(table.locator('[data-finding-status]').first()).toBeVisible();
      // A badge's label cuts its text with an ellipsis when it has less room than its text needs.
      const cut = await table
        .locator('[data-finding-type] .mantine-Badge-label, [data-finding-status] .mantine-Badge-label')
        .evaluateAll((labels) =>
          (labels as unknown as { scrollWidth: number; clientWidth: number; textContent: string | null }[])
            .filter((label) => label.scrollWidth > label.clientWidth)
            .map((label) => label.textContent),
        );
      expect(cut, `at ${size.width} px`).toEqual([]);
    }
  });
});

test('4 · the checklist at 1280×800 starts high with its tabs on one line, each item opens at its top, and 1920 px is used', async ({
  page,
}) => {
  test.setTimeout(150_000);
  await withDemo(async (served) => {
    const stage2 = await auditOf(page, served, /Nordlicht/, 'stage2');
    await page.setViewportSize(SIZES[0]);
    await page.goto(`${served.url}#/audits/${stage2.id}/checklist`);
    const rows = page.locator('[role="option"][data-ref]');
    await expect(rows.first()).toBeVisible();

    const tabs = await page.getByRole('tab').all();
    expect(tabs.length).toBeGreaterThanOrEqual(10);
    const tabTops = new Set(await Promise.all(tabs.map(async (t) => Math.round((await t.boundingBox())!.y))));
    expect(tabTops.size).toBe(1);
    // Before: the first row at y = 663 and one row whole in the window.
    const firstTop = (await rows.first().boundingBox())!.y;
    expect(firstTop).toBeLessThan(480);
    const boxes = await Promise.all((await rows.all()).slice(0, 20).map((r) => r.boundingBox()));
    const whole = boxes.filter((box) => box && box.y >= 0 && box.y + box.height <= SIZES[0].height).length;
    expect(whole).toBeGreaterThanOrEqual(4);
    if (process.env.FIELDWORK_SCREENSHOTS) await page.screenshot({ path: 'docs/screenshots/checklist-1280x800.png' });

    // Scrolled down in one item's panel, the next item opens at its questions.
    await rows.first().click();
    const panel = page.locator('[data-editor-panel]');
    await expect(panel.getByText('Questions to ask')).toBeVisible();
    type Scroller = { scrollTop: number; scrollHeight: number };
    await panel.evaluate((p) => {
      const el = p as unknown as Scroller;
      el.scrollTop = el.scrollHeight;
    });
    const scrollTop = () => panel.evaluate((p) => (p as unknown as Scroller).scrollTop);
    expect(await scrollTop()).toBeGreaterThan(0);
    await rows.nth(1).click();
    await expect(rows.nth(1)).toHaveAttribute('aria-selected', 'true');
    await expect.poll(scrollTop).toBe(0);

    // 1920 px: list and editor use the width (they stopped at 1,200 px).
    await page.setViewportSize(SIZES[1]);
    const list = page.getByRole('region', { name: 'Checklist items' });
    const span = async () => {
      const l = (await list.boundingBox())!;
      const p = (await panel.boundingBox())!;
      return p.x + p.width - l.x;
    };
    await expect.poll(span).toBeGreaterThan(1500);
    if (process.env.FIELDWORK_SCREENSHOTS) await page.screenshot({ path: 'docs/screenshots/checklist-1920x1080.png' });
  });
});

test('8 · an attachment’s full SHA-256 shows in the library and the viewer, and its finding tag names the finding', async ({
  page,
}) => {
  test.setTimeout(150_000);
  await withDemo(async (served) => {
    const stage2 = await auditOf(page, served, /Nordlicht/, 'stage2');
    const by = 'Amelia Hartmann';
    const { items } = await api<{ items: { id: string }[] }>(page, served, 'checklist.get', { auditId: stage2.id });
    const draft = await api<{ id: string }>(page, served, 'findings.create', {
      auditId: stage2.id,
      finding: {
        type: 'minor',
        itemIds: [items[0]!.id],
        statement: 'The context review is not documented.',
        evidenceText: 'No record of the last review.',
        raisedBy: by,
        raisedAt: `${stage2.startDate}T10:00`,
      },
      by,
    });
    const issued = await api<{ number: string }>(page, served, 'findings.issue', { id: draft.id, by });
    const { rows } = await api<{ rows: { id: string; sha256: string; originalName: string }[] }>(
      page,
      served,
      'evidence.page',
      { auditId: stage2.id },
    );
    const file = rows[0]!;
    await api(page, served, 'evidence.link', { id: file.id, target: { type: 'finding', id: draft.id }, by });

    await page.goto(`${served.url}#/audits/${stage2.id}/evidence`);
    const row = page.getByRole('row').filter({ hasText: file.originalName });
    await expect(row.getByText(file.sha256, { exact: true })).toBeVisible();
    await expect(row.getByText(`Finding ${issued.number}`, { exact: true })).toBeVisible();
    await expect(row.getByRole('button', { name: 'Copy the SHA-256' })).toBeVisible();

    await row.getByRole('link', { name: file.originalName }).click();
    const viewer = page.getByRole('dialog', { name: file.originalName });
    await expect(viewer.getByText(file.sha256, { exact: true })).toBeVisible();
    await expect(viewer.getByRole('button', { name: 'Copy the SHA-256' })).toBeVisible();
  });
});

test('9 · errors in words: an address naming no client, and /overview', async ({ page, appUrl }) => {
  await page.goto(appUrl);
  await page.evaluate(() => {
    (globalThis as unknown as { location: { hash: string } }).location.hash = '#/clients/xyz';
  });
  await expect(page.getByRole('heading', { name: 'This client does not exist' })).toBeVisible();
  await expect(page.getByText(/Invalid input|id:/)).toHaveCount(0);
  await page.getByRole('link', { name: 'Open the clients' }).click();
  await expect(page).toHaveURL(/#\/clients$/);

  await createClient(page, 'Ostsee Fähren KG', [
    { name: 'Rostock', address: 'Hafen 1', headcount: 30, processes: 'Ticketing' },
  ]);
  await planAudit(page, 'Ostsee Fähren KG', {
    type: 'Stage 1',
    scope: 'Ticketing',
    start: '2026-06-01',
    end: '2026-06-01',
    team: [{ name: 'Jana Vogel', email: '', role: 'Lead auditor' }],
  });
  const auditId = /#\/audits\/([\w-]+)/.exec(page.url())?.[1];
  await page.evaluate((id) => {
    (globalThis as unknown as { location: { hash: string } }).location.hash = `#/audits/${id}/overview`;
  }, auditId);
  await expect(page.getByRole('tab', { name: 'Overview' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('heading', { name: 'Stage 1 audit', level: 2 })).toBeVisible();
});

test('11 · an empty data folder shows a set-up list that goes away once done', async ({ page, appUrl }) => {
  test.setTimeout(120_000);
  await page.goto(appUrl);
  const setup = page.getByRole('region', { name: 'Set up Fieldwork' });
  await expect(setup).toBeVisible();
  // Steps counted from the list itself (other issues add steps to it): each one done takes one off.
  const stepsLeft = async () => {
    const text = (await setup.getByText(/before your first audit/).textContent()) ?? '';
    const m = /^(\d+) steps|^(One) step/.exec(text);
    return m?.[2] ? 1 : Number(m?.[1] ?? NaN);
  };
  const first = await stepsLeft();
  expect(first).toBeGreaterThanOrEqual(3);
  await expect(setup.getByRole('link', { name: 'Set up the certification body' })).toBeVisible();
  await expect(setup.getByRole('link', { name: 'Create a signing identity' })).toBeVisible();
  // While the folder holds no client, the demo is offered instead.
  await expect(setup.getByRole('button', { name: 'Load the demo' })).toBeVisible();

  await expect(setup.getByRole('link', { name: 'Add a client' })).toHaveAttribute('href', '#/clients/new');
  await createClient(page, 'Ostsee Fähren KG', [
    { name: 'Rostock', address: 'Hafen 1', headcount: 30, processes: 'Ticketing' },
  ]);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Audits' }).click();
  await expect.poll(stepsLeft).toBe(first - 1);
  await expect(setup.getByText('Your first client — done')).toBeVisible();
  // A folder with a client of its own is not the demo's to fill.
  await expect(setup.getByRole('button', { name: 'Load the demo' })).toHaveCount(0);

  await setup.getByRole('link', { name: 'Set up the certification body' }).click();
  await page.getByRole('textbox', { name: /^Name/ }).first().fill('Nordcert GmbH');
  await page.getByRole('button', { name: 'Save certification body' }).click();
  await expect(page.getByText('Certification body saved')).toBeVisible();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Audits' }).click();
  await expect.poll(stepsLeft).toBe(first - 2);
});

test('11 · “Load the demo” on the set-up list fills an empty folder: the demo client’s audits show', async ({
  page,
  appUrl,
}) => {
  test.setTimeout(300_000);
  await page.goto(appUrl);
  const setup = page.getByRole('region', { name: 'Set up Fieldwork' });
  await setup.getByRole('button', { name: 'Load the demo' }).click();
  // It takes a while: a progress bar says how far it has come.
  await expect(setup.getByRole('progressbar')).toBeVisible();
  await expect(page.getByText('Demo loaded: 2 clients and 4 audits.')).toBeVisible({ timeout: 240_000 });
  const main = page.getByRole('main');
  await expect(main.getByText('Nordlicht Logistics GmbH').first()).toBeVisible();
  // The list now has the demo's audits, and the client step is done (the list may stay for other steps).
  await expect(setup.getByRole('button', { name: 'Load the demo' })).toHaveCount(0);
  await main.getByText('Nordlicht Logistics GmbH').first().click();
  await expect(page).toHaveURL(/#\/(audits|clients)\//);
});

test('6 · the Cycle tab puts the recommendation first and compares only an audit on the same checklist', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await withDemo(async (served) => {
    await page.goto(served.url);
    // Nordlicht's Stage 2 follows a Stage 1 on a different checklist: nothing to compare row by row.
    const stage2 = await auditOf(page, served, /Nordlicht/, 'stage2');
    await page.evaluate((id) => {
      (globalThis as unknown as { location: { hash: string } }).location.hash = `#/audits/${id}/cycle`;
    }, stage2.id);
    const recommendation = page.getByRole('heading', { name: 'Recommendation', level: 3 });
    const compared = page.getByRole('heading', { name: /^Compared with/, level: 3 });
    await expect(recommendation).toBeVisible();
    await expect(compared).toBeVisible();
    const [r, c] = [await recommendation.boundingBox(), await compared.boundingBox()];
    expect(r!.y).toBeLessThan(c!.y);
    await expect(page.getByText('No earlier audit of this client used the same checklist')).toBeVisible();
    await expect(page.getByRole('table', { name: 'Comparison with the previous audit' })).toHaveCount(0);
    await expect(page.getByText('Not in this audit')).toHaveCount(0);
  });
});
