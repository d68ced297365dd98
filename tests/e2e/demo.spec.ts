import { spawnSync } from 'node:child_process';
import { expect, test } from '@playwright/test';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CLI, REPO_ROOT, startServe, stop } from '../helpers/serve';

test.use({ locale: 'en-GB' });

// The README's promise: `fieldwork demo --data-dir D && fieldwork serve --data-dir D`
// prints a URL that opens on the demo audits, and the API behind it is locked.
test('demo data served by the CLI opens in Chromium; the API refuses calls without token or from elsewhere', async ({
  page,
  request,
}) => {
  const dir = await mkdtemp(join(tmpdir(), 'fieldwork-demo-'));
  const demo = spawnSync(process.execPath, [CLI, 'demo', '--data-dir', dir], { cwd: REPO_ROOT, encoding: 'utf8' });
  expect(demo.status, demo.stderr).toBe(0);
  const served = await startServe(dir);
  try {
    await page.goto(served.url);
    const rows = page.getByRole('row').filter({ hasText: 'Nordlicht Logistics GmbH' });
    await expect(rows).toHaveCount(2);
    await expect(rows.filter({ hasText: 'Stage 2' })).toContainText('In progress');
    await expect(rows.filter({ hasText: 'Stage 1' })).toContainText('Closed');

    const api = `${served.origin}/api/audits.list`;
    const noToken = await request.post(api, { data: {} });
    expect(noToken.status()).toBe(401);
    const withToken = { 'X-Fieldwork-Token': served.token };
    const foreignOrigin = await request.post(api, {
      data: {},
      headers: { ...withToken, Origin: 'http://attacker.example' },
    });
    expect(foreignOrigin.status()).toBe(403);
    const foreignHost = await request.post(api, {
      data: {},
      headers: { ...withToken, Host: `attacker.example:${served.port}` },
    });
    expect(foreignHost.status()).toBe(403);
    const ok = await request.post(api, { data: {}, headers: withToken });
    // Two demo clients: Nordlicht (Stage 1 + Stage 2) and Havelwerk (Stage 2 + Surveillance 1).
    expect(((await ok.json()) as { value: unknown[] }).value).toHaveLength(4);
  } finally {
    await stop(served.proc);
    await rm(dir, { recursive: true, force: true });
  }
});
