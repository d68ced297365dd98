import type { ReportModel } from '../export/report/model';

/**
 * A small made-up audit for an import's trial render: every list holds two
 * entries, so every loop of a template runs (and repeats) at least once, and
 * the work a template does on it shows how its loops nest. No real data.
 */
export function sampleReportModel(): ReportModel {
  const finding = (n: number, type: 'major' | 'minor' | 'ofi') => ({
    number: `${type === 'ofi' ? 'OFI' : 'NC'}-0${n}`,
    type,
    status: 'open' as const,
    requirements: ['A.5.15 Access control'],
    statement: 'Sample statement.',
    evidenceText: 'Sample evidence.',
    records: [],
    site: 'Head office',
    raisedBy: 'Sam Auditor',
    raisedAt: '2027-01-12T10:00:00.000Z',
    responseDue: type === 'ofi' ? null : '2027-02-12',
    photos: [],
    attachments: [],
    latestResponse: null,
    verification: null,
  });
  const item = (number: string) => ({ number, title: 'Sample item', result: 'conforming' as const, notes: 'Seen.' });
  return {
    language: 'en',
    reportNumber: 'DRAFT',
    version: 0,
    signOff: null,
    generatedAt: '2027-01-20',
    body: {
      name: 'Sample Certification Ltd',
      address: '1 Sample Street',
      accreditation: 'Accredited, no. 0000',
      website: 'https://example.org',
      primaryColour: '#1F4E79',
      accentColour: '#C55A11',
      logo: null,
      accreditationMark: null,
    },
    client: {
      name: 'Sample Client plc',
      address: '2 Client Road',
      representative: 'Chris Client',
      contacts: [
        { name: 'Chris Client', role: 'CISO' },
        { name: 'Dana Doe', role: 'IT manager' },
      ],
    },
    audit: {
      type: 'stage2',
      standard: 'ISO/IEC 27001:2022',
      objectives: 'Sample objectives.',
      criteria: 'Sample criteria.',
      scope: 'Sample scope.',
      startDate: '2027-01-12',
      endDate: '2027-01-13',
      mode: 'on_site',
      soaVersion: '1.0',
      checklistTitle: 'Sample checklist',
      minutesRecorded: null,
      sites: [
        { name: 'Head office', address: '2 Client Road', headcount: 40, processes: 'All' },
        { name: 'Data centre', address: '3 Rack Lane', headcount: 5, processes: 'Hosting' },
      ],
      team: [
        { name: 'Lena Lead', role: 'lead_auditor' },
        { name: 'Sam Auditor', role: 'auditor' },
      ],
    },
    texts: {
      ismsDocumentation: 'Sample.',
      places: 'Sample.',
      auditorDays: 3,
      timeNotes: '',
      processes: 'Sample.',
      deviations: 'None.',
      documentsSummary: 'Sample.',
      riskAssessment: 'Sample.',
      sampling: 'Sample.',
      conclusionInternalAudit: 'Sample.',
      conclusionManagementReview: 'Sample.',
      conclusionScope: 'Sample.',
      conclusionObjectives: 'Sample.',
      certificateMarkUse: 'Sample.',
      unresolvedIssues: 'None.',
    },
    records: {
      documents: [],
      interviews: [
        {
          name: 'Chris Client',
          role: 'CISO',
          department: 'Security',
          site: 'Head office',
          heldAt: '2027-01-12T09:30',
          auditors: ['Lena Lead'],
          requirements: ['Clause 6.1 Actions to address risks and opportunities'],
        },
        {
          name: 'Dana Doe',
          role: 'IT manager',
          department: 'IT',
          site: 'Data centre',
          heldAt: '2027-01-13T11:00',
          auditors: ['Sam Auditor'],
          requirements: ['A.8.13 Information backup'],
        },
      ],
      observations: [],
    },
    samples: [],
    groups: [
      {
        id: 'c4',
        title: 'Clause 4 Context of the organization',
        kind: 'clause',
        items: [item('Clause 4.1'), item('Clause 4.2')],
      },
      { id: 'a5', title: 'A.5 Organizational controls', kind: 'theme', items: [item('A.5.1'), item('A.5.2')] },
    ],
    findings: [finding(1, 'minor'), finding(2, 'major'), finding(1, 'ofi')],
    carried: [],
    recommendation: { suggested: 'not_recommended', reasons: ['Sample reason.', 'Another reason.'], decided: null },
    photos: [
      {
        evidenceId: '00000000-0000-7000-8000-000000000001',
        sha256: '0'.repeat(64),
        path: '',
        caption: 'Sample photo',
        fileName: 'sample.jpg',
        ref: 'E-00000000',
        mediaType: 'image/jpeg',
      },
      {
        evidenceId: '00000000-0000-7000-8000-000000000002',
        sha256: '1'.repeat(64),
        path: '',
        caption: 'Another photo',
        fileName: 'another.jpg',
        ref: 'E-11111111',
        mediaType: 'image/jpeg',
      },
    ],
  };
}
