import { afterAll, describe, expect, it } from 'vitest';
import { sampleAudit, sampleClient, tempBackend, value } from '../../helpers/backend';

/** A patch changes what it names and nothing else (zod's .partial() would reset defaulted fields). */
describe('record patches', () => {
  const t = tempBackend();
  afterAll(() => t.cleanup());

  it('a notes-only patch keeps every other field of a document, interview and observation', async () => {
    const client = value(await t.backend.call('clients.create', sampleClient()));
    const audit = value(
      await t.backend.call(
        'audits.create',
        sampleAudit(
          client.id,
          client.sites.map((s) => s.id),
        ),
      ),
    );
    const [item] = value(await t.backend.call('checklist.get', { auditId: audit.id })).items;
    const doc = value(
      await t.backend.call('documents.create', {
        auditId: audit.id,
        document: {
          title: 'Access policy',
          identifier: 'POL-7',
          revision: '3',
          documentDate: '2026-01-05',
          owner: 'CISO',
          itemIds: [item!.id],
          notes: 'first',
        },
      }),
    );
    const docAfter = value(await t.backend.call('documents.update', { id: doc.id, patch: { notes: 'second' } }));
    expect({ ...docAfter, updatedAt: doc.updatedAt }).toEqual({ ...doc, notes: 'second' });

    const interview = value(
      await t.backend.call('interviews.create', {
        auditId: audit.id,
        interview: {
          intervieweeName: 'Kim',
          intervieweeRole: 'HR',
          department: 'People',
          siteId: client.sites[0]!.id,
          heldAt: '2026-03-02T10:00',
          auditorIds: [audit.team[0]!.id],
          itemIds: [item!.id],
          notes: 'n1',
        },
      }),
    );
    const interviewAfter = value(
      await t.backend.call('interviews.update', { id: interview.id, patch: { notes: 'n2' } }),
    );
    expect({ ...interviewAfter, updatedAt: interview.updatedAt }).toEqual({ ...interview, notes: 'n2' });

    const observation = value(
      await t.backend.call('observations.create', {
        auditId: audit.id,
        observation: { location: 'Lobby', observedAt: '2026-03-02T11:00', description: 'd1', itemIds: [item!.id] },
      }),
    );
    const observationAfter = value(
      await t.backend.call('observations.update', { id: observation.id, patch: { location: 'Gate' } }),
    );
    expect({ ...observationAfter, updatedAt: observation.updatedAt }).toEqual({ ...observation, location: 'Gate' });
  });
});
