import { createHash } from 'node:crypto';
import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import sharp from 'sharp';
import type { Checklist } from '#shared/domain/checklist';
import type { SigningIdentity } from '#shared/domain/signing';
import type { Evidence } from '#shared/domain/evidence';
import type { ConflictView, TeamStatus } from '#shared/domain/team';
import { allText, readDocx } from '../helpers/docx';
import { startServe, stop } from '../helpers/serve';
import { expect, test } from './fixtures';
import { call, closeHost, fieldwork, keep, openHost, type Host } from './team-hosts';
import { checklistRow, createClient, nav, pick, planAudit } from './ui';

test.use({ locale: 'en-GB', timezoneId: 'Europe/Lisbon' });

const CLIENT = 'Kestrel Logistics BV';
const LEAD = 'Amelia Hartmann';
const TOM = 'Tom Berg';
const SARA = 'Sara Lind';
const PASS = 'team-passphrase';
const SLOW = { timeout: 60_000 };

/** A quick ECDSA identity named as the team member, through the backend's one door. */
function createIdentity(dataDir: string, name: string): SigningIdentity {
  return call<SigningIdentity>(dataDir, 'signing.create', {
    name,
    role: name === LEAD ? 'Lead auditor' : 'Auditor',
    organisation: 'Nordsee Certification GmbH',
    keyAlgorithm: 'ecdsa-p256',
    protection: { kind: 'passphrase', passphrase: PASS },
  });
}

const sha256 = async (file: string) =>
  createHash('sha256')
    .update(await readFile(file))
    .digest('hex');
const badge = (row: Locator) => row.locator('[data-result]');
const teamTab = (page: Page) => page.getByRole('tab', { name: /^Team/ });

/** Makes the signed package on the Team tab and keeps the downloaded file. */
async function makePackage(page: Page, button: string, dir: string, estimate = /The package holds/): Promise<string> {
  await teamTab(page).click();
  await page.getByRole('button', { name: button }).click();
  const modal = page.getByRole('dialog');
  await expect(modal.getByTestId('package-estimate')).toHaveText(estimate, SLOW);
  await modal.getByLabel('Passphrase').fill(PASS);
  const download = page.waitForEvent('download', SLOW);
  await modal.getByRole('button', { name: /^Make (return )?package$/ }).click();
  const file = await keep(download, dir);
  await expect(modal).toBeHidden(SLOW);
  expect(file).toMatch(/\.fwpkg$/);
  return file;
}

/** Picks a package with "Import package…" and waits for its preview. */
async function openPackage(page: Page, file: string): Promise<Locator> {
  await pick(page, page.getByRole('button', { name: 'Import package…' }), file);
  const modal = page.getByRole('dialog', { name: /^Import / });
  await expect(modal.getByText('Signed by')).toBeVisible(SLOW);
  return modal;
}

/** Confirms an unknown signer's fingerprint (Import stays disabled until then) and imports. */
async function importConfirmed(modal: Locator, signer: SigningIdentity): Promise<void> {
  const warning = modal.getByRole('alert').filter({ hasText: 'Check who signed this package' });
  await expect(warning).toContainText(signer.fingerprint);
  await expect(modal.getByRole('button', { name: 'Import', exact: true })).toBeDisabled();
  await warning.getByLabel('I compared the fingerprint with the sender').check();
  await modal.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(modal).toBeHidden(SLOW);
}

/** The team member this browser says it is (the checklist's "I am"): their name goes with their edits. */
async function iAm(page: Page, name: string): Promise<void> {
  await page.getByRole('tab', { name: 'Checklist' }).click();
  await page.getByLabel('I am').selectOption({ label: name });
}

async function setResult(page: Page, ref: string, key: string, label: string): Promise<void> {
  await checklistRow(page, ref).click();
  await checklistRow(page, ref).focus();
  await page.keyboard.press(key);
  await expect(badge(checklistRow(page, ref))).toHaveText(label);
}

async function writeNotes(page: Page, ref: string, text: string): Promise<void> {
  await checklistRow(page, ref).click();
  await page.keyboard.press('Enter');
  const notes = page.getByRole('textbox', { name: 'Notes' });
  await expect(notes).toBeFocused();
  await notes.fill(text);
  await expect(page.getByRole('status').filter({ hasText: 'All changes saved' })).toBeVisible(SLOW);
  await page.keyboard.press('Escape');
}

const auditIdOf = (page: Page): string => /#\/audits\/([\w-]+)/.exec(page.url())?.[1] ?? '';

test('team audit on three hosts: the lead sends out, two auditors edit (some fields alike) and return, the lead merges with previews and decides a conflict side by side; a copy merging in the other order ends identical; the signed report names both packages', async ({
  page,
  appUrl,
  dataDir,
  served,
  browser,
}) => {
  test.setTimeout(900_000);
  const files = await mkdtemp(join(tmpdir(), 'fieldwork-team-files-'));
  const copyDir = await mkdtemp(join(tmpdir(), 'fieldwork-team-copy-'));
  const hosts: Host[] = [];
  try {
    const leadId = createIdentity(dataDir, LEAD);
    // --- The lead names the certification body (every report carries it) and plans the audit with its team of three.
    await page.goto(appUrl);
    await nav(page, 'Certification body').click();
    const body = page.getByRole('form', { name: 'Certification body' });
    await body.getByLabel('Name').fill('Nordsee Certification GmbH');
    await body.getByRole('button', { name: 'Save certification body' }).click();
    await expect(page.getByText('Certification body saved')).toBeVisible();
    await createClient(page, CLIENT, [
      { name: 'Rotterdam', address: 'Waalhaven 12', headcount: 240, processes: 'Warehousing IT' },
    ]);
    await planAudit(page, CLIENT, {
      type: 'Stage 2',
      scope: 'Warehouse management and customer portal',
      start: '2026-05-11',
      end: '2026-05-13',
      team: [
        { name: LEAD, email: 'amelia@cb.example', role: 'Lead auditor' },
        { name: TOM, email: 'tom@cb.example', role: 'Auditor' },
        { name: SARA, email: 'sara@cb.example', role: 'Auditor' },
      ],
    });
    const auditId = auditIdOf(page);
    // The lead's plan (migration 15 logs it): a session of the timetable, which each auditor's copy must show.
    const TOPIC = 'Warehouse access control walk-through';
    call(dataDir, 'plan.addSession', {
      auditId,
      day: '2026-05-12',
      startTime: '09:30',
      endTime: '11:00',
      topic: TOPIC,
      auditee: 'Site security lead',
    });
    // A document already reviewed when the audit goes out: one auditor deletes it, the other revises it.
    const doc = call<{ id: string }>(dataDir, 'documents.create', {
      auditId,
      document: { title: 'Supplier security policy', revision: '3' },
    });

    await teamTab(page).click();
    await expect(page.getByText('Solo: this audit has not been shared with a team yet.')).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Nothing exchanged yet' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'No open conflicts' })).toBeVisible();

    // --- Send out to everyone: the lead's Team tab records it.
    const sent = await makePackage(page, 'Send to team member…', files);
    await expect(page.getByText('You lead this audit’s team')).toBeVisible();
    const exchanges = page.getByRole('table', { name: 'Packages exchanged' });
    await expect(exchanges.getByRole('row').filter({ hasText: 'Sent out' })).toContainText('For the whole team');
    const sentHash = await sha256(sent);
    await expect(exchanges.getByRole('button', { name: `Copy SHA-256 ${sentHash.slice(0, 12)}…` })).toBeVisible();
    await expect(exchanges.getByTitle(sentHash)).toHaveText(`${sentHash.slice(0, 12)}…`);

    // --- Each auditor imports it on their own laptop: a team copy, led from the lead's folder.
    const tom = await openHost(browser, 'tom');
    hosts.push(tom);
    const sara = await openHost(browser, 'sara');
    hosts.push(sara);
    const tomId = createIdentity(tom.dataDir, TOM);
    const saraId = createIdentity(sara.dataDir, SARA);
    const leadFolder = call<TeamStatus>(dataDir, 'team.status', { auditId }).thisFolderId;
    for (const h of [tom, sara]) {
      await nav(h.page, 'Audits').click();
      const preview = await openPackage(h.page, sent);
      await expect(preview).toContainText('The audit sent out by its lead');
      await expect(preview).toContainText(LEAD);
      await importConfirmed(preview, leadId);
      await expect(h.page.getByText(/^Imported the package from/)).toBeVisible();
      await expect(h.page).toHaveURL(new RegExp(`#/audits/${auditId}/team$`));
      await expect(
        h.page.getByText(`Team copy — led from data folder ${leadFolder.replace(/-/g, '').slice(-8)}`),
      ).toBeVisible();
      await expect(h.page.getByRole('button', { name: 'Return my work to the lead…' })).toBeVisible();
      // The plan the lead made is on the auditor's laptop.
      await h.page.getByRole('tab', { name: 'Plan' }).click();
      await expect(
        h.page.getByRole('table', { name: 'Timetable' }).getByRole('row').filter({ hasText: TOPIC }),
      ).toContainText('Site security lead');
      await teamTab(h.page).click();
    }

    // --- Both work offline; 4.2's notes and 4.3's result are changed on both sides, differently.
    await iAm(tom.page, TOM);
    await setResult(tom.page, '4.1', '1', 'Conforming');
    await setResult(tom.page, '4.3', '3', 'Minor NC');
    await writeNotes(tom.page, '4.2', 'Tom: interested parties register reviewed, last updated March 2026.');
    // Sara says who she is on the Team tab of her copy; the checklist uses the same choice.
    await expect(
      sara.page.getByText('Say who you are: until then your edits carry the lead auditor’s name.'),
    ).toBeVisible();
    await sara.page.getByLabel('I am').selectOption({ label: SARA });
    await expect(sara.page.getByText('Your edits and packages carry this name.')).toBeVisible();
    await sara.page.getByRole('tab', { name: 'Checklist' }).click();
    await setResult(sara.page, '4.3', '1', 'Conforming');
    await setResult(sara.page, '5.1', '2', 'OFI');
    await writeNotes(sara.page, '4.2', 'Sara: register misses the port authority as an interested party.');
    // Tom photographs the visitor log: the file travels with his return.
    const photo = join(files, 'visitor-log.jpg');
    await sharp({ create: { width: 96, height: 64, channels: 3, background: '#1F4E79' } })
      .jpeg()
      .toFile(photo);
    await tom.page.getByRole('tab', { name: 'Evidence' }).click();
    // The tab's picker once its list has loaded, as a user sees it: an input set while the tab was still loading
    // can be replaced by the loaded screen's own, and the file is then never sent (seen once under load).
    await expect(tom.page.getByText('No evidence yet')).toBeVisible();
    await tom.page.getByLabel('Attach files').setInputFiles(photo);
    await expect.poll(() => call<Evidence[]>(tom.dataDir, 'evidence.list', { auditId }).length, SLOW).toBe(1);
    call(tom.dataDir, 'documents.delete', { id: doc.id });
    call(sara.dataDir, 'documents.update', { id: doc.id, patch: { revision: '4' } });

    // --- Each returns their work.
    const tomReturn = await makePackage(tom.page, 'Return my work to the lead…', files, /with 1 evidence file \(/);
    const saraReturn = await makePackage(sara.page, 'Return my work to the lead…', files);
    const returnsDiffer = (await sha256(tomReturn)) !== (await sha256(saraReturn));
    expect(returnsDiffer).toBe(true);

    // --- A copy of the lead's folder before merging, for the other order (the host stops while it is copied).
    await stop(served.current.proc);
    await cp(dataDir, copyDir, { recursive: true });
    served.current = await startServe(dataDir);
    await page.goto(served.current.url);
    await page.goto(`${served.current.origin}/#/audits/${auditId}/team`);

    // --- A file that is no package (the photo, as if picked by mistake) is refused in plain words.
    await pick(page, page.getByRole('button', { name: 'Import package…' }), photo);
    const refused = page.getByRole('dialog', { name: 'Package visitor-log.jpg' });
    await expect(refused.getByRole('alert')).toContainText('This file is not a Fieldwork team package', SLOW);
    await refused.getByRole('button', { name: 'Close' }).last().click(); // the footer's, not the title bar's ×
    await expect(refused).toBeHidden();

    // --- The lead merges Tom's return: the preview counts, then one import.
    let preview = await openPackage(page, tomReturn);
    await expect(preview).toContainText('Work returned by a team member');
    await expect(preview).toContainText(TOM);
    const counts = preview.getByRole('table', { name: 'What the import changes' });
    await expect(counts.getByRole('row', { name: /^Checklist items/ })).toHaveText(/Checklist items\s*0\s*3\s*0/);
    await expect(counts.getByRole('row', { name: /^Documents reviewed/ })).toBeVisible();
    // Added: the file and its link rows (counted as records, not as files).
    await expect(counts.getByRole('row', { name: /^Evidence/ })).toHaveText(/^Evidence\s*[1-9]\s*0\s*0$/);
    await expect(preview).toContainText(/Evidence files\s*1/);
    await importConfirmed(preview, tomId);
    await expect(page.getByText(`Imported the package from ${TOM}:`)).toHaveText(
      /: [1-9] records? added, \d+ changed, 0 conflicts\.$/,
    );

    // --- Then Sara's: 4.2's notes, 4.3's result and the revised-but-deleted document conflict.
    preview = await openPackage(page, saraReturn);
    await expect(preview).toContainText(SARA);
    await expect(counts.getByRole('row', { name: 'Total' })).toHaveText(/Total\s*\d+\s*\d+\s*3$/);
    await importConfirmed(preview, saraId);
    await expect(page.getByText(`Imported the package from ${SARA}:`)).toContainText('3 conflicts');
    await expect(teamTab(page)).toContainText('3 open conflicts');
    const received = exchanges.getByRole('row').filter({ hasText: 'Return received' });
    await expect(received).toHaveCount(2);

    // The same package again: already imported, only Close.
    preview = await openPackage(page, tomReturn);
    await expect(preview.getByRole('status')).toContainText('This package was imported before');
    await expect(preview.getByRole('button', { name: 'Import', exact: true })).toHaveCount(0);
    await preview.getByRole('button', { name: 'Close' }).last().click();
    await expect(preview).toBeHidden();

    // --- Merge in the other order on the copy (CLI): the same checklist and the same open conflicts.
    for (const [file, signer] of [
      [saraReturn, saraId],
      [tomReturn, tomId],
    ] as const) {
      const r = fieldwork([
        'package',
        'import',
        file,
        '--json',
        '--accept-unknown-signer',
        signer.fingerprint,
        '--data-dir',
        copyDir,
      ]);
      expect(r.status, r.stderr).toBe(0);
    }
    const lists = [dataDir, copyDir].map((d) => call<Checklist>(d, 'checklist.get', { auditId }));
    expect(lists[1]).toEqual(lists[0]);
    // The document was deleted on one side and revised on the other: one order re-creates its row. Compared by
    // what the merge carries; created/updated times are local bookkeeping, not logged (they differ by a
    // millisecond between the orders: reported to the backend's owner).
    const documents = [dataDir, copyDir].map((d) =>
      call<{ createdAt?: string; updatedAt?: string }[]>(d, 'documents.list', { auditId }).map(
        ({ createdAt: _c, updatedAt: _u, ...fields }) => fields,
      ),
    );
    expect(documents[0]).toHaveLength(1);
    expect(documents[1]).toEqual(documents[0]);
    const conflicts = [dataDir, copyDir].map(
      (d) => call<{ total: number; items: ConflictView[] }>(d, 'conflicts.list', { auditId, limit: 200 }).items,
    );
    expect(conflicts[0]).toHaveLength(3);
    expect(conflicts[1]).toEqual(conflicts[0]);
    const item = (ref: string) => lists[0]!.items.find((i) => i.ref === ref)!;
    expect(item('4.1').result).toBe('conforming');
    expect(item('5.1').result).toBe('ofi');

    // --- The lead decides: 4.2's notes combined side by side, 4.3 keeps Tom's result.
    const notesConflict = page.getByRole('article', { name: /^Conflict: .*4\.2.* — Notes$/ });
    await expect(notesConflict.getByRole('group', { name: `${TOM}’s version` })).toContainText('Tom: interested');
    await expect(notesConflict.getByRole('group', { name: `${SARA}’s version` })).toContainText('Sara: register');
    await notesConflict.getByRole('button', { name: 'Combine…' }).click();
    const combine = page.getByRole('dialog', { name: /^Combine Notes/ });
    await expect(combine.getByLabel(`${TOM}’s version`)).toHaveValue(/^Tom: interested/);
    const combined = combine.getByLabel('Combined text');
    await expect(combined).toHaveValue(/Tom: interested[\s\S]*Sara: register|Sara: register[\s\S]*Tom: interested/);
    const decided = 'Register reviewed (March 2026); the port authority is missing as an interested party.';
    await combined.fill(decided);
    await combine.getByRole('button', { name: 'Use combined text' }).click();
    await expect(combine).toBeHidden();
    await expect(page.getByText('Conflict resolved: 2 left')).toBeVisible();
    await expect(teamTab(page)).toContainText('2 open conflicts');

    const resultConflict = page.getByRole('article', { name: /^Conflict: .*4\.3.* — Result$/ });
    await expect(resultConflict).toContainText('Minor nonconformity');
    await expect(resultConflict).toContainText('Conforming');
    await resultConflict
      .getByRole('group', { name: `${TOM}’s version` })
      .getByRole('button', { name: /^Keep this value/ })
      .click();
    await expect(page.getByText('Conflict resolved: 1 left')).toBeVisible();
    await expect(teamTab(page)).toContainText('1 open conflict');

    // The deleted document that was revised meanwhile: deleting it needs a confirmation.
    const deletion = page.getByRole('article', { name: /— Deleted on one side, edited on the other$/ });
    // Written through `fieldwork call` (documents.delete has no author): told apart by what they did.
    await expect(deletion.getByRole('group').filter({ hasText: 'Deleted the record' })).toHaveCount(1);
    await expect(deletion.getByRole('group').filter({ hasText: 'Shown now' })).toContainText('4');
    await expect(deletion.getByRole('button', { name: 'Keep the record' })).toBeVisible();
    await deletion.getByRole('button', { name: 'Delete it' }).click();
    const confirm = page.getByRole('dialog', { name: 'Delete this record?' });
    await confirm.getByRole('button', { name: 'Delete it' }).click();
    await expect(page.getByText('Conflict resolved: none left')).toBeVisible();
    await expect(page.getByRole('heading', { name: 'No open conflicts' })).toBeVisible();
    await expect(teamTab(page)).not.toContainText('open conflicts');

    await page.getByRole('tab', { name: 'Checklist' }).click();
    await expect(badge(checklistRow(page, '4.3'))).toHaveText('Minor NC');
    await checklistRow(page, '4.2').click();
    await expect(page.getByRole('textbox', { name: 'Notes' })).toHaveValue(decided);
    expect(call<unknown[]>(dataDir, 'documents.list', { auditId })).toEqual([]);
    const evidence = call<Evidence[]>(dataDir, 'evidence.list', { auditId });
    expect(evidence.map((e) => [e.originalName, e.sha256])).toEqual([['visitor-log.jpg', await sha256(photo)]]);

    // --- Issue and sign: the sign-off page names both returns, by auditor and package SHA-256.
    await page.getByRole('tab', { name: 'Report' }).click();
    await page.getByRole('button', { name: 'Issue and sign…' }).click();
    const issue = page.getByRole('dialog', { name: 'Issue and sign' });
    await issue.getByLabel('Passphrase').fill(PASS);
    await issue.getByRole('button', { name: 'Issue and sign' }).click();
    // Most of the checklist is unaudited: the issue gates ask why the report goes out anyway.
    await issue.getByLabel(/Reason for issuing anyway/).fill('Team test: the merged returns are what matters here');
    await issue.getByRole('button', { name: 'Issue anyway' }).click();
    await expect(issue).toBeHidden({ timeout: 120_000 });
    const versions = page.getByRole('table', { name: 'Issued versions' });
    const download = page.waitForEvent('download', SLOW);
    await versions.getByRole('button', { name: 'Download Audit report version 1' }).click();
    const report = await keep(download, files);
    const text = allText(readDocx(report));
    for (const [name, file] of [
      [TOM, tomReturn],
      [SARA, saraReturn],
    ] as const) {
      expect(text).toContain(name);
      expect(text).toContain(await sha256(file));
    }
  } finally {
    for (const h of hosts) await closeHost(h);
    await rm(files, { recursive: true, force: true });
    await rm(copyDir, { recursive: true, force: true });
  }
});
