import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ItemResult } from '#shared/domain/checklist';
import { value } from '../../helpers/backend';
import { findingsBackend, findingsWorld, insertEvidence, refused, type FindingsWorld } from './world';

let t: ReturnType<typeof findingsBackend>;
let w: FindingsWorld;
beforeEach(async () => {
  t = findingsBackend();
  w = await findingsWorld(t.backend);
});
afterEach(() => t.cleanup());

const flag = async (itemId: string, result: ItemResult) =>
  value(await t.backend.call('checklist.updateItem', { id: itemId, patch: { result }, by: 'Lena' }));

describe('raising a finding from a checklist item', () => {
  it('pre-fills the type, the requirement and the item’s attachments', async () => {
    const item = w.item('A.5.15');
    await flag(item.id, 'major_nc');
    const photo = insertEvidence(t.backend, w.audit.id, [{ type: 'checklist_item', id: item.id }]);
    const elsewhere = insertEvidence(t.backend, w.audit.id, [{ type: 'checklist_item', id: w.item('8.1').id }]);
    const f = value(await t.backend.call('findings.fromItem', { itemId: item.id, by: 'Arno Auditor' }));
    expect(f).toMatchObject({
      auditId: w.audit.id,
      type: 'major',
      status: 'draft',
      number: null,
      requirements: [{ itemId: item.id, ref: 'A.5.15', number: '5.15', title: item.title }],
      evidenceIds: [photo],
      raisedBy: 'Arno Auditor',
      // The test clock's day, at its local wall-clock time.
      raisedAt: expect.stringMatching(/^2026-03-0[34]T\d{2}:\d{2}$/) as string,
    });
    expect(f.evidenceIds).not.toContain(elsewhere);
    // The item's own link stays: the attachment now supports both.
    expect(
      t.backend.db
        .prepare('SELECT target_type FROM evidence_links WHERE evidence_id = ? ORDER BY rowid')
        .pluck()
        .all(photo),
    ).toEqual(['checklist_item', 'finding']);
  });

  it('starts the objective evidence from the item’s notes and sampled records, and the site when the audit has one', async () => {
    const item = w.item('8.1');
    value(
      await t.backend.call('checklist.updateItem', {
        id: item.id,
        patch: {
          result: 'minor_nc',
          notes: 'Two changes went live without review.',
          samples: [
            { identifier: 'CH-101', description: 'Firewall rule change' },
            { identifier: 'CH-117', description: '' },
          ],
        },
        by: 'Lena',
      }),
    );
    const f = value(await t.backend.call('findings.fromItem', { itemId: item.id, by: 'Lena' }));
    expect(f.evidenceText).toBe(
      'Two changes went live without review.\n\nSampled records:\n- CH-101 — Firewall rule change\n- CH-117',
    );
    expect(f.statement).toBe('');
    // Acme's Stage 2 covers HQ only; the second audit covers two sites, so none is chosen for it.
    expect(f.siteId).toBe(w.hq);
    const secondItem = w.secondItems.find((i) => i.ref === '8.1')!;
    await t.backend.call('checklist.updateItem', { id: secondItem.id, patch: { result: 'ofi' }, by: 'Lena' });
    const other = value(await t.backend.call('findings.fromItem', { itemId: secondItem.id, by: 'Lena' }));
    expect(other.siteId).toBeNull();
    expect(other.evidenceText).toBe('');
  });

  it('maps minor NC and OFI results, and takes a chosen type over the result', async () => {
    await flag(w.item('8.1').id, 'minor_nc');
    await flag(w.item('8.2').id, 'ofi');
    const minor = value(await t.backend.call('findings.fromItem', { itemId: w.item('8.1').id, by: '' }));
    const ofi = value(await t.backend.call('findings.fromItem', { itemId: w.item('8.2').id, by: '' }));
    const graded = value(
      await t.backend.call('findings.fromItem', { itemId: w.item('8.1').id, type: 'major', by: '' }),
    );
    expect([minor.type, ofi.type, graded.type]).toEqual(['minor', 'ofi', 'major']);
  });

  it('refuses an item that is not flagged, and writes nothing', async () => {
    await flag(w.item('8.3').id, 'conforming');
    const e = await refused(t.backend, 'findings.fromItem', { itemId: w.item('8.3').id, by: 'Lena' });
    expect(e).toMatchObject({
      code: 'invalid_input',
      message:
        'Only a checklist item marked as a nonconformity or an opportunity for improvement is raised as a finding; set its result first.',
    });
  });
});
