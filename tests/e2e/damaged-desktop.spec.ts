import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServe, stop, type Served } from '../helpers/serve';
import { blockingViolations } from './axe';
import { expect, test } from './fixtures';

/**
 * The damaged-folder screen's desktop buttons. The desktop app's preload is
 * stood in for by a script that gives the page the HTTP transport as
 * `window.fieldwork.invoke` and records calls to `desktop.showDataFolder` and
 * `desktop.quit` (main's side of them is tested with electron mocked:
 * tests/unit/electron/desktop-ipc.test.ts). In the preview, they are hidden.
 */
test('a damaged folder in the desktop app offers Show in folder and Quit; the preview does not', async ({ page }) => {
  test.setTimeout(120_000);
  const dataDir = await mkdtemp(join(tmpdir(), 'fieldwork-e2e-damaged-desktop-'));
  let served: Served | undefined;
  try {
    // Not a database at all: SQLite cannot read it, so the host starts for recovery only.
    await writeFile(join(dataDir, 'fieldwork.sqlite'), randomBytes(64 * 1024));
    served = await startServe(dataDir);
    const heading = page.getByRole('heading', { name: 'Fieldwork’s database is damaged', level: 1 });

    // The browser preview: no desktop, no such buttons.
    await page.goto(served.url);
    await expect(heading).toBeVisible({ timeout: 30_000 });
    await expect(page.getByRole('button', { name: 'Copy the data folder’s path' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Show in folder' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Quit Fieldwork' })).toHaveCount(0);

    // As in the desktop app: a preload's window.fieldwork with the desktop extras.
    await page.addInitScript((token: string) => {
      const calls: string[] = [];
      const answered = (what: string) => () => {
        calls.push(what);
        return Promise.resolve({ ok: true, value: {} });
      };
      Object.assign(globalThis, {
        desktopCalls: calls,
        fieldwork: {
          invoke: async (op: string, input: unknown) =>
            (
              await fetch(`/api/${op}`, {
                method: 'POST',
                headers: { 'Content-Type': 'application/json', 'X-Fieldwork-Token': token },
                body: JSON.stringify(input ?? {}),
              })
            ).json(),
          desktop: {
            importFiles: () => Promise.resolve({ ok: false, error: { code: 'unsupported', message: 'not here' } }),
            isOnDisk: () => false,
            showDataFolder: answered('showDataFolder'),
            quit: answered('quit'),
          },
        },
      });
    }, served.token);
    await page.goto(served.origin);
    await expect(heading).toBeVisible({ timeout: 30_000 });
    const show = page.getByRole('button', { name: 'Show in folder' });
    await expect(show).toBeVisible();
    // Keyboard first: both are reached and pressed without a mouse.
    await show.focus();
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Quit Fieldwork' }).focus();
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.evaluate(() => (globalThis as unknown as { desktopCalls: string[] }).desktopCalls))
      .toEqual(['showDataFolder', 'quit']);
    expect(await blockingViolations(page)).toEqual([]);
  } finally {
    if (served) await stop(served.proc);
    await rm(dataDir, { recursive: true, force: true });
  }
});
