import { expect, test } from './fixtures';

// Fixed so the dates the rows show are predictable.
test.use({ locale: 'en-GB', timezoneId: 'Europe/Berlin' });

const AUDITS = 130;

/** One operation over the preview host's API, as the page itself calls it; throws on a refusal. */
async function call(served: { origin: string; token: string }, op: string, input: object): Promise<{ id: string }> {
  const res = await fetch(`${served.origin}/api/${op}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Fieldwork-Token': served.token },
    body: JSON.stringify(input),
  });
  const body = (await res.json()) as { ok: boolean; value?: { id: string }; error?: { message: string } };
  if (!body.ok || !body.value) throw new Error(`${op}: ${body.error?.message ?? res.status}`);
  return body.value;
}

test('the Audits list of more audits than a page: windowed, paged and driven by the keyboard', async ({
  page,
  appUrl,
  served,
}) => {
  test.setTimeout(300_000);
  // Audit n starts on day n of 2020 and is led by "Lead n", so the list (newest first) is Lead 130 … Lead 1.
  const client = await call(served.current, 'clients.create', { name: 'Fabrikam Freight' });
  for (let n = 1; n <= AUDITS; n++) {
    const day = new Date(Date.UTC(2020, 0, n)).toISOString().slice(0, 10);
    await call(served.current, 'audits.create', {
      clientId: client.id,
      type: 'surveillance1',
      scope: `Freight platform ${n}`,
      startDate: day,
      endDate: day,
      team: [{ name: `Lead ${n}`, role: 'lead_auditor' }],
    });
  }

  await page.goto(appUrl);
  const table = page.getByRole('table', { name: 'Audits' });
  const rows = table.locator('tbody tr[aria-rowindex]');
  // Every audit counted for assistive technology (plus the header row), far fewer rendered.
  await expect(table).toHaveAttribute('aria-rowcount', String(AUDITS + 1));
  await expect(rows.first()).toContainText('Lead 130');
  expect(await rows.count()).toBeLessThan(60);
  await expect(page.getByText(`${AUDITS} audits`)).toBeVisible();

  await test.step('one tab stop: the first row, then arrows, End and Home move the focus', async () => {
    await page.getByRole('button', { name: /^Dates, sorted/ }).focus();
    await page.keyboard.press('Tab');
    const focused = table.locator('tbody tr:focus');
    await expect(focused).toHaveAttribute('aria-rowindex', '2');
    await page.keyboard.press('ArrowDown');
    await expect(focused).toHaveAttribute('aria-rowindex', '3');
    await expect(focused).toContainText('Lead 129');
    // End reaches the last row loaded; the next page arrives as the end nears, and End then reaches the last audit.
    await page.keyboard.press('End');
    await expect(focused).toHaveAttribute('aria-rowindex', /^(101|131)$/);
    await expect(async () => {
      await page.keyboard.press('End');
      await expect(focused).toHaveAttribute('aria-rowindex', '131', { timeout: 2_000 });
    }).toPass({ timeout: 30_000 });
    await expect(focused).toContainText('Lead 1');
    await expect(focused).toContainText('1 Jan 2020');
    await page.keyboard.press('Home');
    await expect(focused).toHaveAttribute('aria-rowindex', '2');
    await expect(focused).toContainText('Lead 130');
  });

  await test.step('Enter opens the focused audit', async () => {
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect(page.getByText('Freight platform 128')).toBeVisible();
  });

  await test.step('the sort is a new query: oldest first', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Audits' }).click();
    await page.getByRole('button', { name: /^Dates, sorted by start date newest first/ }).click();
    await expect(rows.first()).toContainText('Lead 1');
    await expect(rows.first()).toContainText('1 Jan 2020');
    await expect(table).toHaveAttribute('aria-rowcount', String(AUDITS + 1));
  });
});

test('the Audits screen asks for its first page and nothing else; with no audit yet it counts the clients', async ({
  page,
  appUrl,
  served,
}) => {
  const client = await call(served.current, 'clients.create', { name: 'Fabrikam Freight' });
  await page.goto(appUrl);
  await expect(page.getByRole('heading', { name: 'No audits yet' })).toBeVisible();
  await expect(page.getByText('Plan the first audit for your 1 client,')).toBeVisible();

  await call(served.current, 'audits.create', {
    clientId: client.id,
    type: 'surveillance1',
    scope: 'Freight platform',
    startDate: '2026-03-02',
    endDate: '2026-03-02',
    team: [{ name: 'Lena Lead', role: 'lead_auditor' }],
  });
  const asked: string[] = [];
  page.on('request', (r) => {
    const op = r.url().split('/api/')[1];
    if (op) asked.push(op);
  });
  await page.reload();
  await expect(page.getByRole('table', { name: 'Audits' }).locator('tbody tr[aria-rowindex]')).toHaveCount(1);
  expect(asked).toContain('audits.page');
  expect(asked).not.toContain('clients.list');
});
