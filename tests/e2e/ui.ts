import { expect, type Locator, type Page } from '@playwright/test';

/**
 * Picks an option of a Mantine Select labelled `label` within `scope`. By
 * role, within the option list Mantine labels with the same label: another
 * list on the page (the UI's own language picker offers "Deutsch" too) may
 * hold an option of the same name.
 */
export async function choose(page: Page, scope: Page | Locator, label: string, option: string): Promise<void> {
  await scope.getByRole('combobox', { name: label, exact: true }).click();
  await page
    .getByRole('listbox', { name: label, exact: true })
    .getByRole('option', { name: option, exact: true })
    .click();
}

/** A link of the main navigation, by its exact label. */
export const nav = (page: Page, name: string): Locator =>
  page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name, exact: true });

/** Chooses `file` through the picker a Mantine FileInput (a button) opens. */
export async function pick(page: Page, input: Locator, file: string): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await input.click();
  await (await chooser).setFiles(file);
}

export interface SiteData {
  name: string;
  address: string;
  headcount: number;
  processes: string;
}

/** Fills the "Site N" fieldset of the client form. */
export async function fillSite(page: Page, index: number, site: SiteData): Promise<void> {
  const group = page.getByRole('group', { name: `Site ${index}` });
  await group.getByLabel('Site name').fill(site.name);
  await group.getByLabel('Site address').fill(site.address);
  await group.getByLabel('Headcount').fill(String(site.headcount));
  await group.getByLabel('Processes at this site').fill(site.processes);
}

export interface MemberData {
  name: string;
  email: string;
  role: 'Lead auditor' | 'Auditor' | 'Technical expert' | 'Observer';
}

/** Fills the "Team member N" row of the audit form (the row must exist). */
export async function fillMember(page: Page, index: number, member: MemberData): Promise<void> {
  const row = page.getByRole('group', { name: `Team member ${index}` });
  await row.getByLabel('Name').fill(member.name);
  await row.getByLabel('E-mail').fill(member.email);
  await choose(page, row, 'Role', member.role);
}

/** The rows of the audit list table, header excluded. */
export const auditRows = (page: Page): Locator => page.getByRole('table', { name: 'Audits' }).locator('tbody tr');

export async function expectNoToken(page: Page): Promise<void> {
  await expect(page).not.toHaveURL(/token=/);
}

/** Adds a client with the given sites through the client form; ends on its detail page. */
export async function createClient(page: Page, name: string, sites: SiteData[]): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Clients' }).click();
  await page.getByRole('link', { name: 'Add client' }).first().click();
  await page.getByLabel('Organisation name').fill(name);
  for (const [i, site] of sites.entries()) {
    if (i > 0) await page.getByRole('button', { name: 'Add site' }).click();
    await fillSite(page, i + 1, site);
  }
  await page.getByRole('button', { name: 'Create client' }).click();
  await expect(page.getByRole('heading', { name, level: 2 })).toBeVisible();
}

export interface AuditData {
  type: 'Stage 1' | 'Stage 2' | 'Surveillance 1' | 'Surveillance 2' | 'Recertification' | 'Special';
  scope: string;
  start: string;
  end: string;
  team: MemberData[];
  /** Sites in scope, by name; none by default. */
  sites?: string[];
}

/** Plans an audit for `client` through the audit form; ends on the new audit's page. */
export async function planAudit(page: Page, client: string, audit: AuditData): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Audits' }).click();
  await page.getByRole('link', { name: 'Plan audit' }).first().click();
  await choose(page, page, 'Client', client);
  await choose(page, page, 'Audit type', audit.type);
  await page.getByLabel('Planned start').fill(audit.start);
  await page.getByLabel('Planned end').fill(audit.end);
  await page.getByLabel('Scope statement').fill(audit.scope);
  for (const [i, member] of audit.team.entries()) {
    if (i > 0) await page.getByRole('button', { name: 'Add team member' }).click();
    await fillMember(page, i + 1, member);
  }
  for (const site of audit.sites ?? []) {
    await page.getByRole('combobox', { name: 'Sites in scope' }).click();
    await page.getByRole('option', { name: site, exact: true }).click();
    await page.keyboard.press('Escape');
  }
  await page.getByRole('button', { name: 'Create audit' }).click();
  await expect(page.getByRole('heading', { name: `${audit.type} audit`, level: 2 })).toBeVisible();
}

/** The rows of the checklist: listbox options, one per item. */
export const checklistRows = (page: Page): Locator => page.locator('[role="option"][data-ref]');
/** One row by the item's template reference: "4.1", "A.5.23", "S1.scope". */
export const checklistRow = (page: Page, ref: string): Locator => page.locator(`[role="option"][data-ref="${ref}"]`);

/**
 * Every text in this page's draft journal (IndexedDB), read without the app's
 * code: the rows as stored, their sealed text opened with the journal's key
 * asked of the preview host itself (`security.draftKey`, with the page's token)
 * and the row's identity as additional data, as lib/drafts/seal.ts seals it.
 * A string: the tests compile without the DOM library.
 */
const JOURNAL_TEXTS = `(async () => {
  const rows = await new Promise((resolve, reject) => {
    const open = indexedDB.open('fieldwork-drafts');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      if (!db.objectStoreNames.contains('drafts')) { db.close(); resolve([]); return; }
      const all = db.transaction('drafts').objectStore('drafts').getAll();
      all.onerror = () => reject(all.error);
      all.onsuccess = () => { db.close(); resolve(all.result); };
    };
  });
  if (!rows.some((row) => row.sealed)) return rows.map((row) => row.text);
  const answer = await (await fetch('/api/security.draftKey', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Fieldwork-Token': sessionStorage.getItem('fieldwork.previewToken') ?? '' },
    body: '{}',
  })).json();
  if (!answer.ok) return [];
  const raw = Uint8Array.from(atob(answer.value.key), (c) => c.charCodeAt(0));
  const key = await crypto.subtle.importKey('raw', raw, 'AES-GCM', false, ['decrypt']);
  const texts = [];
  for (const row of rows) {
    if (!row.sealed) { texts.push(row.text); continue; }
    const additionalData = new TextEncoder().encode(row.key + '\\n' + row.auditId + '\\n' + row.updatedAt);
    try {
      const plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: row.sealed.iv, additionalData }, key, row.sealed.data);
      texts.push(JSON.parse(new TextDecoder().decode(plain))[0]);
    } catch {
      // Sealed under another key: not this folder's.
    }
  }
  return texts;
})()`;

/**
 * What the draft journal's rows hold as stored, every string and byte of
 * them decoded as text (lossy), keys and all: what `strings` on the browser
 * profile could find.
 */
export const JOURNAL_RAW = `new Promise((resolve, reject) => {
  const open = indexedDB.open('fieldwork-drafts');
  open.onerror = () => reject(open.error);
  open.onsuccess = () => {
    const db = open.result;
    if (!db.objectStoreNames.contains('drafts')) { db.close(); resolve([]); return; }
    const all = db.transaction('drafts').objectStore('drafts').getAll();
    all.onerror = () => reject(all.error);
    all.onsuccess = () => {
      db.close();
      const flat = (v) => typeof v === 'string' ? v
        : v instanceof ArrayBuffer ? new TextDecoder('latin1').decode(v)
        : ArrayBuffer.isView(v) ? new TextDecoder('latin1').decode(v)
        : v && typeof v === 'object' ? Object.entries(v).map(([k, x]) => k + ':' + flat(x)).join('|')
        : String(v);
      resolve(all.result.map(flat));
    };
  };
})`;

/**
 * Waits until the draft journal holds each of `texts`: keystrokes are written
 * to IndexedDB after the next paint, so a reload in the same instant may
 * legitimately come before them.
 */
export async function untilJournaled(page: Page, ...texts: string[]): Promise<void> {
  for (const text of texts) {
    await expect
      .poll(() => page.evaluate<string[]>(JOURNAL_TEXTS), { message: `the draft journal keeps “${text}”` })
      .toContainEqual(expect.stringContaining(text));
  }
}

/**
 * Reloads the page once the draft journal holds each of `kept`, accepting the
 * browser's leave-page question if one is asked.
 */
export async function reloadKeeping(page: Page, ...kept: string[]): Promise<void> {
  await untilJournaled(page, ...kept);
  page.once('dialog', (dialog) => void dialog.accept());
  await page.reload();
}
