import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { startServe, stop, type Served } from '../helpers/serve';
import { expect, test } from './fixtures';

/**
 * Issue 15 in the browser through the preview host: a plain folder is encrypted with a recovery passphrase from
 * Settings → Security, the passphrase is changed, Fieldwork locks (an op from elsewhere, then by itself after the
 * idle time), the lock screen refuses a wrong passphrase in words and opens with the right one, and what was being
 * typed is still there.
 */
const FIRST = 'amber quarry lantern 9';
const SECOND = 'violet harbour cinder 4';

/** The backend's own lock state, asked over the host's API like the window does. */
async function post(page: Page, served: Served, op: string, input: object = {}) {
  const res = await page.request.post(`${served.origin}/api/${op}`, {
    headers: { 'X-Fieldwork-Token': served.token },
    data: input,
  });
  return (await res.json()) as { ok: boolean; value?: { locked: boolean }; error?: { code: string } };
}

async function fillPassphrase(page: Page, passphrase: string) {
  await page.getByLabel('New passphrase').fill(passphrase);
  await page.getByLabel('Type it again').fill(passphrase);
}

test.describe.configure({ timeout: 240_000 });

test('a recovery passphrase encrypts the folder; locked, it opens only with that passphrase', async ({
  page,
  appUrl,
  served,
  dataDir,
}) => {
  await page.goto(appUrl);
  const setup = page.getByRole('region', { name: 'Set up Fieldwork' });
  await expect(setup.getByRole('link', { name: 'Encrypt with a passphrase' })).toBeVisible();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Security' }).click();
  await expect(page.getByText('Not encrypted')).toBeVisible();

  await test.step('a weak passphrase is refused beside its field; a strong one encrypts after confirmation', async () => {
    await fillPassphrase(page, 'password');
    await page.getByRole('button', { name: 'Encrypt with this passphrase' }).click();
    await expect(page.getByText(/at least 12 characters/)).toBeVisible();
    await fillPassphrase(page, FIRST);
    await page.getByRole('button', { name: 'Encrypt with this passphrase' }).click();
    const confirm = page.getByRole('dialog', { name: 'Encrypt the data folder now?' });
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    await expect(page.getByText('Not encrypted')).toBeVisible();
    await page.getByRole('button', { name: 'Encrypt with this passphrase' }).click();
    await confirm.getByRole('button', { name: 'Encrypt now' }).click();
    // A conversion and a scrypt wrap (128 MiB): seconds on a busy machine.
    await expect(page.getByText('The data folder is encrypted')).toBeVisible({ timeout: 60_000 });
    await expect(page.getByText('Encrypted', { exact: true })).toBeVisible();
    expect(existsSync(join(dataDir, 'fieldwork.key'))).toBe(true);
  });

  await test.step('the passphrase is changed (the key re-wrapped)', async () => {
    await fillPassphrase(page, SECOND);
    await page.getByRole('button', { name: 'Change passphrase' }).click();
    await expect(page.getByText('Passphrase changed')).toBeVisible({ timeout: 60_000 });
  });

  await test.step('locked from elsewhere while a form is half-typed: the lock screen comes, the typing stays', async () => {
    await page.goto(appUrl.replace(/\/\?token=.*/, '/#/clients/new'));
    const name = page.getByRole('textbox', { name: 'Organisation name' });
    await name.fill('Halbgetippt Reederei');
    expect((await post(page, served.current, 'security.lock')).value?.locked).toBe(true);
    expect((await post(page, served.current, 'clients.list')).error?.code).toBe('locked');
    // The window polls its status; the lock screen takes over within one poll.
    const lock = page.getByRole('main', { name: 'Fieldwork is locked' });
    await expect(lock).toBeVisible({ timeout: 30_000 });
    await expect(name).toBeHidden();

    const passphrase = lock.getByLabel('Passphrase');
    await expect(passphrase).toBeFocused();
    await passphrase.fill(FIRST);
    await passphrase.press('Enter');
    await expect(lock.getByRole('alert')).toContainText('not the passphrase of this data folder', { timeout: 60_000 });
    await passphrase.fill(SECOND);
    await passphrase.press('Enter');
    await expect(lock).toBeHidden({ timeout: 60_000 });
    await expect(name).toHaveValue('Halbgetippt Reederei');
  });
});

test('an encrypted folder starts locked in the preview host and locks itself after the idle time', async ({
  page,
  served,
  dataDir,
}) => {
  // Encrypted through the API on the fixture's host, which is then restarted without a passphrase file and with
  // a test "minute" of 300 ms.
  await page.goto(served.current.url);
  const encrypted = await post(page, served.current, 'security.encrypt', { passphrase: FIRST, confirm: FIRST });
  expect(encrypted.ok).toBe(true);
  await stop(served.current.proc);
  process.env.FIELDWORK_TEST_MINUTE_MS = '300';
  let again: Served;
  try {
    again = await startServe(dataDir);
  } finally {
    delete process.env.FIELDWORK_TEST_MINUTE_MS;
  }
  try {
    await page.goto(again.url);
    const lock = page.getByRole('main', { name: 'Fieldwork is locked' });
    await expect(lock).toBeVisible();
    await lock.getByLabel('Passphrase').fill(FIRST);
    await lock.getByRole('button', { name: 'Unlock' }).click();
    await expect(lock).toBeHidden({ timeout: 60_000 });

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Security' }).click();
    await page.getByText('5 min', { exact: true }).click();
    // 5 test minutes (1.5 s) without activity: the backend locks; the window finds out at its next poll.
    await expect(lock).toBeVisible({ timeout: 30_000 });
    expect((await post(page, again, 'security.status')).value?.locked).toBe(true);
  } finally {
    await stop(again.proc);
  }
});
