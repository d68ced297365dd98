import { expect, test } from './fixtures';
import { JOURNAL_RAW, reloadKeeping } from './ui';

/**
 * The draft journal in a real browser (issue 15): what is typed comes back after a reload, yet the IndexedDB rows
 * read raw in the page hold none of it — only the record keys and the sealed bytes.
 */
const ADDRESS = 'Quellgasse 7, 79098 Freiburg, Tresorraum im Keller';

test('typed text survives a reload and is sealed in IndexedDB', async ({ page, appUrl }) => {
  await page.goto(appUrl);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Clients' }).click();
  await page.getByRole('link', { name: 'Add client' }).first().click();
  await page.getByLabel('Registered address').fill(ADDRESS);
  // Waits until the journal holds it (opened with the folder's key, as the app opens it).
  await reloadKeeping(page, ADDRESS);
  await expect(page.getByLabel('Registered address')).toHaveValue(ADDRESS);
  await expect(page.locator('[data-restored-draft]')).toBeVisible();

  const raw = await page.evaluate<string[]>(JOURNAL_RAW);
  expect(raw.length).toBeGreaterThan(0);
  expect(raw.join('\n')).toContain('client/new:');
  for (const piece of [ADDRESS, 'Quellgasse', 'Tresorraum', 'Freiburg']) expect(raw.join('\n')).not.toContain(piece);
  expect(raw.join('\n')).not.toMatch(/\|text:/);
});
