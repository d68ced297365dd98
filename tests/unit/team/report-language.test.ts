import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { sampleAudit, sampleClient, value } from '../../helpers/backend';
import { exportPackage, importPackage, laptop, type Laptop } from './helpers';

// Two data folders, signing with scrypt-sealed keys: seconds on a busy machine.
vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 });

let dir: string;
let lead: Laptop;
let arno: Laptop;
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'fieldwork-team-lang-'));
  lead = await laptop('Lena Lead');
  arno = await laptop('Arno Auditor');
});
afterEach(() => {
  lead.t.cleanup();
  arno.t.cleanup();
  rmSync(dir, { recursive: true, force: true });
});

it('an audit’s report languages (migration 17) travel in the lead’s package to the member’s copy', async () => {
  const b = lead.t.backend;
  const client = value(await b.call('clients.create', sampleClient()));
  const audit = value(
    await b.call('audits.create', {
      ...sampleAudit(client.id, [client.sites[0]!.id]),
      reportLanguage: 'de',
      reportSecondLanguage: 'fr',
    }),
  );
  const sent = await exportPackage(lead, audit.id, dir);
  value(await importPackage(arno, sent.bytes, lead.fingerprint));
  const copy = value(await arno.t.backend.call('audits.get', { id: audit.id }));
  expect(copy).toMatchObject({ reportLanguage: 'de', reportSecondLanguage: 'fr' });
});
