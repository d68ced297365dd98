import { spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { CLI, REPO_ROOT, startServe, stop } from '../helpers/serve';
import { blocks, RULE_TAGS } from './axe';
import { auditIds, go, mainTable, openFirstRow, type Ids } from './demo-walk';
import { test as fresh } from './fixtures';

test.use({ locale: 'en-GB', timezoneId: 'Europe/Berlin' });

/** WCAG 2.0–2.2, levels A and AA, and axe's best practices (landmarks, heading order). */
/** One screen, dialog or drawer: how to get there from the one before, and what shows it is ready. */
interface Screen {
  name: string;
  open: (page: Page, ids: Ids) => Promise<Locator>;
  /** A dialog or drawer: checked alone (the screen under it is inert and was checked on its own). */
  dialog?: true;
}

const heading = (page: Page, name: string | RegExp): Locator => page.getByRole('heading', { name, level: 2 });
const tab = (page: Page, name: string): Locator => page.getByRole('tab', { name, selected: true });

// Every screen, dialog and drawer of the app with the demo data, in an order that lets each open from the one
// before (a dialog from its screen). A new screen joins this table.
const SCREENS: Screen[] = [
  { name: 'Audits', open: async (p) => (await go(p, '/audits'), p.getByRole('table', { name: 'Audits' })) },
  { name: 'Plan audit form', open: async (p) => (await go(p, '/audits/new'), p.getByLabel('Scope statement')) },
  { name: 'Clients', open: async (p) => (await go(p, '/clients'), mainTable(p)) },
  {
    name: 'Client detail and programme',
    open: async (p, ids) => (await go(p, `/clients/${ids.nordlicht}`), heading(p, 'Nordlicht Logistics GmbH')),
  },
  {
    name: 'Client form',
    open: async (p, ids) => (await go(p, `/clients/${ids.nordlicht}/edit`), p.getByLabel('Organisation name')),
  },
  { name: 'Audit overview', open: async (p, ids) => (await go(p, `/audits/${ids.stage2}`), tab(p, 'Overview')) },
  {
    name: 'Checklist and item editor',
    open: async (p, ids) => (
      await go(p, `/audits/${ids.stage2}/checklist`),
      p.locator('[role="option"][data-ref]').first()
    ),
  },
  {
    name: 'Checklist shortcuts',
    dialog: true,
    open: async (p) => {
      await p.locator('[role="option"][data-ref]').first().focus();
      await p.keyboard.press('?');
      return p.getByRole('dialog');
    },
  },
  { name: 'Interviews', open: async (p, ids) => (await go(p, `/audits/${ids.stage2}/interviews`), mainTable(p)) },
  { name: 'Interview drawer', dialog: true, open: openFirstRow },
  { name: 'Observations', open: async (p, ids) => (await go(p, `/audits/${ids.stage2}/observations`), mainTable(p)) },
  { name: 'Observation drawer', dialog: true, open: openFirstRow },
  { name: 'Documents', open: async (p, ids) => (await go(p, `/audits/${ids.stage2}/documents`), mainTable(p)) },
  { name: 'Document drawer', dialog: true, open: openFirstRow },
  {
    name: 'Evidence library',
    open: async (p, ids) => (await go(p, `/audits/${ids.stage2}/evidence`), p.getByRole('table', { name: 'Evidence' })),
  },
  {
    name: 'Evidence viewer',
    dialog: true,
    open: async (p) => {
      await p.getByRole('table', { name: 'Evidence' }).getByRole('link').first().click();
      return p.getByRole('dialog');
    },
  },
  { name: 'Findings', open: async (p, ids) => (await go(p, `/audits/${ids.surveillance}/findings`), mainTable(p)) },
  { name: 'Finding editor', dialog: true, open: openFirstRow },
  {
    name: 'New finding',
    dialog: true,
    open: async (p, ids) => (
      await go(p, `/audits/${ids.stage2}/findings`),
      await p.getByRole('button', { name: 'New finding' }).click(),
      p.getByRole('dialog', { name: 'New finding' })
    ),
  },
  {
    name: 'Dashboard',
    open: async (p, ids) => (await go(p, `/audits/${ids.stage2}/dashboard`), p.locator('.recharts-surface').first()),
  },
  { name: 'Cycle', open: async (p, ids) => (await go(p, `/audits/${ids.surveillance}/cycle`), tab(p, 'Cycle')) },
  {
    name: 'Report tab',
    open: async (p, ids) => (
      await go(p, `/audits/${ids.surveillance}/report`),
      p.getByRole('button', { name: 'Issue and sign…' })
    ),
  },
  {
    name: 'Issue and sign',
    dialog: true,
    open: async (p) => (
      await p.getByRole('button', { name: 'Issue and sign…' }).click(),
      p.getByRole('dialog', { name: 'Issue and sign' })
    ),
  },
  { name: 'Team tab', open: async (p, ids) => (await go(p, `/audits/${ids.stage2}/team`), tab(p, 'Team')) },
  { name: 'Nonconformities', open: async (p) => (await go(p, '/nonconformities'), mainTable(p)) },
  { name: 'Templates', open: async (p) => (await go(p, '/templates'), mainTable(p)) },
  { name: 'Check a document', open: async (p) => (await go(p, '/verify'), heading(p, /Check a document/)) },
  {
    name: 'Certification body',
    open: async (p) => (await go(p, '/settings/branding'), heading(p, /Certification body/)),
  },
  { name: 'Signing identities', open: async (p) => (await go(p, '/settings/signing'), heading(p, /Signing/)) },
  {
    name: 'Report templates',
    open: async (p) => (await go(p, '/settings/report-templates'), heading(p, 'Report templates')),
  },
  { name: 'Backups', open: async (p) => (await go(p, '/settings/backups'), heading(p, /Backups/)) },
  { name: 'Security', open: async (p) => (await go(p, '/settings/security'), heading(p, 'Security')) },
  {
    name: 'Search palette (Ctrl+K)',
    dialog: true,
    open: async (p) => (await p.keyboard.press('Control+K'), p.getByRole('dialog', { name: 'Search' })),
  },
];

interface Hit {
  screen: string;
  theme: string;
  rule: string;
  impact: string;
  targets: string[];
  summary: string;
}

/** The dark scheme changes colours only: names, roles and structure were checked in the light one. */
const DARK_RULES = ['color-contrast', 'link-in-text-block'];

test('every screen, dialog and drawer: no critical or serious WCAG 2.2 AA violation, light and dark', async ({
  page,
  request,
}) => {
  // Load-bound, not a timing check: about 30 axe runs per scheme on a busy two-core machine.
  test.setTimeout(600_000);
  const dir = await mkdtemp(join(tmpdir(), 'fieldwork-a11y-'));
  const demo = spawnSync(process.execPath, [CLI, 'demo', '--data-dir', dir], { cwd: REPO_ROOT, encoding: 'utf8' });
  expect(demo.status, demo.stderr).toBe(0);
  const served = await startServe(dir);
  try {
    const ids = await auditIds(request, served);
    const hits: Hit[] = [];
    for (const theme of ['light', 'dark'] as const) {
      // Reduced motion: dialogs open without their fade, so axe never measures a colour half-way through it.
      await page.emulateMedia({ colorScheme: theme, reducedMotion: 'reduce' });
      await page.goto(served.url);
      await expect(page.locator('html')).toHaveAttribute('data-mantine-color-scheme', theme);
      await expect(page.getByRole('table', { name: 'Audits' })).toBeVisible();
      for (const screen of SCREENS) {
        await test.step(`${screen.name} (${theme})`, async () => {
          await expect(await screen.open(page, ids)).toBeVisible({ timeout: 20_000 });
          // options() first: it replaces the options withTags() sets. Only violations are collected (faster).
          const axe = new AxeBuilder({ page }).options({ resultTypes: ['violations'] });
          if (theme === 'light') axe.withTags(RULE_TAGS);
          else axe.withRules(DARK_RULES);
          // A viewed file's own page (the evidence viewer's frame) is the client's document, not the app.
          axe.exclude('iframe');
          if (screen.dialog) axe.include('[role="dialog"]');
          // Any transition still running (a drawer's slide) would blend colours: measured once all have ended.
          await page.waitForFunction(() =>
            (globalThis as unknown as { document: { getAnimations(): { playState: string }[] } }).document
              .getAnimations()
              .every((a) => a.playState !== 'running'),
          );
          const result = await axe.analyze();
          for (const v of result.violations) {
            hits.push({
              screen: screen.name,
              theme,
              rule: v.id,
              impact: v.impact ?? '',
              targets: v.nodes.slice(0, 3).map((n) => n.target.join(' ')),
              summary: v.nodes[0]?.failureSummary?.split('\n').slice(0, 2).join(' ') ?? '',
            });
          }
          // Leave dialogs by Escape, as a keyboard user would; the next screen starts from a clean page.
          if (screen.dialog) {
            await page.keyboard.press('Escape');
            await expect(page.getByRole('dialog')).toHaveCount(0);
          }
        });
      }
    }
    await test.step('Checklist rows announce number, title and result in words', async () => {
      await go(page, `/audits/${ids.stage2}/checklist`);
      await expect(page.locator('[role="option"][data-ref="6.2"]')).toHaveAccessibleName(
        /^6\.2 Information security objectives.* Opportunity for improvement$/,
      );
      await expect(page.locator('[role="option"][data-ref="A.5.18"]')).toHaveAccessibleName(
        /^5\.18 Access rights Minor nonconformity$/,
      );
      // The rest of the row (sampled records, "Needs a finding") is its description.
      await expect(page.locator('[role="option"][data-ref="A.5.18"]')).toHaveAccessibleDescription(/sampled record/);
    });
    const blocking = hits.filter(blocks);
    expect(blocking).toEqual([]);
  } finally {
    await stop(served.proc);
    await rm(dir, { recursive: true, force: true });
  }
});

fresh('the first Tab is a skip link to the one main landmark', async ({ page, appUrl }) => {
  await page.goto(appUrl);
  await expect(page.getByRole('heading', { name: 'Audits', level: 2 })).toBeVisible();
  await expect(page.getByRole('main')).toHaveCount(1);

  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to main content' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('main')).toBeFocused();
  await expect(page).toHaveURL(/#\/audits$/); // the route stays: the link only moves the focus
  // The next Tab lands inside the screen, not back in the header.
  await page.keyboard.press('Tab');
  await expect(page.getByRole('main').locator(':focus')).toHaveCount(1);
});

fresh(
  'the colour scheme follows the system until Light or Dark is chosen; the choice survives a reload',
  async ({ page, appUrl }) => {
    const scheme = page.locator('html');
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.goto(appUrl);
    await expect(scheme).toHaveAttribute('data-mantine-color-scheme', 'dark');
    await page.emulateMedia({ colorScheme: 'light' });
    await expect(scheme).toHaveAttribute('data-mantine-color-scheme', 'light');

    const appearance = page.getByRole('group', { name: 'Appearance' });
    await appearance.getByText('Dark', { exact: true }).click();
    await expect(scheme).toHaveAttribute('data-mantine-color-scheme', 'dark');
    await page.reload();
    await expect(page.getByRole('heading', { name: 'Audits', level: 2 })).toBeVisible();
    await expect(scheme).toHaveAttribute('data-mantine-color-scheme', 'dark');

    await page.getByRole('group', { name: 'Appearance' }).getByText('System', { exact: true }).click();
    await expect(scheme).toHaveAttribute('data-mantine-color-scheme', 'light');
  },
);
