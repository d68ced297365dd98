import { spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { CLI, REPO_ROOT, startServe, stop } from '../helpers/serve';

// English system: English is the default, German is the user's choice in Settings.
test.use({ locale: 'en-GB' });

/**
 * English UI words that must not be left on a German screen. "Audits" is not
 * among them: it is the German plural too (das Audit, die Audits).
 */
const ENGLISH_WORDS = [
  'Save',
  'Cancel',
  'Findings',
  'Checklist',
  'Clients',
  'Settings',
  'Evidence',
  'Add',
  'Delete',
  'Search',
];

/**
 * The English words left in `scope`'s visible text, outside the user's own data
 * (marked translate="no": scope statements, objectives, …).
 */
async function englishLeft(scope: Locator): Promise<string[]> {
  // Every text node (visually hidden ones too: screen readers say them), each its own word run, skipping
  // the user's data; DOM types spelled out because the tests' tsconfig has no DOM library.
  type TextNode = { nodeValue: string | null; parentElement: { closest(s: string): unknown } | null };
  type Root = { ownerDocument: { createTreeWalker(root: unknown, show: number): { nextNode(): TextNode | null } } };
  const texts = await scope.evaluateAll((roots) =>
    (roots as unknown as Root[]).flatMap((root) => {
      const walker = root.ownerDocument.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
      const out: string[] = [];
      for (let n = walker.nextNode(); n; n = walker.nextNode())
        if (!n.parentElement?.closest('[translate="no"]')) out.push(n.nodeValue ?? '');
      return out;
    }),
  );
  const text = texts.join(' ');
  // Word edges by letters: "Checkliste" does not contain the word "Checklist".
  return ENGLISH_WORDS.filter((w) => new RegExp(`(?<![A-Za-zÀ-ÿ])${w}(?![A-Za-zÀ-ÿ])`).test(text));
}

/** The Settings language select in the navigation. */
const languageSelect = (page: Page) => page.getByRole('combobox', { name: /^(Language|Sprache|Langue)$/ });

test('the UI switches to German in Settings at once, keeps it across a reload, and French reads French', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const dir = await mkdtemp(join(tmpdir(), 'fieldwork-i18n-'));
  const demo = spawnSync(process.execPath, [CLI, 'demo', '--data-dir', dir], { cwd: REPO_ROOT, encoding: 'utf8' });
  expect(demo.status, demo.stderr).toBe(0);
  const served = await startServe(dir);
  try {
    await page.goto(served.url);
    // English by default on an English system. The first screen of a fresh server is slow on a loaded machine.
    await expect(page.getByRole('heading', { name: 'Audits', level: 2 })).toBeVisible({ timeout: 30_000 });
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.getByRole('navigation').getByRole('link', { name: 'Clients' })).toBeVisible();

    // Settings → Language → Deutsch: applied without a reload (the same document: a marker survives).
    await page.evaluate(() => ((globalThis as unknown as { stayed: boolean }).stayed = true));
    await languageSelect(page).selectOption('de');
    await expect(page.locator('html')).toHaveAttribute('lang', 'de');
    const nav = page.getByRole('navigation', { name: 'Hauptnavigation' });
    await expect(nav.getByRole('link', { name: 'Kunden' })).toBeVisible();
    await expect(nav.getByText('Einstellungen')).toBeVisible();
    expect(await page.evaluate(() => (globalThis as unknown as { stayed?: boolean }).stayed)).toBe(true);

    // The audits list: German headings, filters, labels from the shared catalogue, dates in German.
    await expect(page.getByRole('heading', { name: 'Audits', level: 2 })).toBeVisible();
    await expect(page.getByRole('textbox', { name: 'Suchen' })).toBeVisible();
    const rows = page.getByRole('row').filter({ hasText: 'Nordlicht Logistics GmbH' });
    await expect(rows.filter({ hasText: 'Stufe 2' })).toContainText('In Durchführung');
    await expect(rows.filter({ hasText: 'Stufe 1' })).toContainText('Abgeschlossen');
    expect(await englishLeft(page.locator('body'))).toEqual([]);

    // An audit's page: header, status steps, tabs and overview.
    await rows.filter({ hasText: 'Stufe 2' }).getByRole('link').first().click();
    await expect(page.getByRole('heading', { name: 'Audit: Stufe 2', level: 2 })).toBeVisible();
    const tabs = page.getByRole('tablist');
    for (const tab of ['Übersicht', 'Checkliste', 'Nachweise', 'Feststellungen', 'Bericht'])
      await expect(tabs.getByRole('tab', { name: tab })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Geltungsbereich', exact: true })).toBeVisible();
    expect(await englishLeft(page.locator('header, nav, [role="tablist"]'))).toEqual([]);
    expect(await englishLeft(page.locator('main'))).toEqual([]);

    // The checklist: header, filters, grouped list and the hint where the item's editor opens (item titles and
    // guidance are the template's own text, translate="no"); result chips read the German short names.
    await tabs.getByRole('tab', { name: 'Checkliste' }).click();
    await expect(page.getByRole('search', { name: 'Checkliste filtern' })).toBeVisible();
    await expect(page.getByRole('switch', { name: 'Noch nicht auditiert' })).toBeVisible();
    await expect(page.getByRole('group', { name: 'Ergebnis' }).getByText('Hauptabw.')).toBeVisible();
    await expect(page.getByText(/^Vorlage .* · Version /)).toBeVisible();
    await expect(page.getByText(/Wählen Sie einen Prüfpunkt/)).toBeVisible();
    expect(await englishLeft(page.locator('main'))).toEqual([]);
    // The selected item's own fields (its findings and evidence panels are still to do) and the shortcuts.
    // Rows, not the filters' <option>s.
    const firstItem = page.getByRole('listbox').first().getByRole('option').first();
    await firstItem.click();
    await expect(page.getByText('Zu stellende Fragen')).toBeVisible();
    await expect(page.getByRole('textbox', { name: 'Notizen' })).toBeVisible();
    await expect(page.getByRole('radiogroup', { name: 'Ergebnis' })).toBeVisible();
    await firstItem.press('?');
    const shortcuts = page.getByRole('dialog', { name: 'Tastenkürzel' });
    await expect(shortcuts).toContainText('Nächster Prüfpunkt');
    expect(await englishLeft(shortcuts)).toEqual([]);
    await page.keyboard.press('Escape');
    await expect(shortcuts).toBeHidden();
    // An item marked as a minor nonconformity: the findings raised against it, in German.
    await page.getByRole('group', { name: 'Ergebnis' }).getByText('Nebenabw.').click();
    await page.getByRole('listbox').first().getByRole('option').first().click();
    const itemFindings = page.getByRole('region', { name: 'Feststellungen zu diesem Prüfpunkt' });
    await expect(itemFindings.getByText('Feststellungen', { exact: true })).toBeVisible();
    expect(await englishLeft(itemFindings)).toEqual([]);

    // Clients: the list whole; a client's page by its header and facts (its certification programme is to do).
    await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Kunden' }).click();
    await expect(page.getByRole('heading', { name: 'Kunden', level: 2 })).toBeVisible();
    await expect(page.getByRole('columnheader', { name: 'Standorte' })).toBeVisible();
    expect(await englishLeft(page.locator('main'))).toEqual([]);

    // The Nonconformities list: header, filters and column heads (the statements are the auditors' own words).
    await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Abweichungen' }).click();
    await expect(page.getByRole('heading', { name: 'Abweichungen', level: 2 })).toBeVisible();
    await expect(page.getByRole('switch', { name: 'Nur überfällige' })).toBeVisible();
    await expect(page.getByRole('columnheader', { name: 'Stellungnahme fällig' })).toBeVisible();
    expect(await englishLeft(page.locator('main h2, main [role="search"], main [role="columnheader"]'))).toEqual([]);

    // The search palette.
    await page.getByRole('button', { name: /^Suche/ }).click();
    const palette = page.getByRole('dialog', { name: 'Suche' });
    await expect(palette.getByRole('combobox', { name: 'Suchbegriff' })).toBeFocused();
    await expect(palette).toContainText('Geben Sie ein Wort');
    expect(await englishLeft(palette)).toEqual([]);
    await page.keyboard.press('Escape');
    await expect(palette).toBeHidden();

    // Kept on this computer: a reload opens in German.
    await page.reload();
    await expect(page.locator('html')).toHaveAttribute('lang', 'de');
    await expect(
      page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Kunden' }),
    ).toBeVisible();
    await expect(languageSelect(page)).toHaveValue('de');

    // French, spot-checked.
    await languageSelect(page).selectOption('fr');
    await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
    const navFr = page.getByRole('navigation', { name: 'Navigation principale' });
    await expect(navFr.getByText('Paramètres')).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Non-conformités', level: 2 })).toBeVisible();
    await expect(page.getByRole('columnheader', { name: 'Réponse attendue le' })).toBeVisible();

    // Back to the system's language: English again.
    await languageSelect(page).selectOption('system');
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.getByRole('heading', { name: 'Nonconformities', level: 2 })).toBeVisible();
  } finally {
    await stop(served.proc);
    await rm(dir, { recursive: true, force: true });
  }
});
