import { chmod } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test } from './fixtures';

test('a data folder others could read is made private at start-up, and the app says so once', async ({
  page,
  appUrl,
  dataDir,
  restartServer,
}) => {
  // A fresh folder is private from the start: nothing to tell.
  await page.goto(appUrl);
  await expect(page.getByRole('heading', { name: 'No audits yet' })).toBeVisible();
  await expect(page.getByText('now private to you')).toHaveCount(0);

  // As an older version left it: world-readable folder and database.
  await chmod(dataDir, 0o755);
  await chmod(join(dataDir, 'fieldwork.sqlite'), 0o644);
  await page.goto(await restartServer());
  const notice = page.getByRole('alert').filter({ hasText: 'now private to you' });
  await expect(notice).toContainText('could be read by other users of this computer');
  await expect(notice).toHaveCount(1);
});
