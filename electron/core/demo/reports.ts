import sharp from 'sharp';
import { DomainError, type Result } from '#shared/api/result';
import type { ExportJob } from '#shared/domain/report';
import type { Backend } from '../backend';
import { createSelfIssuedIdentity, generateKeyPairFor } from '../repos/signing';

const must = <T>(r: Result<T>): T => {
  if (!r.ok) throw new DomainError(r.error.code, `Demo data was rejected: ${r.error.message}`);
  return r.value;
};

/** The demo lead auditor's signing key passphrase, given in the README. */
export const DEMO_PASSPHRASE = 'demo-passphrase';

const LOGO_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" width="480" height="160">' +
  '<rect width="480" height="160" fill="#ffffff"/>' +
  '<circle cx="80" cy="80" r="56" fill="#1F4E79"/><path d="M52 82 l20 20 l38 -44" stroke="#ffffff" stroke-width="12" fill="none"/>' +
  '<rect x="160" y="50" width="280" height="22" rx="4" fill="#1F4E79"/><rect x="160" y="90" width="200" height="16" rx="4" fill="#C55A11"/>' +
  '</svg>';

async function waitFor(backend: Backend, job: ExportJob): Promise<ExportJob> {
  let current = job;
  while (current.state === 'running') {
    await new Promise((r) => setTimeout(r, 50));
    current = must(await backend.call('exports.status', { jobId: current.id }));
  }
  if (current.state !== 'done')
    throw new DomainError('internal', `Demo report was not issued: ${current.error?.message}`);
  return current;
}

/**
 * The certification body's branding, a signing identity for the demo lead
 * auditor (passphrase "demo-passphrase") and, for the certified client's closed Stage 2,
 * the report details and an issued, signed report — so export, signing and
 * `fieldwork verify` can be tried on demo data straight away.
 */
export async function seedReports(
  backend: Backend,
  closedStage2Id: string,
  leadName: string,
): Promise<{ identityId: string; issueId: string }> {
  // A certification body set up already (the first-run list offers it before the demo) is the user's: kept.
  if (must(await backend.call('branding.get', {})).name.trim() === '') await seedBranding(backend);

  // Through the repository, so the key pair is made before the transaction (RSA generation takes a second).
  const keyPair = generateKeyPairFor('rsa-3072');
  const identity = backend.db
    .transaction(() =>
      createSelfIssuedIdentity(
        backend.context,
        {
          name: leadName,
          email: 'a.hartmann@cb.example',
          role: 'Lead auditor',
          organisation: 'Meridian Certification GmbH',
          keyAlgorithm: 'rsa-3072',
          validityDays: 1095,
          protection: { kind: 'passphrase', passphrase: DEMO_PASSPHRASE },
        },
        { keyPair },
      ),
    )
    .immediate();

  must(
    await backend.call('reports.saveDetails', {
      auditId: closedStage2Id,
      by: leadName,
      details: {
        ismsDocumentation:
          'Information security policy v3.0, ISMS manual v2.2, risk methodology v1.4, Statement of Applicability v1.3.',
        places: 'Day 1–3: Potsdam head office and warehouse (on site).',
        auditorDays: 5,
        timeNotes: 'Three days on site for two auditors, less travel; report writing not counted.',
        processes: 'Order management, warehouse and distribution, IT operations, HR, supplier management.',
        deviations: 'None: the audit followed the plan sent to the client two weeks before.',
        documentsSummary:
          'The policy set, risk register, SoA, internal audit report and the last management review minutes were reviewed.',
        riskAssessment:
          'We traced six risks from the register through treatment decisions to controls in the SoA and checked that owners had accepted the residual risk.',
        sampling:
          'Sampled: 10 leavers, 12 changes, 8 supplier contracts, backup logs of 3 months, visitor logs of 2 weeks.',
        conclusionInternalAudit:
          'The internal audit programme covers every process over three years and is carried out by competent staff.',
        conclusionManagementReview:
          'Management review took place and covered the required inputs; actions are tracked.',
        conclusionScope: 'The scope matches the organisation’s activities and sites and is appropriate.',
        conclusionObjectives: 'The audit objectives were met.',
        certificateMarkUse:
          'Not applicable before certification; the rules for using the mark were explained at the closing meeting.',
        unresolvedIssues: 'None.',
      },
    }),
  );

  // The team confirms the recommendation the findings suggest (the report states it).
  const { suggested } = must(await backend.call('recommendation.get', { auditId: closedStage2Id }));
  must(
    await backend.call('recommendation.decide', { auditId: closedStage2Id, recommendation: suggested, by: leadName }),
  );

  const started = must(
    await backend.call('exports.start', {
      auditId: closedStage2Id,
      kind: 'report',
      format: 'docx',
      issue: { identityId: identity.id, unlock: { kind: 'passphrase', passphrase: DEMO_PASSPHRASE }, by: leadName },
    }),
  );
  const done = await waitFor(backend, started);
  return { identityId: identity.id, issueId: done.issueId! };
}

/** The demo's certification body: its name, address, report numbering and logo. */
async function seedBranding(backend: Backend): Promise<void> {
  must(
    await backend.call('branding.update', {
      name: 'Meridian Certification GmbH',
      address: 'Lindenallee 8, 10115 Berlin, Germany',
      accreditation: 'Accredited for ISO/IEC 27001 certification (fictional accreditation no. D-ZM-00000-01)',
      website: 'https://meridian-cert.example',
      reportNumberPattern: 'MC-{year}-{seq}',
    }),
  );
  const logo = await sharp(Buffer.from(LOGO_SVG)).png().toBuffer();
  must(
    await backend.call('branding.setImage', {
      kind: 'logo',
      dataBase64: logo.toString('base64'),
      fileName: 'logo.png',
    }),
  );
}
