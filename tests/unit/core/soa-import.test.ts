import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dumpDatabase, sampleAudit, sampleClient, tempBackend, value } from '../../helpers/backend';
import { soaCsv, soaFile } from '../../helpers/soa';

let t: ReturnType<typeof tempBackend>;
beforeEach(() => {
  t = tempBackend();
});
afterEach(() => t.cleanup());

const EXCLUDED = {
  '5.23': 'No cloud services are used; all systems are operated on premises',
  '7.11': 'Utilities are provided and maintained by the landlord under the lease',
  '8.30': 'No software development is outsourced',
};

const newAudit = async (type: 'stage1' | 'stage2' = 'stage2') => {
  const client = value(await t.backend.call('clients.create', sampleClient()));
  return value(await t.backend.call('audits.create', { ...sampleAudit(client.id), type }));
};
const byNumber = async (auditId: string) =>
  new Map(value(await t.backend.call('checklist.get', { auditId })).items.map((i) => [i.number, i]));

// Each file is read in a worker thread (the built one in out/main): seconds each on a busy machine.
describe('Statement of Applicability import through the handlers', { timeout: 120_000 }, () => {
  it('previews without writing, then applies: excluded controls become not applicable with their justification', async () => {
    const audit = await newAudit();
    const file = soaFile(soaCsv({ exclude: EXCLUDED }));
    // A result the auditor already recorded is never overwritten by the SoA.
    const before = await byNumber(audit.id);
    value(await t.backend.call('checklist.updateItem', { id: before.get('7.11')!.id, patch: { result: 'ofi' } }));

    const db = dumpDatabase(t.backend.db);
    const preview = value(await t.backend.call('soa.preview', { auditId: audit.id, file }));
    expect(dumpDatabase(t.backend.db)).toEqual(db);
    expect(preview).toMatchObject({ version: '2.1', rows: 93, unchanged: 0, unknown: [], duplicates: [], missing: [] });
    expect(preview.changes).toHaveLength(93);
    expect(preview.excluded.map((e) => [e.number, e.justification])).toEqual(Object.entries(EXCLUDED));

    const applied = value(await t.backend.call('soa.apply', { auditId: audit.id, file }));
    expect(applied.soaVersion).toBe('2.1');
    expect(Date.parse(applied.soaImportedAt ?? '')).not.toBeNaN();
    const items = await byNumber(audit.id);
    expect(items.get('5.23')).toMatchObject({
      result: 'not_applicable',
      soa: { applicable: false, justification: EXCLUDED['5.23'], status: '' },
    });
    expect(items.get('8.30')!.result).toBe('not_applicable');
    expect(items.get('7.11')).toMatchObject({ result: 'ofi', soa: { applicable: false } });
    expect(items.get('5.1')).toMatchObject({
      result: 'not_audited',
      soa: { applicable: true, justification: 'Required by the risk treatment plan', status: 'Implemented' },
    });
    expect(items.get('4.1')!.soa).toBeNull(); // clauses have no SoA entry
    expect(value(await t.backend.call('audits.get', { id: audit.id })).soaVersion).toBe('2.1');

    // The next SoA version brings 8.30 back in scope and drops 5.23 from the file.
    const next = soaFile(soaCsv({ version: '2.2', exclude: { '7.11': EXCLUDED['7.11'] }, omit: ['5.23'] }));
    const second = value(await t.backend.call('soa.preview', { auditId: audit.id, file: next }));
    expect(second.missing.map((m) => m.number)).toEqual(['5.23']);
    expect(second.changes.map((c) => c.number)).toEqual(['8.30']);
    expect(second.unchanged).toBe(91);
    value(await t.backend.call('soa.apply', { auditId: audit.id, file: next }));
    const after = await byNumber(audit.id);
    expect(after.get('8.30')).toMatchObject({ result: 'not_audited', soa: { applicable: true } });
    expect(after.get('5.23')).toMatchObject({ result: 'not_applicable', soa: { applicable: false } }); // untouched
    expect(value(await t.backend.call('audits.get', { id: audit.id })).soaVersion).toBe('2.2');
  });

  it('refuses junk base64, a Stage 1 checklist, an unreadable file and a closed audit, changing nothing', async () => {
    const stage1 = await newAudit('stage1');
    const closed = await newAudit();
    for (const status of ['in_progress', 'reporting', 'closed'] as const) {
      value(await t.backend.call('audits.setStatus', { id: closed.id, status, reason: 'Closed for the test' }));
    }
    const good = soaFile(soaCsv());
    const cases: [string, string, { name: string; contentBase64: string }, string, RegExp][] = [
      ['junk base64', closed.id, { name: 'soa.csv', contentBase64: '%%%not base64!!' }, 'invalid_input', /base64/],
      [
        'junk after 6 MB of base64',
        closed.id,
        { name: 'soa.csv', contentBase64: `${'A'.repeat(6_000_000)}!!!!` },
        'invalid_input',
        /base64/,
      ],
      ['a Stage 1 audit', stage1.id, good, 'invalid_input', /no Annex A controls/],
      ['an empty file', stage1.id, { name: 'soa.csv', contentBase64: '' }, 'invalid_input', /empty/],
      ['a closed audit', closed.id, good, 'conflict', /closed audit/],
    ];
    for (const op of ['soa.preview', 'soa.apply'] as const) {
      for (const [label, auditId, file, code, message] of cases) {
        const db = dumpDatabase(t.backend.db);
        const r = await t.backend.call(op, { auditId, file });
        expect(r.ok ? null : [r.error.code, r.error.message], `${op}: ${label}`).toEqual([
          code,
          expect.stringMatching(message),
        ]);
        expect(dumpDatabase(t.backend.db), label).toEqual(db);
      }
    }
  });

  it('reads the file in a worker thread, once for preview and apply, answering other requests meanwhile', async () => {
    const audit = await newAudit();
    // A real SoA followed by 2.5 million empty rows (about 5 MB).
    const csv = soaCsv();
    const file = soaFile(csv + '\r\n'.repeat(Math.floor((5 * 1024 * 1024 - csv.length) / 2)));
    const workers: number[] = [];
    const onWorker = (w: { threadId: number }) => workers.push(w.threadId);
    process.on('worker', onWorker);
    try {
      let previewed = false;
      const preview = t.backend.call('soa.preview', { auditId: audit.id, file }).then((r) => {
        previewed = true;
        return r;
      });
      const checklist = value(await t.backend.call('checklist.get', { auditId: audit.id }));
      expect(checklist.items.length).toBeGreaterThan(93);
      expect(previewed).toBe(false);
      expect(value(await preview)).toMatchObject({ rows: 93, missing: [] });
      expect(workers).toHaveLength(1);
      // Apply gets the same bytes: read once already, so no second worker.
      const applied = value(await t.backend.call('soa.apply', { auditId: audit.id, file }));
      expect(applied.items.filter((i) => i.soa !== null)).toHaveLength(93);
      expect(workers).toHaveLength(1);
    } finally {
      process.off('worker', onWorker);
    }
  });
});
