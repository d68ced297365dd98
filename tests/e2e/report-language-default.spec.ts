import { expect, test } from './fixtures';
import { choose, nav } from './ui';

test.use({ locale: 'en-GB' });

test("a new audit starts in the certification body's report language, still changeable on its form", async ({
  page,
  appUrl,
}) => {
  await page.goto(appUrl);
  await nav(page, 'Certification body').click();
  const form = page.getByRole('form', { name: 'Certification body' });
  // Every report language is offered, not English alone.
  await choose(page, form, 'Report language', 'Deutsch');
  await form.getByRole('button', { name: 'Save certification body' }).click();
  await expect(page.getByText('Certification body saved')).toBeVisible();

  await nav(page, 'Audits').click();
  await page.getByRole('link', { name: 'Plan audit' }).first().click();
  const language = page.getByRole('combobox', { name: 'Report language', exact: true });
  await expect(language).toHaveValue('Deutsch');
  await choose(page, page, 'Report language', 'Français');
  await expect(language).toHaveValue('Français');
});
