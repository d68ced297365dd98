import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newId } from '#core/ids';
import { createInterview } from '#core/repos/records/interviews';
import { toFtsQuery } from '#core/repos/search';
import { HIT_END, HIT_START } from '#shared/domain/search';
import { sampleAudit, value } from '../../helpers/backend';
import { insertEvidence, recordsWorld, repoContext, snapshot, tempRecordsBackend } from './world';

let t: ReturnType<typeof tempRecordsBackend>;
let w: Awaited<ReturnType<typeof recordsWorld>>;
beforeEach(async () => {
  t = tempRecordsBackend();
  w = await recordsWorld(t.backend);
});
afterEach(() => t.cleanup());

const search = async (q: string, more: { auditId?: string; limit?: number } = {}) =>
  value(await t.backend.call('search.query', { q, ...more }));
const ids = async (q: string, more: { auditId?: string } = {}) => (await search(q, more)).map((h) => h.recordId);
const mark = (word: string) => `${HIT_START}${word}${HIT_END}`;

const addInterview = async (notes: string, over: Record<string, unknown> = {}, auditId = w.audit.id) =>
  value(
    await t.backend.call('interviews.create', {
      auditId,
      interview: {
        intervieweeName: 'Maria Keller',
        intervieweeRole: 'CISO',
        heldAt: '2026-03-02T09:30',
        notes,
        ...over,
      },
    }),
  );
const searchTables = () => {
  const all = snapshot(t.backend.db);
  return Object.fromEntries(Object.entries(all).filter(([name]) => name.startsWith('search_')));
};

describe('the search index follows every write, in the same transaction', () => {
  it('finds a new record, follows an edit of its notes and forgets it once deleted', async () => {
    const created = await addInterview('Quarterly access reviews are signed off by department heads.');
    expect(await ids('quarterly')).toEqual([created.id]);

    value(
      await t.backend.call('interviews.update', { id: created.id, patch: { notes: 'Reviews now happen monthly.' } }),
    );
    expect(await ids('quarterly')).toEqual([]);
    expect(await ids('monthly')).toEqual([created.id]);

    value(await t.backend.call('interviews.delete', { id: created.id }));
    expect(await ids('monthly')).toEqual([]);
    expect(t.backend.db.prepare('SELECT count(*) FROM search_docs WHERE record_id = ?').pluck().get(created.id)).toBe(
      0,
    );
  });

  it('indexes checklist notes, observations, documents and attachments, each with its own title', async () => {
    const item = w.items.find((i) => i.number === '5.15')!;
    value(await t.backend.call('checklist.updateItem', { id: item.id, patch: { notes: 'Firewall rules reviewed.' } }));
    const obs = value(
      await t.backend.call('observations.create', {
        auditId: w.audit.id,
        observation: {
          observedAt: '2026-03-02T10:00',
          description: 'Firewall cabinet unlocked during the walk-round.',
        },
      }),
    );
    const placed = value(
      await t.backend.call('observations.create', {
        auditId: w.audit.id,
        observation: {
          location: 'Loading bay',
          observedAt: '2026-03-02T10:05',
          description: 'Firewall log on screen.',
        },
      }),
    );
    const doc = value(
      await t.backend.call('documents.create', {
        auditId: w.audit.id,
        document: { title: 'Firewall Standard', identifier: 'STD-12', revision: '2' },
      }),
    );
    const bare = value(
      await t.backend.call('documents.create', { auditId: w.audit.id, document: { title: 'Firewall diagram' } }),
    );
    const photo = newId();
    insertEvidence(
      t.backend,
      { id: photo, auditId: w.audit.id, sha: 'f'.repeat(64), name: 'firewall-rack.jpg', description: 'Firewall rack' },
      [{ type: 'audit', id: w.audit.id }],
    );
    const interview = await addInterview('Firewall changes go through CAB.', { intervieweeRole: '' });

    const titles = Object.fromEntries((await search('firewall')).map((h) => [h.recordId, [h.kind, h.title]]));
    expect(titles).toEqual({
      [item.id]: ['checklist_item', 'A.5.15 Access control'],
      [obs.id]: ['observation', 'Observation: Firewall cabinet unlocked during the walk-round.'],
      [placed.id]: ['observation', 'Observation: Loading bay'],
      [doc.id]: ['document', 'Document: Firewall Standard STD-12 rev 2'],
      [bare.id]: ['document', 'Document: Firewall diagram'],
      [photo]: ['evidence', 'firewall-rack.jpg'],
      [interview.id]: ['interview', 'Interview: Maria Keller'],
    });
  });

  it('names a clause "Clause 7.2" and a control "A.7.2", so the two never read alike', async () => {
    const clause = w.items.find((i) => i.kind === 'clause' && i.number === '7.2')!;
    const control = w.items.find((i) => i.kind === 'control' && i.number === '7.2')!;
    for (const item of [clause, control]) {
      value(await t.backend.call('checklist.updateItem', { id: item.id, patch: { notes: 'Zebracrossing seen.' } }));
    }
    const titles = Object.fromEntries((await search('zebracrossing')).map((h) => [h.recordId, h.title]));
    expect(titles).toEqual({
      [clause.id]: `Clause 7.2 ${clause.title}`,
      [control.id]: `A.7.2 ${control.title}`,
    });
  });

  it('shortens an observation without a location to its first words', async () => {
    value(
      await t.backend.call('observations.create', {
        auditId: w.audit.id,
        observation: {
          observedAt: '2026-03-02T10:00',
          description: 'Visitors were not escorted beyond reception and signed no log at the gate.',
        },
      }),
    );
    expect((await search('visitors'))[0]!.title).toBe(
      'Observation: Visitors were not escorted beyond reception and signed…',
    );
  });

  it('drops the hits of a deleted audit', async () => {
    const planned = value(await t.backend.call('audits.create', sampleAudit(w.audit.clientId)));
    await addInterview('Backups restored weekly.', {}, planned.id);
    const item = value(await t.backend.call('checklist.get', { auditId: planned.id })).items[0]!;
    value(await t.backend.call('checklist.updateItem', { id: item.id, patch: { notes: 'Backups tested.' } }));
    expect(await search('backups')).toHaveLength(2);

    value(await t.backend.call('audits.delete', { id: planned.id }));
    expect(await search('backups')).toEqual([]);
    expect(t.backend.db.prepare('SELECT count(*) FROM search_docs WHERE audit_id = ?').pluck().get(planned.id)).toBe(0);
  });

  it('leaves the index untouched when a transaction fails after writing', async () => {
    const created = await addInterview('Patching is automated.');
    const before = searchTables();

    // A refused edit (foreign requirement) that also carried new notes.
    const r = await t.backend.call('interviews.update', {
      id: created.id,
      patch: { notes: 'Patching is manual.', itemIds: [w.secondItems[0]!.id] },
    });
    expect(r.ok).toBe(false);
    // A transaction that wrote a record (so its triggers ran) and then failed.
    const ctx = repoContext(t.backend, t.dataDir);
    const failing = t.backend.db.transaction(() => {
      createInterview(ctx, w.audit.id, {
        intervieweeName: 'Rolled Back',
        intervieweeRole: '',
        department: '',
        siteId: null,
        heldAt: '2026-03-02T12:00',
        auditorIds: [],
        itemIds: [],
        notes: 'Ephemeral words.',
      });
      throw new Error('something later in the transaction failed');
    });
    expect(() => failing.immediate()).toThrow(/later in the transaction/);

    expect(searchTables()).toEqual(before);
    expect(await ids('manual')).toEqual([]);
    expect(await ids('ephemeral')).toEqual([]);
    expect(await ids('automated')).toEqual([created.id]);
  });
});

describe('search results', () => {
  it('label the audit, mark the matched words and fall back to the title when only it matches', async () => {
    const created = await addInterview('Access reviews are signed off by department heads every quarter.');
    const [hit] = await search('quart');
    expect(hit).toEqual({
      kind: 'interview',
      recordId: created.id,
      auditId: w.audit.id,
      auditLabel: 'Acme Ltd — Stage 2, 2026-03-02',
      title: 'Interview: Maria Keller (CISO)',
      snippet: expect.stringContaining(mark('quarter')) as string,
    });
    expect(hit!.snippet).not.toContain('<');

    const [byName] = await search('keller');
    expect(byName!.snippet).toContain(mark('Keller'));
  });

  it('find words whatever their accents, and show them as written', async () => {
    const created = await addInterview('Die Überprüfung der Zugriffsrechte erfolgt quartalsweise.');
    for (const q of ['uberprufung', 'Überprüfung', 'UBERPR', 'überpr']) {
      expect(await ids(q), q).toEqual([created.id]);
    }
    // Decomposed text (as macOS file names arrive) matches too.
    expect(await ids('U\u0308berpru\u0308fung')).toEqual([created.id]);
    expect((await search('uberprufung'))[0]!.snippet).toContain(mark('Überprüfung'));
  });

  it('require every word, treat the last one as a prefix, and can keep to one audit', async () => {
    const here = await addInterview('Encryption keys rotate yearly.');
    const there = await addInterview('Encryption keys are escrowed.', {}, w.second.id);
    expect((await ids('encryption keys')).sort()).toEqual([here.id, there.id].sort());
    expect(await ids('encryption rot')).toEqual([here.id]);
    expect(await ids('encryption rotate escrowed')).toEqual([]);
    expect(await ids('encryption', { auditId: w.second.id })).toEqual([there.id]);
    expect((await search('encryption', { limit: 1 })).length).toBe(1);
    expect((await search('encryption'))[0]!.auditLabel).toMatch(/^Acme Ltd — Stage 2, 2026-0[39]-0[12]$/);
  });

  it('rank a match in the title above one in the body', async () => {
    const inBody = await addInterview('We asked about Fernandez and the change board.', { intervieweeName: 'Bo Body' });
    const inTitle = await addInterview('Nothing remarkable.', { intervieweeName: 'Ana Fernandez' });
    expect(await ids('fernandez')).toEqual([inTitle.id, inBody.id]);
  });

  it('never fail on hostile or odd text', async () => {
    const created = await addInterview('NEAR the door, "quoted" words and col: values; AND OR NOT * everywhere.');
    const hostile = [
      '"',
      '"quoted',
      'quoted"',
      '""',
      'AND OR NOT',
      'AND',
      'NOT door',
      '*',
      'door*',
      '*door',
      'NEAR(',
      'NEAR(door quoted, 2)',
      'col:',
      'body:door',
      'title : door',
      '^door',
      '(door',
      'door)',
      '{title body}: door',
      "'; DROP TABLE interviews; --",
      '\\',
      '%_',
      '\u0000door',
      '\u0301',
      '🔒🔑 door',
      '访问控制',
      'Überprüfung',
      'x'.repeat(200),
      'door '.repeat(40),
      'a-b c.d e_f',
    ];
    for (const q of hostile) {
      const r = await t.backend.call('search.query', { q });
      expect(r.ok ? 'ok' : r.error.message, JSON.stringify(q)).toBe('ok');
    }
    expect(await ids('NEAR(door')).toEqual([created.id]);
    expect(await ids('"quoted" AND col:')).toEqual([created.id]);
    expect(await ids('{col}: door*')).toEqual([created.id]);
  });

  it('answer nothing for empty, blank or punctuation-only text', async () => {
    await addInterview('Some notes.');
    for (const q of ['', '   ', '\t\n', '!?.,;:"*()', '\u0301\u0308']) {
      expect(await search(q), JSON.stringify(q)).toEqual([]);
    }
  });
});

describe('toFtsQuery', () => {
  it('quotes every word, prefixes the last and requires all', () => {
    expect(toFtsQuery('access  "review"')).toBe('"access" AND "review"*');
    expect(toFtsQuery('NEAR(a b')).toBe('"NEAR" AND "a" AND "b"*');
    expect(toFtsQuery('col:x*')).toBe('"col" AND "x"*');
    expect(toFtsQuery('Zugriffsrechte')).toBe('"Zugriffsrechte"*');
    expect(toFtsQuery(' ;-) ')).toBeNull();
  });
});
