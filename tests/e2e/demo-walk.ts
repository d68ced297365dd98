import type { APIRequestContext, Locator, Page } from '@playwright/test';
import type { Served } from '../helpers/serve';

/** What the walks over the demo data (axe sweep, German walk) navigate to. */
export interface Ids {
  /** Nordlicht's Stage 2, in progress: checklist, records, evidence. */
  stage2: string;
  /** Havelwerk's Surveillance 1: findings through their life, the report. */
  surveillance: string;
  nordlicht: string;
}

/** The demo's audits the walks visit, read through the API the app uses. */
export async function auditIds(request: APIRequestContext, served: Served): Promise<Ids> {
  const res = await request.post(`${served.origin}/api/audits.list`, {
    data: {},
    headers: { 'X-Fieldwork-Token': served.token },
  });
  const audits = ((await res.json()) as { value: { id: string; type: string; clientId: string; clientName: string }[] })
    .value;
  const find = (client: string, type: string) => {
    const a = audits.find((x) => x.clientName.startsWith(client) && x.type === type);
    if (!a) throw new Error(`demo audit ${client} ${type} missing`);
    return a;
  };
  const stage2 = find('Nordlicht', 'stage2');
  return { stage2: stage2.id, nordlicht: stage2.clientId, surveillance: find('Havelwerk', 'surveillance1').id };
}

/**
 * Goes to `path` by a hash change, not a page load: the app is a single page, and the language and the data
 * already read stay, as when a user follows a link.
 */
export async function go(page: Page, path: string): Promise<void> {
  await page.evaluate((p) => {
    (globalThis as unknown as { location: { hash: string } }).location.hash = p;
  }, path);
}

/** The screen's first table. */
export const mainTable = (page: Page): Locator => page.getByRole('main').getByRole('table').first();

/** Opens the first record of the screen's table by its link, as a user would; resolves to its drawer. */
export async function openFirstRow(page: Page): Promise<Locator> {
  await mainTable(page).getByRole('link').first().click();
  return page.getByRole('dialog');
}
