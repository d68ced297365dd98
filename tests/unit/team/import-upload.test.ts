import { describe, expect, it, vi } from 'vitest';
import { value } from '../../helpers/backend';
import { exportPackage, leadAudit, upload, useLaptops } from './helpers';

// Data folders with signing identities (scrypt-sealed keys): seconds on a busy machine.
vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 });

const team = useLaptops();

describe('team.import and its package upload', () => {
  it('a failed import gives its upload up: failures never pile up to "Too many package uploads"', async () => {
    const b = (await team.make('Lena Lead')).t.backend;
    const notAPackage = Buffer.from('These are meeting notes, not a Fieldwork package.');
    // More failed imports than uploads may be open at once (8), none cancelled by the caller.
    const ids: string[] = [];
    for (let i = 0; i < 10; i++) {
      const uploadId = await upload(b, notAPackage);
      ids.push(uploadId);
      const r = await b.call('team.import', { uploadId, by: 'Lena Lead' });
      expect(r.ok ? 'imported' : r.error.code).toBe('invalid_input');
    }
    for (const uploadId of ids) {
      const again = await b.call('team.uploadAbort', { uploadId });
      expect(again.ok ? 'still open' : again.error.code).toBe('not_found');
    }
  });

  it('an unknown signer keeps the upload: the same file imports once its fingerprint is confirmed', async () => {
    const lead = await team.make('Lena Lead');
    const arno = await team.make('Arno Auditor');
    const { audit } = await leadAudit(lead);
    const sent = await exportPackage(lead, audit.id, team.dir());
    const uploadId = await upload(arno.t.backend, sent.bytes);
    const refused = await arno.t.backend.call('team.import', { uploadId, by: 'Arno Auditor' });
    expect(refused.ok ? 'imported' : refused.error.code).toBe('unknown_signer');
    const summary = value(
      await arno.t.backend.call('team.import', { uploadId, acceptFingerprint: lead.fingerprint, by: 'Arno Auditor' }),
    );
    expect(summary.alreadyImported).toBe(false);
    expect(value(await arno.t.backend.call('audits.get', { id: audit.id })).id).toBe(audit.id);
    // Imported: the upload is gone.
    const after = await arno.t.backend.call('team.uploadAbort', { uploadId });
    expect(after.ok ? 'still open' : after.error.code).toBe('not_found');
  });
});
