import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { value } from '../../helpers/backend';
import { exportPackage, laptop, leadAudit, type Laptop } from './helpers';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// Several data folders, signing with scrypt-sealed keys: seconds on a busy machine.
vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 });

let lead: Laptop;
let dir: string;
beforeEach(async () => {
  lead = await laptop('Lena Lead');
  dir = mkdtempSync(join(tmpdir(), 'fieldwork-team-'));
});
afterEach(() => {
  lead.t.cleanup();
  rmSync(dir, { recursive: true, force: true });
});

const count = (sql: string, ...params: string[]) =>
  lead.t.backend.db
    .prepare(sql)
    .pluck()
    .get(...params) as number;
const logged = (rowId: string) => count('SELECT count(*) FROM change_log WHERE row_id = ?', rowId);
const interview = async (auditId: string) =>
  value(
    await lead.t.backend.call('interviews.create', {
      auditId,
      interview: { intervieweeName: 'Ida CISO', heldAt: '2026-03-02T10:00', notes: 'Said something confidential' },
    }),
  );

describe('what a deletion leaves in the file', () => {
  it('a solo audit’s deleted record takes its logged words with it; a team audit keeps them for the merge', async () => {
    const { audit } = await leadAudit(lead);
    const solo = await interview(audit.id);
    expect(logged(solo.id)).toBeGreaterThan(0);
    value(await lead.t.backend.call('interviews.delete', { id: solo.id }));
    expect(logged(solo.id)).toBe(0);

    await exportPackage(lead, audit.id, dir);
    const team = await interview(audit.id);
    value(await lead.t.backend.call('interviews.delete', { id: team.id }));
    expect(count("SELECT count(*) FROM change_log WHERE row_id = ? AND field = 'notes' AND live = 0", team.id)).toBe(1);
  });

  it('deleting an audit purges its change log and tombstones, team audit or not', async () => {
    const { audit } = await leadAudit(lead);
    const i = await interview(audit.id);
    await exportPackage(lead, audit.id, dir);
    value(await lead.t.backend.call('interviews.delete', { id: i.id }));
    expect(count('SELECT count(*) FROM change_log WHERE scope = ?', audit.id)).toBeGreaterThan(0);
    value(await lead.t.backend.call('audits.delete', { id: audit.id }));
    expect(count('SELECT count(*) FROM change_log WHERE scope = ?', audit.id)).toBe(0);
    expect(count('SELECT count(*) FROM tombstones WHERE scope = ?', audit.id)).toBe(0);
    expect(count("SELECT count(*) FROM change_log WHERE value LIKE '%confidential%'")).toBe(0);
    expect(count('SELECT count(*) FROM team_audits')).toBe(0);
  });
});
