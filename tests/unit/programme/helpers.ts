import type { Backend } from '#core/backend';
import type { FindingType } from '#shared/domain/finding';
import { sampleAudit, sampleClient, value } from '../../helpers/backend';

/** A client with a Stage 2 audit in progress (team of two, both sites in scope). */
export async function stage2InProgress(backend: Backend) {
  const client = value(await backend.call('clients.create', sampleClient()));
  const siteIds = client.sites.map((s) => s.id);
  const audit = value(await backend.call('audits.create', sampleAudit(client.id, siteIds)));
  value(await backend.call('audits.setStatus', { id: audit.id, status: 'in_progress' }));
  return { client, audit };
}

/** Sets a checklist item's result by ref; returns the item's id. */
export async function setResult(
  backend: Backend,
  auditId: string,
  ref: string,
  result: 'conforming' | 'minor_nc' | 'major_nc' | 'ofi',
) {
  const item = value(await backend.call('checklist.get', { auditId })).items.find((i) => i.ref === ref);
  if (!item) throw new Error(`no item ${ref} in the audit`);
  value(await backend.call('checklist.updateItem', { id: item.id, patch: { result }, by: 'Lena Lead' }));
  return item.id;
}

/** Raises and issues a finding against one requirement (by ref) of the audit. */
export async function issueFinding(
  backend: Backend,
  auditId: string,
  type: FindingType,
  ref: string,
  raisedAt = '2026-03-03T10:00',
) {
  const item = value(await backend.call('checklist.get', { auditId })).items.find((i) => i.ref === ref);
  if (!item) throw new Error(`no item ${ref} in the audit`);
  const draft = value(
    await backend.call('findings.create', {
      auditId,
      finding: {
        type,
        itemIds: [item.id],
        statement: `Finding against ${ref}`,
        evidenceText: 'Seen during the audit',
        raisedAt,
        raisedBy: 'Lena Lead',
      },
      by: 'Lena Lead',
    }),
  );
  return value(await backend.call('findings.issue', { id: draft.id, by: 'Lena Lead' }));
}

/** Takes an issued nonconformity through response, acceptance and verification; closes it when asked. */
export async function resolveNc(
  backend: Backend,
  findingId: string,
  verifiedIn: string,
  opts: { until: 'response_accepted' | 'verified' | 'closed'; on?: string },
) {
  const on = opts.on ?? '2026-04-01';
  const by = 'Lena Lead';
  value(
    await backend.call('findings.respond', {
      id: findingId,
      response: {
        receivedAt: on,
        correction: 'Fixed',
        rootCause: 'Cause',
        correctiveAction: 'Plan',
        responsible: 'Sam',
      },
      by,
    }),
  );
  value(await backend.call('findings.decideResponse', { id: findingId, decision: 'accepted', by }));
  if (opts.until === 'response_accepted') return;
  await verifyNc(backend, findingId, verifiedIn, on);
  if (opts.until === 'closed') value(await backend.call('findings.close', { id: findingId, by }));
}

/** Verifies an accepted nonconformity in the given audit (its own, or one it was carried into). */
export async function verifyNc(backend: Backend, findingId: string, auditId: string, on: string) {
  const by = 'Lena Lead';
  value(
    await backend.call('findings.verify', {
      id: findingId,
      verification: { method: 'document_review', notes: 'Records seen', verifiedOn: on, verifiedBy: by, auditId },
      by,
    }),
  );
}

/** Moves an audit on to closed, giving a reason for whatever the completeness gates still list. */
export async function closeAudit(backend: Backend, auditId: string) {
  const { status } = value(await backend.call('audits.get', { id: auditId }));
  const steps = { planned: ['in_progress', 'reporting'], in_progress: ['reporting'], reporting: [], closed: null }[
    status
  ];
  if (steps === null) return;
  for (const s of steps as ('in_progress' | 'reporting')[])
    value(await backend.call('audits.setStatus', { id: auditId, status: s }));
  value(
    await backend.call('audits.setStatus', {
      id: auditId,
      status: 'closed',
      reason: 'Test set-up: closed with the checklist incomplete',
      by: 'Lena Lead',
    }),
  );
}
