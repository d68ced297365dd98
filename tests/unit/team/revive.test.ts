import { describe, expect, it, vi } from 'vitest';
import { LOGGED } from '#core/sync/tables';
import { value } from '../../helpers/backend';
import { exportPackage, importPackage, leadAudit, useLaptops, type Laptop } from './helpers';

// Two data folders, signing with scrypt-sealed keys: seconds on a busy machine.
vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 });

const team = useLaptops();

/** The interview's logged columns (row stamps are local), or undefined when the row is not there. */
const interviewRow = (l: Laptop, id: string) =>
  l.t.backend.db.prepare(`SELECT ${LOGGED.get('interviews')!.columns.join(', ')} FROM interviews WHERE id = ?`).get(id);

describe('a deletion overwritten by a later edit', () => {
  // Found by tests/unit/team/properties.test.ts: the lead deletes an interview while a member edits it;
  // the member receives the deletion (a conflict, the member's later edit shows the interview) and edits
  // it again, which settles the conflict. The return carries only the notes edits: the lead must bring
  // the interview back whole from its own history, not insert a row of notes alone.
  it('brings the record back with every field on the lead, as the member shows it', async () => {
    const lead = await team.make('Lena Lead');
    const arno = await team.make('Arno Auditor');
    const { audit } = await leadAudit(lead);
    const interview = value(
      await lead.t.backend.call('interviews.create', {
        auditId: audit.id,
        interview: { intervieweeName: 'Ida CISO', heldAt: '2026-03-02T10:00', notes: 'Opening' },
      }),
    );
    const sent = await exportPackage(lead, audit.id, team.dir());
    value(await importPackage(arno, sent.bytes, lead.fingerprint));

    value(await lead.t.backend.call('interviews.delete', { id: interview.id }));
    value(await arno.t.backend.call('interviews.update', { id: interview.id, patch: { notes: 'Arno 1' } }));
    const deletion = await exportPackage(lead, audit.id, team.dir(), { for: 'Arno Auditor' });
    expect(value(await importPackage(arno, deletion.bytes)).conflicts).toBe(1);
    // Arno's edit is the later write: the interview shows on Arno's laptop, in conflict with the deletion.
    expect(interviewRow(arno, interview.id)).toMatchObject({ interviewee_name: 'Ida CISO', notes: 'Arno 1' });
    value(await arno.t.backend.call('interviews.update', { id: interview.id, patch: { notes: 'Arno 2' } }));
    expect(value(await arno.t.backend.call('conflicts.list', { auditId: audit.id })).total).toBe(0);

    const back = await exportPackage(arno, audit.id, team.dir());
    value(await importPackage(lead, back.bytes, arno.fingerprint));
    const onArno = interviewRow(arno, interview.id);
    expect(onArno).toMatchObject({ interviewee_name: 'Ida CISO', held_at: '2026-03-02T10:00', notes: 'Arno 2' });
    expect(interviewRow(lead, interview.id)).toEqual(onArno);
    expect(value(await lead.t.backend.call('conflicts.list', { auditId: audit.id })).total).toBe(0);

    // The lead's next send changes nothing on Arno's laptop: both show the same.
    const again = await exportPackage(lead, audit.id, team.dir(), { for: 'Arno Auditor' });
    value(await importPackage(arno, again.bytes));
    expect(interviewRow(arno, interview.id)).toEqual(onArno);
  });
});
