import { expect, test } from './fixtures';

/**
 * A click on the main navigation keeps the screen that is open until the next screen's code has arrived (its
 * first read is under way meanwhile), instead of a loader: a loader shown would hold the next screen back until
 * 300 ms after it appeared (React's throttle on revealing what a fallback stood in for). The next screen's code
 * is held here until the test has looked; nothing else is waited for.
 */
test('the open screen stays, with no loader, until the next screen’s code has arrived', async ({ page, appUrl }) => {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  let requested!: () => void;
  const codeRequested = new Promise<void>((resolve) => (requested = resolve));
  await page.route('**/assets/NonconformitiesPage-*.js', async (route) => {
    requested();
    await released;
    await route.continue();
  });
  await page.goto(appUrl);
  await expect(page.getByRole('heading', { name: 'No audits yet' })).toBeVisible();

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Nonconformities' }).click();
  await codeRequested;
  await expect(page).toHaveURL(/#\/nonconformities$/);
  // The code is held: the audits' screen is still the one shown, and nothing says it is loading.
  await expect(page.getByRole('heading', { name: 'No audits yet' })).toBeVisible();
  await expect(page.getByRole('main').locator('[aria-busy="true"]')).toHaveCount(0);

  release();
  await expect(page.getByRole('heading', { name: 'Nonconformities', level: 2 })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'No audits yet' })).toBeHidden();
});
