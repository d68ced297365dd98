import { CHROMIUM_ARGS, CHROMIUM_PATH } from './tests/helpers/chromium';
import { defineConfig } from '@playwright/test';

/**
 * End-to-end tests drive the browser preview (`fieldwork serve`) in the
 * system Chromium. Each test starts its own server on a fresh data dir (see
 * tests/e2e/fixtures.ts), so there is no webServer block. It runs the built CLI
 * and renderer: `npm run build` first (npm test does).
 */
export default defineConfig({
  testDir: 'tests/e2e',
  workers: 1,
  fullyParallel: false,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: 'list',
  outputDir: 'test-results/e2e',
  use: {
    browserName: 'chromium',
    headless: true,
    viewport: { width: 1280, height: 900 },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: CHROMIUM_PATH,
      args: CHROMIUM_ARGS,
    },
  },
});
