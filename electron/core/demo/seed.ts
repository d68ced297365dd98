import { DomainError, type Result } from '#shared/api/result';
import type { Backend } from '../backend';

const must = <T>(r: Result<T>): T => {
  if (!r.ok) throw new DomainError(r.error.code, `Demo data was rejected: ${r.error.message}`);
  return r.value;
};

const isoDay = (base: Date, offsetDays: number): string =>
  new Date(base.getTime() + offsetDays * 86_400_000).toISOString().slice(0, 10);

/**
 * A realistic, fictional engagement so a newcomer sees a populated app: one
 * client with two sites and a contact, a closed Stage 1 and a Stage 2 in
 * progress. Everything goes through the public operations, so demo data obeys
 * the same rules as user data. Later features add their records here.
 */
export function seedDemo(backend: Backend, today = new Date()): { clientId: string; auditIds: string[] } {
  const client = must(
    backend.call('clients.create', {
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
    backend.call('audits.create', {
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
  for (const status of ['in_progress', 'reporting', 'closed'] as const) {
    must(backend.call('audits.setStatus', { id: stage1.id, status }));
  }

  const stage2 = must(
    backend.call('audits.create', {
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
  must(backend.call('audits.setStatus', { id: stage2.id, status: 'in_progress' }));
  return { clientId: client.id, auditIds: [stage1.id, stage2.id] };
}
