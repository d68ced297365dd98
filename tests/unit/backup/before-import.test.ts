import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { value } from '../../helpers/backend';
import { exportPackage, importPackage, leadAudit, useLaptops } from '../team/helpers';

vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 });

describe('a backup before each team package import', () => {
  const laptops = useLaptops();

  it('is made before the import writes anything, and holds the folder as it was', async () => {
    const lead = await laptops.make('Lena Lead');
    const arno = await laptops.make('Arno Auditor');
    const { audit } = await leadAudit(lead);
    const sent = await exportPackage(lead, audit.id, laptops.dir(), { for: 'Arno Auditor' });
    expect(value(await arno.t.backend.call('backups.list', {})).backups).toEqual([]);

    value(await importPackage(arno, sent.bytes, lead.fingerprint));
    const [before] = value(await arno.t.backend.call('backups.list', {})).backups;
    // Taken before the import: Arno's folder then held no client and no audit.
    expect(before).toMatchObject({ reason: 'import', counts: { clients: 0, audits: 0 } });
    expect(value(await arno.t.backend.call('audits.list', {}))).toHaveLength(1);
  });

  it('when it cannot be made (its folder cannot be written), the import does not happen and says why', async () => {
    const lead = await laptops.make('Lena Lead');
    const arno = await laptops.make('Arno Auditor');
    const { audit } = await leadAudit(lead);
    const sent = await exportPackage(lead, audit.id, laptops.dir(), { for: 'Arno Auditor' });
    // A file where the backups folder should be: every backup fails to be written.
    const backups = join(arno.t.dataDir, 'backups');
    rmSync(backups, { recursive: true, force: true });
    writeFileSync(backups, 'not a folder');
    const refused = await importPackage(arno, sent.bytes, lead.fingerprint);
    expect(refused.ok ? null : refused.error.message).toMatch(
      /backs up the data folder before importing.*Nothing was imported/,
    );
    expect(value(await arno.t.backend.call('audits.list', {}))).toEqual([]);
    rmSync(backups);
    mkdirSync(backups);
  });
});
