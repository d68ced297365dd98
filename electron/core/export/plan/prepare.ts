import type { OpParsed } from '#shared/api/contract';
import { DomainError } from '#shared/api/result';
import type { Audit } from '#shared/domain/audit';
import type { RepoContext } from '../../repos/context';
import { exportFileName, unlockLeadSigner, type PreparedExport } from '../prepare';
import { collectPlanModel } from './model';

/**
 * The audit plan's export: a draft, or signed by the lead auditor (the same
 * checks as issuing a report). It is not issued: the plan changes as the audit
 * is arranged, so it gets no report number, version or frozen copy.
 */
export function preparePlanExport(
  ctx: RepoContext,
  input: OpParsed<'exports.start'>,
  audit: Audit,
  now: string,
): PreparedExport {
  if (input.format !== 'docx') throw new DomainError('invalid_input', { key: 'errors:exports.planDocxOnly' });
  const signer = input.issue ? unlockLeadSigner(ctx, audit, input.issue, now) : null;
  const plan = collectPlanModel(
    ctx,
    audit.id,
    signer
      ? {
          signerName: signer.identity.name,
          signerRole: signer.identity.role,
          signedOn: now.slice(0, 10),
          fingerprint: signer.identity.fingerprint,
        }
      : null,
    input.language ?? audit.reportLanguage,
  );
  return {
    task: {
      kind: 'plan',
      format: 'docx',
      model: null,
      plan,
      table: null,
      signer: signer && { certificateDer: signer.certificateDer, privateKey: signer.privateKey, signingTime: now },
    },
    fileName: exportFileName(audit, 'plan', signer ? 'Signed' : 'DRAFT', 0, 'docx'),
    issue: null,
  };
}
