import sharp from 'sharp';
import type { OpInput } from '#shared/api/contract';
import { UPLOAD_CHUNK_BYTES } from '#shared/domain/evidence';
import type { Backend } from '#core/backend';
import { saveBrandImage, updateCertificationBody } from '#core/repos/branding';
import type { RepoContext } from '#core/repos/context';
import { defaultTemplatesDir, loadBuiltinTemplates } from '#core/templates/builtin';
import { saveReportDetails } from '#core/repos/report-details';
import { collectReportModel } from '#core/export/report/collect';
import type { SignOff } from '#core/export/report/model';
import { sampleAudit, sampleClient, value } from '../../helpers/backend';
import { findingsBackend } from '../findings/world';

/** A real JPEG from a drawn scene; `orientation` 6 means the camera was turned (the reader must rotate it). */
async function jpeg(width: number, height: number, colour: string, orientation?: number): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><rect width="100%" height="100%" fill="${colour}"/><circle cx="${width / 3}" cy="${height / 2}" r="${height / 4}" fill="#222"/></svg>`;
  let img = sharp(Buffer.from(svg)).jpeg({ quality: 85 });
  img = img.withExif({ IFD0: { Make: 'TestCam', Model: 'Serial 12345' } });
  if (orientation) img = img.withMetadata({ orientation });
  return img.toBuffer();
}

async function upload(
  backend: Backend,
  auditId: string,
  name: string,
  bytes: Buffer,
  commit: Omit<OpInput<'evidence.uploadCommit'>, 'uploadId'>,
) {
  const { uploadId } = value(await backend.call('evidence.uploadBegin', { auditId, name, size: bytes.length }));
  for (let offset = 0; offset < bytes.length; offset += UPLOAD_CHUNK_BYTES) {
    const dataBase64 = bytes.subarray(offset, offset + UPLOAD_CHUNK_BYTES).toString('base64');
    value(await backend.call('evidence.uploadChunk', { uploadId, offset, dataBase64 }));
  }
  return value(await backend.call('evidence.uploadCommit', { uploadId, ...commit }));
}

export const SIGN_OFF: SignOff = {
  signerName: 'Lena Lead',
  signerRole: 'Lead auditor',
  signedOn: '2027-02-10',
  fingerprint: 'AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89',
};

const STATEMENTS = {
  major: 'Access rights of leavers are not removed: three accounts of people who left in 2026 were still active.',
  minor: 'Two changes to the hosting platform went live without the review the change procedure requires.',
  ofi: 'The supplier register could record the date of each supplier’s last security review.',
  positive: 'Security awareness sessions are tailored to each department and well attended.',
  carried: 'The risk treatment plan of 2026 had no owner for four of its actions.',
};

/**
 * Acme's Stage 2 audit with a minor NC, then the Surveillance 1 audit made
 * from it (the NC carried in and verified there), with results, samples,
 * records, four issued findings, a draft, photos (one shared by two findings,
 * one turned by EXIF, one PNG, one of the observation the major NC cites) and
 * a PDF attachment, branding and report texts.
 */
export async function reportWorld() {
  const t = findingsBackend();
  const { backend } = t;
  const ctx: RepoContext = {
    db: backend.db,
    dataDir: t.dataDir,
    deviceId: backend.deviceId,
    now: () => '2027-02-10T12:00:00.000Z',
    builtinTemplates: loadBuiltinTemplates(defaultTemplatesDir()),
  };
  updateCertificationBody(ctx, {
    name: 'Northern Certification Ltd',
    address: '5 Audit Lane, Leeds',
    accreditation: 'Accredited by the national body, no. 1234',
    website: 'https://ncl.example',
    primaryColour: '#7A1F5C',
    accentColour: '#C55A11',
    reportNumberPattern: '{client}-{year}-{seq}',
    language: 'en',
  });
  const logo = await sharp({ create: { width: 400, height: 120, channels: 3, background: '#1F4E79' } })
    .png()
    .toBuffer();
  saveBrandImage(ctx, 'logo', { png: logo, width: 400, height: 120 });

  const client = value(await backend.call('clients.create', sampleClient()));
  const [hq, plant] = client.sites.map((s) => s.id) as [string, string];
  const stage2 = value(await backend.call('audits.create', sampleAudit(client.id, [hq, plant])));
  value(await backend.call('audits.setStatus', { id: stage2.id, status: 'in_progress' }));
  const s2Items = value(await backend.call('checklist.get', { auditId: stage2.id })).items;
  const s2Draft = value(
    await backend.call('findings.create', {
      auditId: stage2.id,
      by: 'Lena',
      finding: {
        type: 'minor',
        itemIds: [s2Items.find((i) => i.ref === '6.1.3')!.id],
        statement: STATEMENTS.carried,
        evidenceText: 'Risk treatment plan v3, actions 4, 7, 9 and 12.',
        raisedBy: 'Lena Lead',
        raisedAt: '2026-03-03T11:00',
      },
    }),
  );
  const carried = value(await backend.call('findings.issue', { id: s2Draft.id, by: 'Lena' }));

  const { id: auditId } = value(
    await backend.call('programme.createNext', {
      reason: 'Planned before the previous audit closed',
      fromAuditId: stage2.id,
      startDate: '2027-02-01',
      endDate: '2027-02-02',
    }),
  );
  value(await backend.call('audits.setStatus', { id: auditId, status: 'in_progress' }));
  const items = value(await backend.call('checklist.get', { auditId })).items;
  const item = (ref: string) => {
    const found = items.find((i) => i.ref === ref);
    if (!found) throw new Error(`no item ${ref} in the surveillance checklist`);
    return found;
  };

  // The carried NC: answered, accepted and verified in this audit.
  value(
    await backend.call('findings.respond', {
      id: carried.id,
      by: 'Lena',
      response: {
        receivedAt: '2026-03-20',
        correction: 'Owners named.',
        rootCause: 'No template field.',
        correctiveAction: 'Template changed.',
        responsible: 'CISO',
      },
    }),
  );
  value(await backend.call('findings.decideResponse', { id: carried.id, decision: 'accepted', by: 'Lena' }));
  value(
    await backend.call('findings.verify', {
      id: carried.id,
      by: 'Lena',
      verification: {
        method: 'on_site',
        notes: 'All twelve actions now have an owner.',
        verifiedOn: '2027-02-01',
        verifiedBy: 'Lena Lead',
        auditId,
      },
    }),
  );

  const set = (ref: string, patch: OpInput<'checklist.updateItem'>['patch']) =>
    backend.call('checklist.updateItem', { id: item(ref).id, patch, by: 'Lena' }).then(value);
  await set('9.2.1', {
    result: 'conforming',
    notes: 'Internal audit programme covers all clauses over three years.',
    sampleSize: 3,
    minutesSpent: 90,
    samples: [{ identifier: 'IA-2026-04', description: 'Audit of HR' }, { identifier: 'IA-2026-07' }],
  });
  await set('9.3.1', {
    result: 'conforming',
    notes: 'Management review held 2026-11-12 with all inputs.',
    minutesSpent: 45,
  });
  await set('8.1', { result: 'minor_nc', notes: 'See NC on change reviews.' });
  await set('A.5.15', { result: 'major_nc', notes: 'Leaver accounts active.' });

  value(
    await backend.call('documents.create', {
      auditId,
      document: { title: 'Information security policy', identifier: 'POL-01', revision: '4' },
    }),
  );
  value(
    await backend.call('interviews.create', {
      auditId,
      interview: {
        intervieweeName: 'Chris Ciso',
        intervieweeRole: 'CISO',
        department: 'IT',
        heldAt: '2027-02-01T09:30',
      },
    }),
  );
  const observation = value(
    await backend.call('observations.create', {
      auditId,
      observation: {
        location: 'Server room',
        observedAt: '2027-02-01T14:00',
        description: 'Door locked, badge reader working.',
      },
    }),
  );

  const finding = (type: 'major' | 'minor' | 'ofi' | 'positive', ref: string, extra: Record<string, unknown> = {}) =>
    backend
      .call('findings.create', {
        auditId,
        by: 'Lena',
        finding: {
          type,
          itemIds: [item(ref).id],
          statement: STATEMENTS[type],
          evidenceText: `Evidence for ${ref}.`,
          siteId: hq,
          raisedBy: 'Lena Lead',
          raisedAt: '2027-02-01T15:00',
          ...extra,
        },
      })
      .then(value);
  const major = await finding('major', 'A.5.15', { records: [{ type: 'observation', id: observation.id }] });
  const minor = await finding('minor', '8.1');
  const ofi = await finding('ofi', 'A.5.19');
  const positive = await finding('positive', '7.3');
  const draft = await finding('minor', '9.1', { statement: 'A draft that must not appear in any report.' });

  const turned = await upload(backend, auditId, 'IMG_0001.jpg', await jpeg(3000, 2000, '#88aa66', 6), {
    description: 'Leaver account list on the admin console',
    links: [
      { type: 'finding', id: major.id },
      { type: 'finding', id: minor.id },
    ],
  });
  const png = await upload(
    backend,
    auditId,
    'supplier-register.png',
    await sharp({ create: { width: 800, height: 600, channels: 4, background: '#ffffff80' } })
      .png()
      .toBuffer(),
    { description: '', links: [{ type: 'finding', id: ofi.id }] },
  );
  const change = await upload(backend, auditId, 'IMG_0002.jpg', await jpeg(1200, 900, '#6688aa'), {
    description: 'Change ticket CH-117 without approval',
    links: [{ type: 'finding', id: minor.id }],
  });
  const walk = await upload(backend, auditId, 'IMG_0003.jpg', await jpeg(1600, 1200, '#aa8866'), {
    description: 'Server room door, badge reader',
    links: [{ type: 'observation', id: observation.id }],
  });
  const pdf = await upload(backend, auditId, 'access-review.pdf', Buffer.from('%PDF-1.4\n%%EOF\n'), {
    links: [{ type: 'finding', id: major.id }],
  });

  for (const f of [major, minor, ofi, positive]) value(await backend.call('findings.issue', { id: f.id, by: 'Lena' }));
  value(
    await backend.call('findings.respond', {
      id: minor.id,
      by: 'Lena',
      response: {
        receivedAt: '2027-02-20',
        correction: 'Both changes reviewed retrospectively.',
        rootCause: 'Emergency change path skipped review.',
        correctiveAction: 'Emergency changes reviewed within two days.',
        responsible: 'Head of IT',
        correctionDue: '2027-03-01',
        actionDue: '2027-04-30',
      },
    }),
  );
  saveReportDetails(
    ctx,
    auditId,
    {
      ismsDocumentation: 'ISMS manual v5, risk method v2',
      places: '1 Feb: HQ\n2 Feb: Plant',
      auditorDays: 2.5,
      timeNotes: '',
      processes: 'Development, hosting, support',
      deviations: 'Plant visit shortened by two hours.',
      documentsSummary: 'Policy set and risk records reviewed.',
      riskAssessment: 'Risk register sampled: 10 risks traced to treatment.',
      sampling: 'Three internal audits; ten risks; five leavers.',
      conclusionInternalAudit: 'Internal audit is effective.',
      conclusionManagementReview: 'Management review covers every input.',
      conclusionScope: 'The scope remains appropriate.',
      conclusionObjectives: 'The audit objectives were met.',
      certificateMarkUse: 'Mark used correctly on the website.',
      unresolvedIssues: '',
    },
    'Lena Lead',
  );
  const suggestion = value(await backend.call('recommendation.get', { auditId })).suggested;
  // The world's checklist is only partly audited: the completeness gates ask for a reason (printed in the report).
  value(
    await backend.call('recommendation.decide', {
      auditId,
      recommendation: suggestion,
      reason: 'The remaining checklist items are covered by the sampling described in this report.',
      by: 'Lena Lead',
    }),
  );

  const collect = (signOff: SignOff | null, reportNumber = signOff ? 'ACME-2027-0007' : 'DRAFT') =>
    backend.db.transaction(() => collectReportModel(ctx, auditId, { reportNumber, version: 2, signOff }))();
  return {
    ...t,
    ctx,
    auditId,
    items,
    findings: { major, minor, ofi, positive, draft, carried },
    evidence: { turned, png, change, walk, pdf },
    statements: STATEMENTS,
    collect,
  };
}
export type ReportWorld = Awaited<ReturnType<typeof reportWorld>>;
