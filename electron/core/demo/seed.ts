import { DomainError, type Result } from '#shared/api/result';
import type { Audit } from '#shared/domain/audit';
import type { Backend } from '../backend';
import { stage1Patch, stage2Assignee, stage2Patch } from './checklists';
import { seedCertifiedClient } from './findings';
import { seedFieldwork } from './fieldwork';
import { seedReports } from './reports';
import { demoSoaCsv } from './soa';

const must = <T>(r: Result<T>): T => {
  if (!r.ok) throw new DomainError(r.error.code, `Demo data was rejected: ${r.error.message}`);
  return r.value;
};

const isoDay = (base: Date, offsetDays: number): string =>
  new Date(base.getTime() + offsetDays * 86_400_000).toISOString().slice(0, 10);

/**
 * A realistic, fictional engagement so a newcomer sees a populated app: one
 * client with two sites and a contact, a closed Stage 1 with every readiness
 * topic reviewed, and a Stage 2 in progress with an imported Statement of
 * Applicability, about 40% of its checklist done, interviews, a site walk with
 * photos and the documents reviewed so far. Everything goes through
 * the public operations, so demo data obeys the same rules as user data and
 * comes out the same on every run. Later features add their records here.
 * A second client, a year into its certification, shows findings through
 * their whole life across Stage 2 and Surveillance 1 (see findings.ts).
 */
export async function seedDemo(
  backend: Backend,
  today = new Date(),
): Promise<{ clientId: string; auditIds: string[]; certified: { clientId: string; auditIds: string[] } }> {
  const client = must(
    await backend.call('clients.create', {
      name: 'Nordlicht Logistics GmbH',
      address: 'Hafenstraße 12, 20457 Hamburg, Germany',
      representative: 'Dr. Jana Petersen, Managing Director',
      contacts: [
        {
          name: 'Tobias Wendt',
          role: 'Information Security Officer',
          email: 'isms@nordlicht.example',
          phone: '+49 40 5550 120',
        },
      ],
      sites: [
        {
          name: 'Hamburg headquarters',
          address: 'Hafenstraße 12, 20457 Hamburg',
          headcount: 180,
          processes: 'Management, IT operations, customer service, finance',
        },
        {
          name: 'Bremen distribution centre',
          address: 'Am Speicher 4, 28217 Bremen',
          headcount: 95,
          processes: 'Warehouse management, transport planning, physical security',
        },
      ],
    }),
  );
  const siteIds = client.sites.map((s) => s.id);
  const scope =
    'Provision of contract logistics and freight forwarding services, including the supporting IT operations, ' +
    'at the Hamburg headquarters and the Bremen distribution centre, per Statement of Applicability v2.1.';
  const lead = { name: 'Amelia Hartmann', email: 'a.hartmann@cb.example', role: 'lead_auditor' as const };
  const auditor = { name: 'Rafael Ortiz', email: 'r.ortiz@cb.example', role: 'auditor' as const };

  const stage1 = must(
    await backend.call('audits.create', {
      clientId: client.id,
      type: 'stage1',
      scope,
      siteIds: [siteIds[0]!],
      startDate: isoDay(today, -42),
      endDate: isoDay(today, -41),
      mode: 'remote',
      team: [lead],
      objectives: 'Review the documented ISMS and the readiness of the organisation for the Stage 2 audit.',
      criteria: 'ISO/IEC 27001:2022; the client’s ISMS documentation and Statement of Applicability.',
    }),
  );
  must(await backend.call('audits.setStatus', { id: stage1.id, status: 'in_progress' }));
  for (const item of must(await backend.call('checklist.get', { auditId: stage1.id })).items) {
    must(await backend.call('checklist.updateItem', { id: item.id, patch: stage1Patch(item) }));
  }
  must(await backend.call('audits.setStatus', { id: stage1.id, status: 'reporting' }));
  // The Stage 1 conclusion: ready for Stage 2 (a Stage 1 never recommends certification).
  must(
    await backend.call('recommendation.decide', {
      auditId: stage1.id,
      recommendation: 'recommend',
      reason:
        'The area of concern on the internal audit programme was explained at the closing meeting; it is checked at Stage 2.',
      by: lead.name,
    }),
  );
  // Closing needs a reason for what the completeness gates still list (here: no report issued for the Stage 1).
  must(
    await backend.call('audits.setStatus', {
      id: stage1.id,
      status: 'closed',
      reason:
        'Stage 1 conclusions were handed over at the closing meeting; the Stage 1 report is not issued in this demo.',
      by: lead.name,
    }),
  );

  const stage2 = must(
    await backend.call('audits.create', {
      clientId: client.id,
      type: 'stage2',
      scope,
      siteIds,
      startDate: isoDay(today, -1),
      endDate: isoDay(today, 2),
      mode: 'on_site',
      team: [lead, auditor, { name: 'Priya Nair', email: '', role: 'technical_expert' }],
      objectives:
        'Evaluate the implementation and effectiveness of the ISMS and decide whether to recommend certification.',
      criteria: 'ISO/IEC 27001:2022; applicable legal and contractual requirements; the client’s ISMS documentation.',
    }),
  );
  must(await backend.call('audits.setStatus', { id: stage2.id, status: 'in_progress' }));
  await fillStage2(backend, stage2);
  const certified = await seedCertifiedClient(backend, today);
  await seedReports(backend, certified.auditIds[0]!, lead.name);
  return { clientId: client.id, auditIds: [stage1.id, stage2.id], certified };
}

/** Imports the client's SoA, then records the fieldwork done so far. */
async function fillStage2(backend: Backend, audit: Audit): Promise<void> {
  const controls = must(await backend.call('checklist.get', { auditId: audit.id })).items.filter(
    (i) => i.kind === 'control',
  );
  const csv = demoSoaCsv(controls);
  const file = { name: 'Nordlicht SoA v2.1.csv', contentBase64: Buffer.from(csv, 'utf8').toString('base64') };
  const checklist = must(await backend.call('soa.apply', { auditId: audit.id, file }));
  const member = (role: string) => audit.team.find((m) => m.role === role)!.id;
  const team = { lead: member('lead_auditor'), auditor: member('auditor'), expert: member('technical_expert') };
  for (const item of checklist.items) {
    const patch = { ...stage2Patch(item), assigneeId: stage2Assignee(item, team) };
    if (patch.assigneeId === null && Object.keys(patch).length === 1) continue;
    must(await backend.call('checklist.updateItem', { id: item.id, patch }));
  }
  await seedFieldwork(backend, audit, checklist.items);
}
