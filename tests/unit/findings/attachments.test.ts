import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { value } from '../../helpers/backend';
import {
  createFinding,
  findingsBackend,
  findingsWorld,
  insertEvidence,
  issued,
  refused,
  type FindingsWorld,
} from './world';

let t: ReturnType<typeof findingsBackend>;
let w: FindingsWorld;
beforeEach(async () => {
  t = findingsBackend();
  w = await findingsWorld(t.backend);
});
afterEach(() => t.cleanup());

/** A photo in the audit (linked to the audit itself), and how the trail and the report name it. */
function photo(): { id: string; label: string } {
  const id = insertEvidence(t.backend, w.audit.id, [{ type: 'audit', id: w.audit.id }]);
  return { id, label: `photo.jpg (E-${id.replace(/-/g, '').slice(0, 8)})` };
}
const trail = async (id: string) =>
  value(await t.backend.call('findings.trail', { recordType: 'finding', recordId: id })).filter((e) =>
    e.field.includes('attachment'),
  );
const evidenceLink = (
  id: string,
  findingId: string,
  by: string,
  type: 'finding' | 'finding_verification' = 'finding',
) => ({
  id,
  target: { type, id: findingId },
  by,
});

describe("an issued finding's attachments", () => {
  it('are kept in its history: who linked and who removed which file', async () => {
    const f = await issued(t.backend, w);
    const p = photo();
    value(await t.backend.call('evidence.link', evidenceLink(p.id, f.id, 'Maria Lopez')));
    value(await t.backend.call('evidence.unlink', evidenceLink(p.id, f.id, 'Lena Lead')));
    expect((await trail(f.id)).map((e) => [e.field, e.oldValue, e.newValue, e.changedBy])).toEqual([
      ['attachment', null, p.label, 'Maria Lopez'],
      ['attachment', p.label, null, 'Lena Lead'],
    ]);
  });

  it('cannot lose the only objective evidence of a nonconformity: the removal is refused and nothing changes', async () => {
    const p = photo();
    const draft = await createFinding(t.backend, w, { evidenceText: '' });
    value(await t.backend.call('evidence.link', evidenceLink(p.id, draft.id, 'Lena Lead')));
    const f = value(await t.backend.call('findings.issue', { id: draft.id, by: 'Lena' }));
    const error = await refused(t.backend, 'evidence.unlink', evidenceLink(p.id, f.id, 'Lena Lead'));
    expect(error.message).toBe(
      'NC-01 is issued and must stay complete; it would lack objective evidence (a description, or linked attachments, interviews, observations or documents).',
    );
  });

  it('cannot be deleted outright while they are evidence of an issued finding; a draft finding does not hold them', async () => {
    const f = await issued(t.backend, w);
    const p = photo();
    value(await t.backend.call('evidence.link', evidenceLink(p.id, f.id, 'Lena Lead')));
    const error = await refused(t.backend, 'evidence.delete', { id: p.id });
    // Keyed (issue 17): the envelope also carries the catalogue key and the numbers for the reader's language.
    expect(error).toEqual({
      code: 'conflict',
      message:
        'This attachment is evidence of issued finding NC-01; it cannot be deleted. Remove it from the finding instead: that change is kept in the finding’s history.',
      key: 'errors:evidence.evidenceOfIssued',
      params: { numbers: 'NC-01' },
    });

    const draft = await createFinding(t.backend, w);
    const q = photo();
    value(await t.backend.call('evidence.link', evidenceLink(q.id, draft.id, 'Lena Lead')));
    value(await t.backend.call('evidence.delete', { id: q.id }));
    expect(t.backend.db.prepare('SELECT count(*) FROM evidence WHERE id = ?').pluck().get(q.id)).toBe(0);
    // The draft's history still names the file that went.
    expect((await trail(draft.id)).map((e) => [e.oldValue, e.newValue])).toEqual([
      [null, q.label],
      [q.label, null],
    ]);
  });

  it('verification evidence is recorded as such, and linking the same file twice records it once', async () => {
    const f = await issued(t.backend, w);
    const p = photo();
    value(await t.backend.call('evidence.link', evidenceLink(p.id, f.id, 'Lena Lead', 'finding_verification')));
    value(await t.backend.call('evidence.link', evidenceLink(p.id, f.id, 'Lena Lead', 'finding_verification')));
    expect((await trail(f.id)).map((e) => [e.field, e.newValue])).toEqual([['verification attachment', p.label]]);
  });
});
