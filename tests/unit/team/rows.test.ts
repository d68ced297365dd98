import { describe, expect, it, vi } from 'vitest';
import type { Backend } from '#core/backend';
import { PACKAGED } from '#core/sync/tables';
import { value } from '../../helpers/backend';
import { exportPackage, importPackage, leadAudit, useLaptops } from './helpers';

// Two data folders, signing with scrypt-sealed keys: seconds on a busy machine.
vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 });

const laptops = useLaptops();

/**
 * Every packaged table's rows (key and logged fields, not the stamps), each
 * value with the type SQLite stores it as: the merge inserts new rows a batch
 * at a time through JSON, and must store exactly what the app's own writes did.
 */
const rows = (b: Backend) =>
  Object.fromEntries(
    PACKAGED.map((t) => {
      const cols = [...t.key, ...t.fields];
      const select = cols.map((c) => `${c}, typeof(${c}) AS "${c}:type"`).join(', ');
      return [t.name, b.db.prepare(`SELECT ${select} FROM ${t.name} ORDER BY ${t.key.join(', ')}`).all()];
    }),
  );

describe('rows a merge inserts', () => {
  it('hold the values and SQLite types the sender’s own writes stored, integers, nulls and flags included', async () => {
    const lead = await laptops.make('Lena Lead');
    const arno = await laptops.make('Arno Auditor');
    const { audit, items } = await leadAudit(lead);
    const b = lead.t.backend;
    const [item, other] = items;
    value(
      await b.call('checklist.updateItem', {
        id: item!.id,
        patch: { notes: 'Sampled 12 tickets', result: 'conforming', sampleSize: 12, minutesSpent: 35 },
      }),
    );
    value(await b.call('checklist.updateItem', { id: other!.id, patch: { notes: '', result: 'ofi' } }));
    value(
      await b.call('interviews.create', {
        auditId: audit.id,
        interview: {
          intervieweeName: 'Xaver Zollner',
          intervieweeRole: 'Facility manager',
          department: 'Estates',
          heldAt: '2026-03-02T10:00',
          notes: 'Generator “tested” monthly\nline two',
        },
      }),
    );
    value(
      await b.call('documents.create', {
        auditId: audit.id,
        document: { title: 'Cryptography standard', identifier: 'STD-12', revision: '4', owner: 'Quinn' },
      }),
    );
    const sent = await exportPackage(lead, audit.id, laptops.dir());
    value(await importPackage(arno, sent.bytes, lead.fingerprint));

    const mine = rows(b);
    const theirs = rows(arno.t.backend);
    // The lead's folder made these rows itself; the member's has them only from the merge.
    expect(mine.checklist_items!.length).toBeGreaterThan(10);
    expect(JSON.stringify(mine)).toMatch(/"sample_size:type":"integer"/);
    expect(JSON.stringify(mine)).toMatch(/:type":"null"/);
    expect(theirs).toEqual(mine);
  });
});
