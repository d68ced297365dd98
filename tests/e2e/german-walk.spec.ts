import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { UI_NAMESPACES } from '../../renderer/src/i18n/namespaces';
import { CLI, REPO_ROOT, startServe, stop } from '../helpers/serve';
import AxeBuilder from '@axe-core/playwright';
import { blocks, RULE_TAGS } from './axe';
import { auditIds, go, mainTable, openFirstRow, type Ids } from './demo-walk';

// Issue 17's done-when: switch the UI to German and walk the main screens with no English word left outside the
// user's own data. An English system, so German is the user's choice in Settings, as a user makes it.
test.use({ locale: 'en-GB', timezoneId: 'Europe/Berlin' });

/**
 * English UI words that are neither German nor French words (so a German screen that shows one shows English).
 * Left out on purpose because German or French use them too: audit(s), team, plan, programme, cycle, client(s),
 * document(s), observation(s), interview(s), note, date, type, status, name, person, description, details, export,
 * import, upload, download, filter, backup, branding, logo, start, version, format, link, code, hash, total,
 * options, question(s), section(s), clause, site, stage, surveillance, certification, signature, organisation,
 * information, application, action(s), contact, dashboard, review, reset, session, meeting, agenda, passphrase,
 * optional, app, computer, data, tab, table, comment, grade, minute(s), must (Muss), it (IT), in, an, was, will, also, so,
 * die, man, art, kind, fast, hell, elf, bin, um, am.
 */
const ENGLISH_WORDS = new Set(
  `the and of with to for from this that these those your you our we is are be been being not no yet none nothing
  any all each every some more less other only than then when what who whom which where there here how why its
  into onto over under before after until while about by at on or if as has have had can cannot could would
  should may might do does did done don't isn't aren't won't can't doesn't didn't there's it's
  add added adding save saved saving unsaved cancel cancelled delete deleted remove removed new open opened close
  closed edit edited show hide search clear back next previous load loading loaded failed error warning select
  choose chosen file files drop item items issue issued issuing verify verified check checked checking page
  pages minor major nonconformity nonconformities finding findings evidence checklist checklists record records
  report reports template templates settings audited auditors opportunity improvement corrective response
  responses due overdue today yesterday tomorrow created updated changed last first draft drafts lead member
  members role roles people phone address organization employees headcount recertification certificate
  certificates identity identities password lock locked unlock key keys trusted untrusted signed unsigned sign
  signing valid invalid expired expires expiry scope objectives requirement requirements control controls annex
  sample samples sampled result results overview appearance light dark language languages security backups body
  write written read reading shown hidden empty yes keep kept restore restored create creating update updating
  pick picked attach attached attachment attachments linked unlink view viewer preview print send sent receive
  received planned progress complete completed incomplete missing required week weeks day days month
  months year years hour hours ago never always ready needs need needed raise raised graded verification
  verifier method methods outcome outcomes accept accepted reject rejected approve approved answer answered
  asked ask owner owners assigned assign unassigned everyone nobody folder folders window screen list lists row
  rows column columns heading title titles summary full short long size sizes count counts number numbers
  customer customers company opening closing schedule scheduled auditor's client's audit's finding's`
    .split(/\s+/)
    .filter(Boolean),
);

/** Where the words of one screen come from: its text nodes and what users read or hear in attributes. */
async function screenStrings(page: Page): Promise<string[]> {
  // DOM types spelled out: the tests' tsconfig has no DOM library.
  type El = { getAttribute(n: string): string | null; closest(s: string): unknown };
  type TextNode = { nodeValue: string | null; parentElement: El | null };
  type Doc = {
    body: unknown;
    createTreeWalker(root: unknown, show: number): { nextNode(): TextNode | null };
    querySelectorAll(s: string): Iterable<El>;
  };
  return page.evaluate(() => {
    const doc = (globalThis as unknown as { document: Doc }).document;
    const out: string[] = [];
    const walker = doc.createTreeWalker(doc.body, 4 /* NodeFilter.SHOW_TEXT */);
    for (let n = walker.nextNode(); n; n = walker.nextNode())
      if (!n.parentElement?.closest('script, style, noscript, iframe')) out.push(n.nodeValue ?? '');
    for (const el of doc.querySelectorAll('[aria-label], [placeholder], [title], [alt], [aria-roledescription]'))
      for (const a of ['aria-label', 'placeholder', 'title', 'alt', 'aria-roledescription']) {
        const v = el.getAttribute(a);
        if (v) out.push(v);
      }
    return out;
  });
}

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The user's own data and the standard's titles, as the strings the app was given: every string of every API answer
 * the page received (clients, audits, findings, notes, file names, the templates' titles and questions) and the
 * built-in templates' clause and control titles (English by design: no licence for translated titles).
 */
class OwnData {
  private readonly exact = new Set<string>();
  /** Longer strings, removed where they appear inside a text ("Audit: Nordlicht Logistics GmbH"). */
  private inner: string[] = [];
  private blob = '';
  private dirty = false;

  add(value: unknown): void {
    if (typeof value === 'string') {
      const s = squash(value);
      if (!s || this.exact.has(s)) return;
      this.exact.add(s);
      this.dirty = true;
    } else if (Array.isArray(value)) for (const v of value) this.add(v);
    else if (value && typeof value === 'object') for (const v of Object.values(value)) this.add(v);
  }

  private refresh(): void {
    if (!this.dirty) return;
    this.dirty = false;
    // One word alone ("Open", a status code) is only data where a text is exactly it: inside a sentence it could
    // hide an English word.
    this.inner = [...this.exact].filter((s) => s.length >= 8 || /\s/.test(s)).sort((a, b) => b.length - a.length);
    this.blob = [...this.exact].join('\n');
  }

  /** What is left of `text` once the data in it is taken out ('' when it is data). */
  strip(text: string): string {
    this.refresh();
    let s = squash(text);
    if (this.exact.has(s)) return '';
    // A long text cut short on screen ("…") or split by highlighting is a piece of one data string.
    const piece = s.replace(/…$/, '').trim();
    if (piece.length >= 24 && this.blob.includes(piece)) return '';
    for (const d of this.inner) {
      if (s.length < d.length) continue;
      if (s.includes(d)) s = s.split(d).join(' ');
    }
    // "Observation: <a note cut short…>": the cut piece after a label of ours.
    if (/…$/.test(s))
      for (const m of s.matchAll(/(?<=^|\s)\S/g)) {
        const tail = s.slice(m.index, -1).trim();
        if (tail.length < 24) break;
        if (this.blob.includes(tail)) {
          s = s.slice(0, m.index);
          break;
        }
      }
    return squash(s);
  }
}

/** The English words left in `text`, by whole words (so "Checkliste" does not hold "Checklist"). */
function englishIn(text: string): string[] {
  // Not words: placeholders of a template ({clientName}, {#findings}), file names and paths.
  const prose = text
    .replace(/\{[^}]*\}/g, ' ')
    .replace(/\S*[/\\]\S*/g, ' ')
    .replace(/\S+\.(?:docx|xlsx|json|csv|pdf|png|jpe?g|webp|zip|p12|pem|fwbk)\b/gi, ' ');
  const words = prose.match(/\p{L}[\p{L}’']*/gu) ?? [];
  return [...new Set(words.filter((w) => ENGLISH_WORDS.has(w.toLowerCase().replace(/’/g, "'"))))];
}

/**
 * How a user finds a button or tab by name: its English text or, once translated, the German the catalogues give
 * for that English text (any namespace), so the walk follows the translators without being edited.
 */
function named(en: string): RegExp {
  const de = new Set<string>();
  const walk = (e: unknown, d: unknown) => {
    if (typeof e === 'string') {
      if (e === en && typeof d === 'string') de.add(d);
    } else if (e && typeof e === 'object' && d && typeof d === 'object')
      for (const [k, v] of Object.entries(e)) walk(v, (d as Record<string, unknown>)[k]);
  };
  for (const ns of Object.values(UI_NAMESPACES)) walk(ns.en, ns.de);
  return new RegExp(`^(?:${[en, ...de].map(escape).join('|')})$`);
}

const main = (page: Page) => page.getByRole('main');
const h2 = (page: Page) => main(page).getByRole('heading', { level: 2 }).first();
const dialog = (page: Page) => page.getByRole('dialog');
const tabSelected = (page: Page) => page.getByRole('tab', { selected: true });

interface Screen {
  name: string;
  /** Gets there from the screen before; resolves to what shows the screen is ready. */
  open: (page: Page, ids: Ids) => Promise<Locator>;
  /** A dialog or drawer, closed by Escape before the next screen. */
  dialog?: true;
  /** Checked by axe in German too: screens whose German text is new (labels and contrast must hold). */
  axe?: true;
}

// The main screens, every tab of an audit, and the dialogs and drawers a user opens most.
const SCREENS: Screen[] = [
  { name: 'Audits', open: async (p) => (await go(p, '/audits'), mainTable(p)), axe: true },
  { name: 'New audit', open: async (p) => (await go(p, '/audits/new'), main(p).getByRole('textbox').first()) },
  { name: 'Clients', open: async (p) => (await go(p, '/clients'), mainTable(p)) },
  {
    name: 'Client and programme',
    open: async (p, ids) => (
      await go(p, `/clients/${ids.nordlicht}`),
      p.getByRole('heading', { name: 'Nordlicht Logistics GmbH', level: 2 })
    ),
  },
  { name: 'New client', open: async (p) => (await go(p, '/clients/new'), main(p).getByRole('textbox').first()) },
  {
    name: 'Edit client',
    open: async (p, ids) => (await go(p, `/clients/${ids.nordlicht}/edit`), main(p).getByRole('textbox').first()),
  },
  { name: 'Audit overview', open: async (p, ids) => (await go(p, `/audits/${ids.stage2}`), tabSelected(p)) },
  { name: 'Plan tab', open: async (p, ids) => (await go(p, `/audits/${ids.stage2}/plan`), tabSelected(p)) },
  {
    name: 'Checklist and an item',
    open: async (p, ids) => {
      await go(p, `/audits/${ids.stage2}/checklist`);
      await p.locator('[role="option"][data-ref="A.5.18"]').click();
      return p.getByRole('radiogroup').first();
    },
  },
  { name: 'Interviews', open: async (p, ids) => (await go(p, `/audits/${ids.stage2}/interviews`), mainTable(p)) },
  { name: 'Interview drawer', dialog: true, open: openFirstRow },
  { name: 'Observations', open: async (p, ids) => (await go(p, `/audits/${ids.stage2}/observations`), mainTable(p)) },
  { name: 'Observation drawer', dialog: true, open: openFirstRow },
  { name: 'Documents', open: async (p, ids) => (await go(p, `/audits/${ids.stage2}/documents`), mainTable(p)) },
  { name: 'Document drawer', dialog: true, open: openFirstRow },
  { name: 'Evidence', open: async (p, ids) => (await go(p, `/audits/${ids.stage2}/evidence`), mainTable(p)) },
  { name: 'Evidence viewer', dialog: true, open: openFirstRow },
  { name: 'Findings', open: async (p, ids) => (await go(p, `/audits/${ids.surveillance}/findings`), mainTable(p)) },
  { name: 'Finding drawer', dialog: true, open: openFirstRow, axe: true },
  {
    name: 'New finding',
    dialog: true,
    open: async (p, ids) => {
      await go(p, `/audits/${ids.stage2}/findings`);
      await main(p)
        .getByRole('button', { name: named('New finding') })
        .click();
      return dialog(p);
    },
  },
  { name: 'Dashboard', open: async (p, ids) => (await go(p, `/audits/${ids.stage2}/dashboard`), tabSelected(p)) },
  { name: 'Cycle', open: async (p, ids) => (await go(p, `/audits/${ids.surveillance}/cycle`), tabSelected(p)) },
  {
    name: 'Report and export',
    open: async (p, ids) => (
      await go(p, `/audits/${ids.surveillance}/report`),
      main(p).getByRole('button', { name: named('Issue and sign…') })
    ),
  },
  {
    name: 'Issue and sign',
    dialog: true,
    open: async (p) => (
      await main(p)
        .getByRole('button', { name: named('Issue and sign…') })
        .click(),
      dialog(p)
    ),
  },
  { name: 'Team tab', open: async (p, ids) => (await go(p, `/audits/${ids.stage2}/team`), tabSelected(p)) },
  { name: 'Nonconformities', open: async (p) => (await go(p, '/nonconformities'), mainTable(p)) },
  { name: 'Templates', open: async (p) => (await go(p, '/templates'), mainTable(p)) },
  { name: 'Check a document', open: async (p) => (await go(p, '/verify'), h2(p)) },
  { name: 'Certification body', open: async (p) => (await go(p, '/settings/branding'), h2(p)) },
  { name: 'Signing identities', open: async (p) => (await go(p, '/settings/signing'), h2(p)) },
  { name: 'Report templates', open: async (p) => (await go(p, '/settings/report-templates'), h2(p)) },
  { name: 'Backups', open: async (p) => (await go(p, '/settings/backups'), h2(p)) },
  { name: 'Security', open: async (p) => (await go(p, '/settings/security'), h2(p)) },
];

/** The built-in templates' clause, theme and control titles: the standard's own words, English by design. */
function standardTitles(data: OwnData): void {
  const dir = join(REPO_ROOT, 'resources', 'templates');
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.json'))) {
    const t = JSON.parse(readFileSync(join(dir, file), 'utf8')) as {
      title: string;
      groups: { title: string }[];
      items: { number: string; title: string }[];
    };
    data.add([t.title, t.groups.map((g) => g.title), t.items.map((i) => [i.title, `${i.number} ${i.title}`])]);
  }
}

test('German: the main screens, an audit’s tabs and the main dialogs show no English word outside the user’s data', async ({
  page,
  request,
}) => {
  // Load-bound, not a timing check: a demo folder and about 35 screens on a busy two-core machine (about 2.5 min
  // for the demo alone at a load average of 28).
  test.setTimeout(600_000);
  const dir = await mkdtemp(join(tmpdir(), 'fieldwork-german-walk-'));
  const demo = spawnSync(process.execPath, [CLI, 'demo', '--data-dir', dir], { cwd: REPO_ROOT, encoding: 'utf8' });
  expect(demo.status, demo.stderr).toBe(0);
  const served = await startServe(dir);
  const data = new OwnData();
  standardTitles(data);
  // Every answer of the backend is the user's data as far as the screen is concerned: it arrives as it was written.
  const reading: Promise<void>[] = [];
  // A screen that throws in German (a missing parameter, a bad plural) shows nothing: said, not just timed out.
  const crashes: string[] = [];
  page.on('pageerror', (e) => crashes.push(e.message));
  page.on('console', (m) => void (m.type() === 'error' && crashes.push(m.text().slice(0, 300))));
  let inFlight = 0;
  const api = (url: string) => url.includes('/api/');
  page.on('request', (req) => void (api(req.url()) && inFlight++));
  page.on('requestfinished', (req) => void (api(req.url()) && inFlight--));
  page.on('requestfailed', (req) => void (api(req.url()) && inFlight--));
  page.on('response', (res) => {
    if (!res.url().includes('/api/') || !(res.headers()['content-type'] ?? '').includes('json')) return;
    reading.push(
      res.json().then(
        (body: unknown) => data.add(body),
        () => undefined,
      ),
    );
  });
  try {
    const ids = await auditIds(request, served);
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await page.goto(served.url);
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(mainTable(page)).toBeVisible({ timeout: 30_000 });

    // Settings → Language → Deutsch, as a user does it.
    await page.getByRole('combobox', { name: /^(Language|Sprache)$/ }).selectOption('de');
    await expect(page.locator('html')).toHaveAttribute('lang', 'de');

    /** screen → the strings with English words, each string reported on the first screen it shows on. */
    const left = new Map<string, string[]>();
    const seen = new Set<string>();
    const axeHits: string[] = [];
    for (const screen of SCREENS) {
      await test.step(screen.name, async () => {
        const ready = await screen.open(page, ids);
        await expect(ready, `${screen.name}: ${crashes.join('; ')}`).toBeVisible({ timeout: 20_000 });
        // The screen is read once no request is in flight (what is still loading would be missed). A slow one
        // (the cycle's gaps under load) is not waited for past 30 s: its "loading" words are read instead.
        await expect
          .poll(() => inFlight, { timeout: 30_000 })
          .toBe(0)
          .catch(() => undefined);
        await Promise.all(reading);
        const strings = await screenStrings(page);
        const hits: string[] = [];
        for (const raw of new Set(strings)) {
          const rest = data.strip(raw);
          const words = englishIn(rest);
          if (!words.length) continue;
          const shown = rest.length > 90 ? `${rest.slice(0, 90)}…` : rest;
          if (seen.has(shown)) continue;
          seen.add(shown);
          hits.push(`"${shown}" [${words.join(', ')}]`);
        }
        if (hits.length) left.set(screen.name, hits);
        if (screen.axe) {
          // A dialog alone: the screen under its overlay is dimmed on purpose (and checked on its own).
          const axe = new AxeBuilder({ page }).options({ resultTypes: ['violations'] }).withTags(RULE_TAGS);
          if (screen.dialog) axe.include('[role="dialog"]');
          for (const v of (await axe.analyze()).violations)
            if (blocks({ rule: v.id, impact: v.impact ?? '' }))
              axeHits.push(`${screen.name}: ${v.id}: ${v.nodes[0]?.target.join(' ') ?? ''}`);
        }
        if (screen.dialog) {
          await page.keyboard.press('Escape');
          await expect(dialog(page)).toHaveCount(0);
        }
      });
    }
    const report = [...left].map(([screen, hits]) => `${screen}:\n  ${hits.join('\n  ')}`).join('\n');
    expect
      .soft(left.size, `English words on German screens (screen → text [words]), outside the user's data:\n${report}`)
      .toBe(0);
    expect.soft(axeHits, 'accessibility (axe) of the German screens').toEqual([]);
  } finally {
    await stop(served.proc);
    await rm(dir, { recursive: true, force: true });
  }
});
