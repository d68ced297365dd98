import { DomainError, type Result } from '#shared/api/result';
import type { ItemResult } from '#shared/domain/checklist';
import type { FindingType } from '#shared/domain/finding';
import type { Backend } from '../backend';
import { finishedPatch } from './checklists';
import { demoSoaCsv, HAVELWERK_SOA, type DemoSoa } from './soa';

const must = <T>(r: Result<T>): T => {
  if (!r.ok) throw new DomainError(r.error.code, `Demo data was rejected: ${r.error.message}`);
  return r.value;
};

const isoDay = (base: Date, offsetDays: number): string =>
  new Date(base.getTime() + offsetDays * 86_400_000).toISOString().slice(0, 10);
const plusYears = (isoDate: string, years: number): string =>
  `${Number(isoDate.slice(0, 4)) + years}${isoDate.slice(4)}`.replace(/-02-29$/, '-02-28');

const LEAD = { name: 'Amelia Hartmann', email: 'a.hartmann@cb.example', role: 'lead_auditor' as const };
const AUDITOR = { name: 'Rafael Ortiz', email: 'r.ortiz@cb.example', role: 'auditor' as const };

interface Raise {
  type: FindingType;
  ref: string;
  statement: string;
  evidence: string;
  on: string;
}

/** Records the checklist results of a finished audit (see finishedPatch). */
async function recordResults(
  backend: Backend,
  auditId: string,
  graded: Readonly<Record<string, ItemResult>>,
  covered: (ref: string) => boolean,
): Promise<void> {
  for (const item of must(await backend.call('checklist.get', { auditId })).items) {
    const patch = finishedPatch(item, graded, covered);
    if (patch) must(await backend.call('checklist.updateItem', { id: item.id, patch, by: LEAD.name }));
  }
}

/** Imports the client's Statement of Applicability into an audit under way (excluded controls become N/A). */
async function importSoa(backend: Backend, auditId: string, soa: DemoSoa): Promise<void> {
  const controls = must(await backend.call('checklist.get', { auditId })).items.filter((i) => i.kind === 'control');
  const csv = demoSoaCsv(controls, soa);
  const file = {
    name: `Havelwerk SoA v${soa.version}.csv`,
    contentBase64: Buffer.from(csv, 'utf8').toString('base64'),
  };
  must(await backend.call('soa.apply', { auditId, file }));
}

/** Raises a finding against one requirement of the audit's checklist and issues it; returns its id. */
async function raise(backend: Backend, auditId: string, f: Raise, issue = true): Promise<string> {
  const item = must(await backend.call('checklist.get', { auditId })).items.find((i) => i.ref === f.ref);
  if (!item) throw new DomainError('invalid_input', `Demo data was rejected: ${f.ref} is not in the checklist`);
  const draft = must(
    await backend.call('findings.create', {
      auditId,
      finding: {
        type: f.type,
        itemIds: [item.id],
        statement: f.statement,
        evidenceText: f.evidence,
        raisedAt: `${f.on}T11:00`,
        raisedBy: LEAD.name,
      },
      by: LEAD.name,
    }),
  );
  if (issue) must(await backend.call('findings.issue', { id: draft.id, by: LEAD.name }));
  return draft.id;
}

async function respond(backend: Backend, id: string, on: string, accept: boolean, plan: string): Promise<void> {
  const response = {
    receivedAt: on,
    correction: 'Immediate correction made and evidenced to the audit team.',
    rootCause: 'The procedure did not assign the task to a named role, so it was skipped under workload.',
    correctiveAction: plan,
    responsible: 'Karin Vogt, Quality and ISMS Manager',
    correctionDue: on,
    actionDue: isoDay(new Date(`${on}T00:00:00Z`), 60),
  };
  must(await backend.call('findings.respond', { id, response, by: LEAD.name }));
  if (accept) must(await backend.call('findings.decideResponse', { id, decision: 'accepted', by: LEAD.name }));
}

async function verify(backend: Backend, id: string, auditId: string, on: string, notes: string): Promise<void> {
  must(
    await backend.call('findings.verify', {
      id,
      verification: { method: 'on_site', notes, verifiedOn: on, verifiedBy: LEAD.name, auditId },
      by: LEAD.name,
    }),
  );
}

/**
 * A second demo client a year into its certification: a closed Stage 2 whose
 * major nonconformity was carried into Surveillance 1, verified there and
 * closed, and findings in every state of their life (draft, open, response
 * received, accepted, verified, closed) of every type.
 */
export async function seedCertifiedClient(
  backend: Backend,
  today: Date,
): Promise<{ clientId: string; auditIds: string[] }> {
  const client = must(
    await backend.call('clients.create', {
      name: 'Havelwerk Medical Supplies GmbH',
      address: 'Uferweg 3, 14467 Potsdam, Germany',
      representative: 'Henrik Albers, Chief Operating Officer',
      contacts: [{ name: 'Karin Vogt', role: 'Quality and ISMS Manager', email: 'isms@havelwerk.example', phone: '' }],
      sites: [
        {
          name: 'Potsdam head office and warehouse',
          address: 'Uferweg 3, 14467 Potsdam',
          headcount: 140,
          processes: 'Order management, warehouse, IT, finance',
        },
      ],
    }),
  );
  const stage2 = must(
    await backend.call('audits.create', {
      clientId: client.id,
      type: 'stage2',
      scope: 'Storage and distribution of medical supplies to hospitals, with the supporting IT services.',
      siteIds: client.sites.map((s) => s.id),
      startDate: isoDay(today, -400),
      endDate: isoDay(today, -398),
      mode: 'on_site',
      team: [LEAD, AUDITOR],
      objectives: 'Evaluate the implementation and effectiveness of the ISMS; decide on the recommendation.',
      criteria: 'ISO/IEC 27001:2022; the client’s ISMS documentation.',
    }),
  );
  must(await backend.call('audits.setStatus', { id: stage2.id, status: 'in_progress' }));
  await importSoa(backend, stage2.id, HAVELWERK_SOA);
  // Stage 2 covers everything: each finding's item graded as raised, every other item conforming.
  await recordResults(backend, stage2.id, { 'A.8.13': 'major_nc', 'A.5.15': 'minor_nc', 'A.8.8': 'ofi' }, () => true);
  const day1 = stage2.startDate;
  const major = await raise(backend, stage2.id, {
    type: 'major',
    ref: 'A.8.13',
    statement:
      'Backups of the warehouse management system are taken but have never been restored to test them; ' +
      'the organisation cannot show that its data could be recovered.',
    evidence: 'Backup log for the last 12 months; no restore record exists; confirmed by the IT lead in interview.',
    on: day1,
  });
  const minor = await raise(backend, stage2.id, {
    type: 'minor',
    ref: 'A.5.15',
    statement: 'The quarterly access review for the ERP system was skipped in Q3.',
    evidence: 'Access review records for Q1, Q2 and Q4 seen; none for Q3.',
    on: day1,
  });
  const ofi = await raise(backend, stage2.id, {
    type: 'ofi',
    ref: 'A.8.8',
    statement: 'Patch status could be reported per system owner to speed up follow-up.',
    evidence: '',
    on: day1,
  });
  const good = await raise(backend, stage2.id, {
    type: 'positive',
    ref: 'A.6.3',
    statement: 'Short monthly awareness videos made by staff themselves, with high completion rates.',
    evidence: 'Training platform report: 97% completion.',
    on: isoDay(today, -399),
  });
  for (const id of [ofi, good]) must(await backend.call('findings.close', { id, by: LEAD.name }));
  must(await backend.call('audits.setStatus', { id: stage2.id, status: 'reporting' }));
  must(
    await backend.call('audits.setStatus', {
      id: stage2.id,
      status: 'closed',
      // The demo issues this audit's report afterwards (demo/reports.ts); the closing gates list it as missing.
      reason: 'Report and recommendation are recorded after closing in this demo; the major NC is followed up.',
      by: LEAD.name,
    }),
  );
  // After the audit: the client answers; the minor is verified from records sent in, the major awaits a visit.
  await respond(
    backend,
    major,
    isoDay(today, -385),
    true,
    'A restore test is now run every quarter for every system in scope, and its result recorded in the IT log.',
  );
  await respond(
    backend,
    minor,
    isoDay(today, -380),
    true,
    'The quarterly ERP access review is now a recurring task in the ticket system, assigned to the ERP owner.',
  );
  await verify(backend, minor, stage2.id, isoDay(today, -300), 'Q4 and Q1 review records seen (document review).');

  // Surveillance samples: internal audit, management review, improvement, and controls picked for this visit.
  const sampled = /^(?:4\.3|5\.2|6\.1\.2|9\.[23](?:\.\d+)?|10\.\d+|A\.5\.(?:15|24|30)|A\.8\.(?:13|15|16))$/;
  const sampledRefs = must(await backend.call('checklist.get', { auditId: stage2.id }))
    .items.map((i) => i.ref)
    .filter((ref) => sampled.test(ref));
  const { id: s1 } = must(
    await backend.call('programme.createNext', {
      fromAuditId: stage2.id,
      startDate: isoDay(today, -20),
      endDate: isoDay(today, -19),
      sampledRefs,
    }),
  );
  must(await backend.call('audits.setStatus', { id: s1, status: 'in_progress' }));
  // The client revised its SoA since Stage 2 (the new audit starts with Stage 2's): the auditor imports the revision.
  await importSoa(backend, s1, { ...HAVELWERK_SOA, version: '1.2' });
  await recordResults(
    backend,
    s1,
    { '9.2.2': 'minor_nc', 'A.8.16': 'minor_nc', 'A.5.24': 'minor_nc', 'A.5.30': 'ofi' },
    (ref) => ref !== 'A.8.15', // still to be confirmed: a draft finding
  );
  const s1Day = isoDay(today, -20);
  await verify(backend, major, s1, s1Day, 'Restore test of the warehouse system witnessed; records for two quarters.');
  must(await backend.call('findings.close', { id: major, by: LEAD.name }));
  // The certification decision is recorded once no major is open (shared/rules/gates/cycle.ts).
  const decision = isoDay(today, -370);
  must(
    await backend.call('programme.setCertification', {
      clientId: client.id,
      decisionDate: decision,
      expiryDate: isoDay(new Date(`${plusYears(decision, 3)}T00:00:00Z`), -1),
    }),
  );

  const inS1 = (type: FindingType, ref: string, statement: string, evidence: string) =>
    raise(backend, s1, { type, ref, statement, evidence, on: s1Day });
  const received = await inS1(
    'minor',
    '9.2.2',
    'The internal audit programme left out the transport planning process.',
    'Internal audit programme 2026 and reports seen.',
  );
  // Left open: the client has not answered yet.
  await inS1(
    'minor',
    'A.8.16',
    'Alerts from the warehouse network monitoring are not reviewed at weekends.',
    'Alert queue showed 14 unacknowledged weekend alerts.',
  );
  const accepted = await inS1(
    'minor',
    'A.5.24',
    'The incident procedure names a manager who left the company.',
    'Incident procedure rev. 3 seen.',
  );
  await inS1('ofi', 'A.5.30', 'The continuity test could include the loss of the ERP provider.', '');
  await raise(
    backend,
    s1,
    {
      type: 'minor',
      ref: 'A.8.15',
      statement: 'Log retention for the firewalls may be shorter than the policy requires (to be confirmed).',
      evidence: '',
      on: s1Day,
    },
    false,
  );
  must(await backend.call('audits.setStatus', { id: s1, status: 'reporting' }));
  await respond(
    backend,
    received,
    isoDay(today, -6),
    false,
    'The internal audit programme was extended to cover every process in the ISMS scope, transport planning ' +
      'included, and the programme is now checked against the process list at each management review.',
  );
  await respond(
    backend,
    accepted,
    isoDay(today, -4),
    true,
    'The incident management procedure was revised to name the role, not the person, responsible for incidents; ' +
      'revision 4 was approved by the Chief Operating Officer and communicated to all staff.',
  );
  return { clientId: client.id, auditIds: [stage2.id, s1] };
}
