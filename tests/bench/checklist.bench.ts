/**
 * `npm run bench checklist`: how fast the checklist screen renders a full
 * Stage 2 checklist (123 items, each with 2 KB of notes and 5 sampled records)
 * in Chromium, and how long a result key takes to reach the screen. The render
 * is compared with loading a static HTML page of the same 123 rows from the
 * same preview host (navigation start → rows painted, timed the same way); the
 * keypress with one plain DOM text change in the same page.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../helpers/chromium';
import { startServe, stop } from '../helpers/serve';
import {
  timeKeypress,
  timePlainTable,
  timePlainTextChange,
  timeTabSwitch,
  watchOnLoad,
  watchRowsOnLoad,
} from './probes';
import { report } from './report';
import { seedFullChecklist } from './seed';
import { writeStaticTable } from './static-page';

const RENDER_RUNS = 5;
const KEYPRESS_RUNS = 20;

const dataDir = await mkdtemp(join(tmpdir(), 'fieldwork-bench-'));
const { auditId, rows } = await seedFullChecklist(dataDir);
const want = rows.length;
const served = await startServe(dataDir);
const browser = await chromium.launch({
  executablePath: CHROMIUM_PATH,
  args: CHROMIUM_ARGS,
});

const checklistUrl = `${served.url}#/audits/${auditId}/checklist`;
const staticTable = writeStaticTable(
  'checklist',
  ['Number', 'Title', 'Assignee', 'Sampled', 'Result'],
  rows.map((r) => [r.number, r.title, r.assignee, `${r.samples} sampled records`, r.result]),
);
const staticUrl = `${served.origin}${staticTable.path}`;

/** A full page load straight onto `url`: navigation start → all rows painted. */
async function loadOnce(page: Page, url = checklistUrl): Promise<{ dom: number; paint: number; detail: string }> {
  // From a blank page, so that a URL differing only in its hash is still a full load.
  await page.goto('about:blank');
  await page.goto(url);
  // A function, not a string: the app's CSP forbids eval of strings in the page.
  const handle = await page.waitForFunction(() => (globalThis as { __bench?: unknown }).__bench, undefined, {
    timeout: 30_000,
  });
  return (await handle.jsonValue()) as { dom: number; paint: number; detail: string };
}

try {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, locale: 'en-GB' });
  await context.addInitScript({ content: watchRowsOnLoad(want) });
  await context.addInitScript({ content: watchOnLoad('^/bench-static-', 'tbody tr', want) });
  const page = await context.newPage();
  page.on('pageerror', (e) => console.error(`page error: ${e.message}`));

  // (a) Render. The first load warms the browser's caches and the server; it is reported, not counted.
  // The floor, the same rows as a static page from the same host, is loaded alternately with the app.
  const cold = await loadOnce(page);
  await loadOnce(page, staticUrl);
  const loads: number[] = [];
  const tables: number[] = [];
  for (let i = 0; i < RENDER_RUNS; i++) {
    const load = await loadOnce(page);
    loads.push(load.paint);
    tables.push((await loadOnce(page, staticUrl)).paint);
    console.error(`load: rows in DOM ${load.dom.toFixed(0)}, painted ${load.paint.toFixed(0)}; ${load.detail}`);
  }
  await loadOnce(page);
  const switches: number[] = [];
  const inserts: number[] = [];
  for (let i = 0; i < RENDER_RUNS; i++) {
    await page.evaluate(`location.hash = '#/audits/${auditId}'`);
    await page.getByRole('tab', { name: 'Overview', selected: true }).waitFor();
    switches.push(await page.evaluate<number>(timeTabSwitch(`#/audits/${auditId}/checklist`, want)));
    inserts.push(await page.evaluate<number>(timePlainTable(rows)));
  }

  // (b) Keypress → paint on a selected item, alternating two results so the badge always changes.
  const ref = '5.2';
  await page.locator(`[role="option"][data-ref="A.${ref}"]`).click();
  const presses: number[] = [];
  const plain: number[] = [];
  const changedAfter: number[] = [];
  for (let i = 0; i < KEYPRESS_RUNS; i++) {
    presses.push(await page.evaluate<number>(timeKeypress(`A.${ref}`, i % 2 === 0 ? '1' : '3')));
    changedAfter.push(await page.evaluate<number>('window.__benchChanged'));
    plain.push(await page.evaluate<number>(timePlainTextChange));
    // Let the autosave's answer land before the next press.
    await page.waitForTimeout(120);
  }
  await page.getByRole('status').filter({ hasText: 'All changes saved' }).waitFor({ timeout: 10_000 });

  console.error(
    `items ${want}; cold load ${cold.paint.toFixed(1)} ms (rows in DOM at ${cold.dom.toFixed(1)} ms); ` +
      `keypress: badge text changed after ${changedAfter.map((x) => x.toFixed(1)).join(', ')}; ` +
      `loads ${loads.map((x) => x.toFixed(1)).join(', ')}; tab switches ${switches.map((x) => x.toFixed(1)).join(', ')}`,
  );
  report({ bench: 'checklist-render', runs: loads, baseline: 'static-html-page', baselineRuns: tables, target: 150 });
  report({
    bench: 'checklist-tab-switch',
    runs: switches,
    baseline: 'plain-html-table-insert',
    baselineRuns: inserts,
    target: 150,
  });
  report({ bench: 'checklist-keypress', runs: presses, baseline: 'plain-dom-text', baselineRuns: plain, target: 16 });
} finally {
  staticTable.remove();
  await browser.close();
  await stop(served.proc);
  await rm(dataDir, { recursive: true, force: true });
}
