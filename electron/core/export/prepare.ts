import type { Language } from '#shared/i18n/languages';
import type { OpParsed } from '#shared/api/contract';
import { DomainError } from '#shared/api/result';
import { AUDIT_TYPE_LABELS, type Audit } from '#shared/domain/audit';
import { EXPORT_KIND_LABELS, type ExportKind } from '#shared/domain/report';
import { getAudit } from '../repos/audits';
import { requireNamedBody } from '../repos/branding';
import type { RepoContext } from '../repos/context';
import { listFindings } from '../repos/findings/list';
import { passGates } from '../repos/gate-facts';
import { issuedReportNumber, nextVersion, reportNumberFor, type NewIssue } from '../repos/report-issues';
import { getSigningIdentity, unlockSigningKey } from '../repos/signing';
import { contentHash } from './content-hash';
import { ncListRows, NC_LIST_COLUMNS } from './nc-list';
import { preparePlanExport } from './plan/prepare';
import { collectReportModel } from './report/collect';
import { templateTaskFor } from '../report-templates/for-export';
import type { ReportModel, SignOff } from './report/model';
import type { NcListModel } from './nc-list-docx';
import type { ExportTask } from './worker/task';

type StartInput = OpParsed<'exports.start'>;

/** An export ready to hand to the worker, and the issue record to write when it succeeds. */
export interface PreparedExport {
  task: Omit<ExportTask, 'tmpPath' | 'finalPath'>;
  fileName: string;
  issue: Omit<NewIssue, 'sha256' | 'size' | 'warnings' | 'fileName'> | null;
}

const sameName = (a: string, b: string) =>
  a.normalize('NFKC').trim().toLocaleLowerCase() === b.normalize('NFKC').trim().toLocaleLowerCase();

/** A file name safe on Windows, macOS and Linux. */
export function exportFileName(audit: Audit, kind: ExportKind, number: string, version: number, ext: string): string {
  const raw = `${number} ${audit.clientName} ${AUDIT_TYPE_LABELS[audit.type]} ${EXPORT_KIND_LABELS[kind]}${version > 0 ? ` v${version}` : ''}`;
  const safe = raw
    .replace(/[\\/:*?"<>|]/g, '')
    .replace(/\p{Cc}/gu, '')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 150);
  return `${safe}.${ext}`;
}

function leadOf(audit: Audit): { name: string } {
  const lead = audit.team.find((m) => m.role === 'lead_auditor');
  if (!lead) throw new DomainError('conflict', { key: 'errors:exports.noLead' });
  return lead;
}

/**
 * The lead auditor's signing key for an issue, after every check: their own
 * identity, a named certification body, valid now and not expired unless
 * confirmed. Cheap checks first; the key is decrypted (deliberately slow) last.
 */
export function unlockLeadSigner(
  ctx: RepoContext,
  audit: Audit,
  request: NonNullable<StartInput['issue']>,
  now: string,
) {
  const identity = getSigningIdentity(ctx, request.identityId);
  const body = requireNamedBody(ctx);
  const lead = leadOf(audit);
  if (!sameName(identity.name, lead.name)) {
    throw new DomainError('forbidden', {
      key: 'errors:exports.notTheLead',
      params: { lead: lead.name, identity: identity.name },
    });
  }
  if (identity.notBefore > now) {
    throw new DomainError('conflict', {
      key: 'errors:exports.notYetValid',
      params: { identity: identity.name, from: identity.notBefore.slice(0, 10) },
    });
  }
  if (identity.expired && !request.acceptExpired) {
    throw new DomainError('certificate_expired', {
      key: 'errors:exports.expired',
      params: { identity: identity.name, on: identity.notAfter.slice(0, 10) },
    });
  }
  const { privateKey, certificateDer } = unlockSigningKey(ctx, identity.id, request.unlock);
  return { identity, privateKey, certificateDer, body };
}

/**
 * The NC list prints when each finding was closed, which the report model does
 * not carry; added beside it for that document only (the issue's content hash
 * is the report model's own, as reports.get computes it).
 */
function withListFacts(ctx: RepoContext, auditId: string, kind: ExportKind, model: ReportModel): NcListModel {
  if (kind !== 'nc_list') return model;
  const closedOn = Object.fromEntries(
    listFindings(ctx, { auditId })
      .filter((f) => f.number !== null && f.closedAt !== null)
      .map((f) => [f.number!, f.closedAt!.slice(0, 10)]),
  );
  return { ...model, ncList: { closedOn } };
}

/**
 * Everything an export needs from the database, read in one transaction: the
 * model or table, and for an issue the unlocked key after every check (the
 * lead auditor's own identity, not expired unless confirmed, passphrase right).
 */
export function prepareExport(ctx: RepoContext, input: StartInput): PreparedExport {
  const audit = getAudit(ctx, input.auditId);
  const now = ctx.now();
  if (input.kind === 'plan') return preparePlanExport(ctx, input, audit, now);
  if (input.format !== 'docx') {
    const auditLabel = `${AUDIT_TYPE_LABELS[audit.type]} ${audit.startDate}`;
    const rows = ncListRows(listFindings(ctx, { auditId: audit.id }), {
      client: audit.clientName,
      audit: auditLabel,
      auditType: audit.type,
      reportNumber: issuedReportNumber(ctx, audit.id) ?? 'Not issued',
    });
    return {
      task: {
        kind: input.kind,
        format: input.format,
        model: null,
        table: { header: [...NC_LIST_COLUMNS], rows, sheet: auditLabel },
        signer: null,
      },
      fileName: exportFileName(audit, input.kind, 'Export', 0, input.format),
      issue: null,
    };
  }

  const version = nextVersion(ctx, audit.id, input.kind);
  if (!input.issue) {
    // A draft of an audit already issued carries its number (the cover and sign-off still say draft).
    const reportNumber = issuedReportNumber(ctx, audit.id) ?? 'DRAFT';
    const model = collectReportModel(ctx, audit.id, { reportNumber, version, signOff: null, ...languagesOf(input) });
    return {
      task: {
        kind: input.kind,
        format: 'docx',
        model: withListFacts(ctx, audit.id, input.kind, model),
        table: null,
        signer: null,
        template: templateTaskFor(ctx, input, model, null),
      },
      fileName: exportFileName(audit, input.kind, 'DRAFT', 0, 'docx'),
      issue: null,
    };
  }

  const request = input.issue;
  // The issue gates (shared/rules/gates), enforced here and not only on the Report tab: with gaps open a
  // typed reason is needed, which goes into the audit trail in this transaction, so the report built below
  // prints it. Checked before the key is unlocked (slow on purpose). A failure of the job afterwards leaves the
  // decision in the trail: it was taken, and a retry records it again.
  if (input.kind === 'report') {
    passGates(ctx, audit.id, 'issue', request.overrideReason, request.by.trim() || leadOf(audit).name, [
      'issue',
      'overrideReason',
    ]);
  }
  const { identity, privateKey, certificateDer, body } = unlockLeadSigner(ctx, audit, request, now);
  const reportNumber = reportNumberFor(ctx, audit, body.reportNumberPattern, now);
  const signOff: SignOff = {
    signerName: identity.name,
    signerRole: identity.role,
    signedOn: now.slice(0, 10),
    fingerprint: identity.fingerprint,
  };
  const model = collectReportModel(ctx, audit.id, { reportNumber, version, signOff, ...languagesOf(input) });
  // The certification body's own layout, when one applies: issuing in it records which (report-templates/).
  const template = templateTaskFor(ctx, input, model, request.by || identity.name);
  return {
    task: {
      kind: input.kind,
      format: 'docx',
      model: withListFacts(ctx, audit.id, input.kind, model),
      table: null,
      signer: { certificateDer, privateKey, signingTime: now },
      template,
    },
    fileName: exportFileName(audit, input.kind, reportNumber, version, 'docx'),
    issue: {
      auditId: audit.id,
      kind: input.kind,
      version,
      reportNumber,
      contentHash: contentHash(model),
      issuedAt: now,
      issuedBy: request.by || identity.name,
      signerName: identity.name,
      signerRole: identity.role,
      signerFingerprint: identity.fingerprint,
      signingIdentityId: identity.id,
    },
  };
}

/** The export's language overrides (CLI --lang, --second-lang), passed on only when given. */
export const languagesOf = (input: {
  language?: Language | undefined;
  secondLanguage?: Language | null | undefined;
}) => ({
  language: input.language,
  secondLanguage: input.secondLanguage,
});
