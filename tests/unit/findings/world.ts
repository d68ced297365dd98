import { expect } from 'vitest';
import type { Backend } from '#core/backend';
import { newId } from '#core/ids';
import { dumpDatabase, sampleAudit, sampleClient, tempBackend, value } from '../../helpers/backend';

/**
 * A clock the test can move: each call is one second after the previous one
 * (so stamps differ), starting from the day set with `setDay`.
 */
export function testClock() {
  let base = Date.UTC(2026, 2, 3, 9, 0, 0);
  let tick = 0;
  return {
    now: () => new Date(base + 1000 * tick++).toISOString(),
    setDay(isoDate: string) {
      base = Date.parse(`${isoDate}T09:00:00Z`);
      tick = 0;
    },
  };
}

export function findingsBackend() {
  const clock = testClock();
  return { ...tempBackend({ now: clock.now }), clock };
}

/**
 * Acme's Stage 2 audit (2–4 March 2026, HQ in scope) under way, a second
 * audit of Acme and one of another client, so every "does this belong to the
 * audit?" rule has something from next door to refuse.
 */
export async function findingsWorld(backend: Backend) {
  const client = value(await backend.call('clients.create', sampleClient()));
  const other = value(await backend.call('clients.create', { ...sampleClient(), name: 'Other plc' }));
  const [hq, plant] = client.sites.map((s) => s.id) as [string, string];
  const audit = value(await backend.call('audits.create', sampleAudit(client.id, [hq])));
  const second = value(
    await backend.call('audits.create', {
      ...sampleAudit(client.id, [hq, plant]),
      type: 'surveillance1',
      startDate: '2027-02-01',
      endDate: '2027-02-02',
    }),
  );
  const foreign = value(await backend.call('audits.create', sampleAudit(other.id)));
  for (const id of [audit.id, second.id, foreign.id]) {
    value(await backend.call('audits.setStatus', { id, status: 'in_progress' }));
  }
  const items = value(await backend.call('checklist.get', { auditId: audit.id })).items;
  const secondItems = value(await backend.call('checklist.get', { auditId: second.id })).items;
  const foreignItems = value(await backend.call('checklist.get', { auditId: foreign.id })).items;
  const item = (ref: string) => {
    const found = items.find((i) => i.ref === ref);
    if (!found) throw new Error(`no item ${ref}`);
    return found;
  };
  return { client, other, audit, second, foreign, items, secondItems, foreignItems, item, hq, plant };
}
export type FindingsWorld = Awaited<ReturnType<typeof findingsWorld>>;

/** A complete minor NC against clause 8.1 of the audit, ready to issue. */
export const minorNc = (w: FindingsWorld, over: Record<string, unknown> = {}) => ({
  type: 'minor' as const,
  itemIds: [w.item('8.1').id],
  statement: 'Operational planning is required to be controlled; two changes went live without review.',
  evidenceText: 'Change tickets CH-101 and CH-117 show no approval.',
  siteId: w.hq,
  raisedBy: 'Lena Lead',
  raisedAt: '2026-03-03T10:15',
  ...over,
});

export async function createFinding(backend: Backend, w: FindingsWorld, over: Record<string, unknown> = {}) {
  return value(await backend.call('findings.create', { auditId: w.audit.id, finding: minorNc(w, over), by: 'Lena' }));
}

export async function issued(backend: Backend, w: FindingsWorld, over: Record<string, unknown> = {}) {
  const draft = await createFinding(backend, w, over);
  return value(await backend.call('findings.issue', { id: draft.id, by: 'Lena' }));
}

export const response = (over: Record<string, unknown> = {}) => ({
  receivedAt: '2026-03-20',
  correction: 'Both changes reviewed after the fact.',
  rootCause: 'The emergency change path skipped the review step.',
  correctiveAction: 'Emergency changes now need a retrospective review within two days.',
  responsible: 'Head of IT',
  correctionDue: '2026-03-31',
  actionDue: '2026-05-31',
  ...over,
});

export const verification = (auditId: string, over: Record<string, unknown> = {}) => ({
  method: 'document_review' as const,
  notes: 'Sampled five emergency changes since April: all reviewed.',
  verifiedOn: '2026-06-10',
  verifiedBy: 'Lena Lead',
  auditId,
  ...over,
});

/** Issued, answered and accepted: ready to verify. */
export async function accepted(backend: Backend, w: FindingsWorld, over: Record<string, unknown> = {}) {
  const f = await issued(backend, w, over);
  value(await backend.call('findings.respond', { id: f.id, response: response(), by: 'Lena' }));
  return value(await backend.call('findings.decideResponse', { id: f.id, decision: 'accepted', by: 'Lena' }));
}

/** An attachment row and its links, written with SQL: the evidence store is not under test here. */
export function insertEvidence(backend: Backend, auditId: string, links: { type: string; id: string }[]): string {
  const id = newId();
  const meta = "'2026-03-02T09:00:00.000Z', '2026-03-02T09:00:00.000Z', 'test-device'";
  backend.db
    .prepare(
      `INSERT INTO evidence (id, audit_id, sha256, original_name, media_type, size, captured_at, added_by,
         description, has_thumbnail, created_at, updated_at, device_id)
       VALUES (?, ?, ?, 'photo.jpg', 'image/jpeg', 1234, NULL, 'Lena Lead', '', 0, ${meta})`,
    )
    .run(id, auditId, id.replace(/-/g, '').padEnd(64, '0'));
  const link = backend.db.prepare(
    `INSERT INTO evidence_links (evidence_id, target_type, target_id, created_at, updated_at, device_id)
     VALUES (?, ?, ?, ${meta})`,
  );
  for (const l of links) link.run(id, l.type, l.id);
  return id;
}

/** Calls `op` expecting a refusal; answers the error after checking that the database did not change. */
export async function refused(backend: Backend, op: string, input: unknown) {
  const before = dumpDatabase(backend.db);
  const r = await backend.dispatch(op, input);
  if (r.ok) throw new Error(`${op} succeeded but should have been refused`);
  expect(dumpDatabase(backend.db)).toEqual(before);
  return r.error;
}
