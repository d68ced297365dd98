/**
 * Which layout an export takes, and what issuing in a template records: the
 * default of the type and language unless another is chosen, 'builtin' forcing
 * the built-in one; issuing in a template that lacks required contents needs
 * the confirmation, and the trail keeps the template's name, SHA-256 and gaps.
 */
import { afterAll, describe, expect, it } from 'vitest';
import type { RepoContext } from '#core/repos/context';
import { templateTaskFor } from '#core/report-templates/for-export';
import type { ReportModel } from '#core/export/report/model';
import { sampleAudit, sampleClient, tempBackend, value } from '../../helpers/backend';
import { editDocument, sampleTemplate } from './template-docx';

const t = tempBackend();
afterAll(() => t.cleanup());
const { backend } = t;
const ctx: RepoContext = {
  db: backend.db,
  dataDir: t.dataDir,
  deviceId: backend.deviceId,
  now: () => '2027-02-10T12:00:00.000Z',
  builtinTemplates: [],
};
const model = { language: 'en' } as ReportModel;

async function imported(name: string, bytes: Buffer) {
  return value(
    await backend.call('reportTemplates.import', {
      type: 'report',
      language: 'en',
      name,
      dataBase64: bytes.toString('base64'),
      acceptWarnings: true,
    }),
  );
}

describe('templateTaskFor', { timeout: 60_000 }, () => {
  it('takes the default of the kind and language, the one chosen, or none', async () => {
    const client = value(await backend.call('clients.create', sampleClient()));
    const audit = value(await backend.call('audits.create', sampleAudit(client.id)));
    const input = { auditId: audit.id, kind: 'report' as const };
    expect(templateTaskFor(ctx, input, model, null)).toBeNull();
    const full = await imported('Full', sampleTemplate());
    expect(templateTaskFor(ctx, input, model, null)).toBeNull();
    value(await backend.call('reportTemplates.setDefault', { id: full.id }));
    expect(templateTaskFor(ctx, input, model, null)?.sha256).toBe(full.sha256);
    expect(templateTaskFor(ctx, { ...input, template: 'builtin' }, model, null)).toBeNull();
    expect(templateTaskFor(ctx, input, { language: 'de' } as ReportModel, null)).toBeNull();
    expect(() => templateTaskFor(ctx, { ...input, kind: 'nc_list', template: full.id }, model, null)).toThrow(
      'The template "Full" is for the audit report, not for this document.',
    );
  });

  it('issuing in a template with missing contents needs the confirmation; the trail records the template', async () => {
    const client = value(await backend.call('clients.create', { ...sampleClient(), name: 'Second plc' }));
    const audit = value(await backend.call('audits.create', sampleAudit(client.id)));
    const partial = await imported(
      'Partial',
      await editDocument(sampleTemplate(), (xml) => xml.replace('{recommendation}', '')),
    );
    const input = { auditId: audit.id, kind: 'report' as const, template: partial.id };
    const trail = () =>
      backend.db
        .prepare(
          `SELECT old_value, new_value, changed_by FROM audit_trail WHERE audit_id = ? AND field = 'report_template'`,
        )
        .all(audit.id);
    // A draft needs no confirmation and records nothing.
    expect(templateTaskFor(ctx, input, model, null)?.name).toBe('Partial');
    expect(() => backend.db.transaction(() => templateTaskFor(ctx, input, model, 'Lena Lead'))()).toThrow(
      'The template "Partial" leaves out contents a report must have (ISO/IEC 17021-1 9.4.8): The recommendation on certification. Confirm to issue in it anyway, or choose another layout.',
    );
    expect(trail()).toEqual([]);
    backend.db.transaction(() => templateTaskFor(ctx, { ...input, templateConfirmed: true }, model, 'Lena Lead'))();
    expect(trail()).toEqual([
      {
        old_value: 'The recommendation on certification',
        new_value: `Partial (SHA-256 ${partial.sha256})`,
        changed_by: 'Lena Lead',
      },
    ]);
  });
});
