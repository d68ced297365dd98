import type { OpInput } from '#shared/api/contract';
import { DomainError, type Result } from '#shared/api/result';
import type { Audit } from '#shared/domain/audit';
import type { ChecklistItem } from '#shared/domain/checklist';
import type { EvidenceTarget } from '#shared/domain/evidence';
import { UPLOAD_CHUNK_BYTES } from '#shared/domain/evidence';
import type { Backend } from '../backend';
import { DEMO_PHOTOS, demoPdf, renderPhoto } from './photos';

const must = <T>(r: Result<T>): T => {
  if (!r.ok) throw new DomainError(r.error.code, `Demo data was rejected: ${r.error.message}`);
  return r.value;
};

/**
 * The Stage 2 fieldwork so far: interviews, a site walk with photos, and the
 * client documents the team read. Attachments go through the same chunked
 * upload the app uses, so the demo exercises the real evidence store.
 */
export async function seedFieldwork(backend: Backend, audit: Audit, items: readonly ChecklistItem[]): Promise<void> {
  const byRef = new Map(items.map((i) => [i.ref, i.id]));
  const refs = (...r: string[]) => r.map((x) => byRef.get(x)).filter((id): id is string => id !== undefined);
  const member = (role: string) => audit.team.find((m) => m.role === role)!;
  const [day1, day2] = [audit.startDate, addDays(audit.startDate, 1)];
  const [hq, bremen] = audit.siteIds;
  const lead = member('lead_auditor');
  const auditor = member('auditor');

  const interviews: OpInput<'interviews.create'>['interview'][] = [
    {
      intervieweeName: 'Tobias Wendt',
      intervieweeRole: 'Information Security Officer',
      department: 'IT',
      siteId: hq ?? null,
      heldAt: `${day1}T09:30`,
      auditorIds: [lead.id],
      itemIds: refs('6.1.2', '6.1.3', '8.2'),
      notes:
        'Walked through the risk register (64 risks, each with an owner and a treatment decision). ' +
        'Risk criteria were approved by the management board in February. Two risks on the transport ' +
        'planning system were re-rated after the ransomware exercise; the treatment plan shows the new ' +
        'backup rotation with an offline copy. Asked how residual risk is accepted: owners sign in the register.',
    },
    {
      intervieweeName: 'Miriam Koch',
      intervieweeRole: 'HR Manager',
      department: 'Human Resources',
      siteId: hq ?? null,
      heldAt: `${day1}T13:00`,
      auditorIds: [auditor.id],
      itemIds: refs('A.6.1', 'A.6.5', 'A.5.18'),
      notes:
        'Screening is done for all new hires through an external provider; five files sampled, all complete. ' +
        'Leaver process: HR sends a ticket to IT on the last working day. Two of five sampled leavers still had ' +
        'an active VPN account three weeks later — the ticket was closed without the access review step.',
    },
    {
      intervieweeName: 'Lars Brenner',
      intervieweeRole: 'Head of IT Operations',
      department: 'IT',
      siteId: bremen ?? null,
      heldAt: `${day2}T10:15`,
      auditorIds: [lead.id, auditor.id],
      itemIds: refs('A.8.13', 'A.8.15'),
      notes:
        'Backups run nightly with a weekly offline copy; the last restore test was in March and is documented. ' +
        'Central logging covers the firewalls and domain controllers; the warehouse scanners are not yet connected.',
    },
  ];
  const interviewIds: string[] = [];
  for (const interview of interviews) {
    interviewIds.push(must(await backend.call('interviews.create', { auditId: audit.id, interview })).id);
  }

  const observations: OpInput<'observations.create'>['observation'][] = [
    {
      siteId: bremen ?? null,
      location: 'Server room, ground floor',
      observedAt: `${day2}T08:45`,
      description:
        'Server room protected by badge reader; access list of six names matches the IT team. Rack locked, ' +
        'temperature monitoring in place. No visitor log kept at the door itself.',
      itemIds: refs('A.7.2', 'A.7.3'),
    },
    {
      siteId: hq ?? null,
      location: 'Open-plan office, 2nd floor',
      observedAt: `${day1}T18:10`,
      description: 'After-hours walk: desks clear, screens locked, confidential waste bins closed.',
      itemIds: refs('A.7.7'),
    },
    {
      siteId: bremen ?? null,
      location: 'Visitor reception',
      observedAt: `${day2}T08:20`,
      description: 'Visitors sign in on a terminal and receive a badge; badges are returned at the desk.',
      itemIds: refs('A.7.2'),
    },
  ];
  const observationIds: string[] = [];
  for (const observation of observations) {
    observationIds.push(must(await backend.call('observations.create', { auditId: audit.id, observation })).id);
  }

  const documents: OpInput<'documents.create'>['document'][] = [
    { title: 'Information security policy', identifier: 'ISMS-POL-01', revision: '2.0', owner: 'Managing Director' },
    { title: 'Risk assessment report', identifier: 'ISMS-RA-2026', revision: '1.2', owner: 'ISO' },
    { title: 'Statement of Applicability', identifier: 'ISMS-SOA', revision: '2.1', owner: 'ISO' },
    { title: 'Internal audit report Bremen', identifier: 'IA-2026-02', revision: '1.0', owner: 'Internal audit' },
  ].map((d, i) => ({
    ...d,
    documentDate: addDays(audit.startDate, -60 + i * 10),
    itemIds: refs(['5.2', '6.1.2', '6.1.3', '9.2.2'][i]!),
    notes: 'Read on screen during the audit; not copied.',
  }));
  for (const document of documents) must(await backend.call('documents.create', { auditId: audit.id, document }));

  const addedBy = lead.name;
  const photoTargets: EvidenceTarget[][] = [
    [{ type: 'observation', id: observationIds[0]! }],
    [{ type: 'observation', id: observationIds[0]! }],
    [{ type: 'observation', id: observationIds[1]! }],
    [{ type: 'observation', id: observationIds[2]! }],
  ];
  for (const [i, photo] of DEMO_PHOTOS.entries()) {
    const bytes = await renderPhoto(photo, `${day2}T0${8 + (i % 2)}:${String(10 + i * 7).padStart(2, '0')}:00`);
    await upload(backend, audit.id, photo.name, 'image/jpeg', bytes, {
      description: photo.description,
      addedBy,
      links: photoTargets[i]!,
    });
  }
  const pdf = demoPdf(['Backup restore test record', 'System: transport planning', 'Result: restored in 2 h 10 min']);
  await upload(backend, audit.id, 'Restore test March.pdf', 'application/pdf', pdf, {
    description: 'Record of the last restore test, shown by the head of IT operations.',
    addedBy,
    links: [{ type: 'interview', id: interviewIds[2]! }],
  });
}

async function upload(
  backend: Backend,
  auditId: string,
  name: string,
  mediaType: string,
  bytes: Buffer,
  commit: Omit<OpInput<'evidence.uploadCommit'>, 'uploadId'>,
): Promise<void> {
  const { uploadId } = must(
    await backend.call('evidence.uploadBegin', { auditId, name, size: bytes.length, mediaType }),
  );
  for (let offset = 0; offset < bytes.length; offset += UPLOAD_CHUNK_BYTES) {
    const dataBase64 = bytes.subarray(offset, offset + UPLOAD_CHUNK_BYTES).toString('base64');
    must(await backend.call('evidence.uploadChunk', { uploadId, offset, dataBase64 }));
  }
  must(await backend.call('evidence.uploadCommit', { uploadId, ...commit }));
}

const addDays = (isoDay: string, days: number): string =>
  new Date(Date.parse(`${isoDay}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
