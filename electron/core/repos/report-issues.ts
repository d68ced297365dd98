import { DomainError } from '#shared/api/result';
import type { AuditType } from '#shared/domain/audit';
import type { DocumentCheck, ExportKind, ReportIssue } from '#shared/domain/report';
import { newId } from '../ids';
import { stamp, type RepoContext } from './context';

interface IssueRow {
  id: string;
  audit_id: string;
  kind: ExportKind;
  version: number;
  report_number: string;
  file_name: string;
  sha256: string;
  size: number;
  content_hash: string;
  issued_at: string;
  issued_by: string;
  signer_name: string;
  signer_role: string;
  signer_fingerprint: string;
  warnings: string;
}

const toIssue = (r: IssueRow, current: boolean): ReportIssue => ({
  id: r.id,
  auditId: r.audit_id,
  kind: r.kind,
  version: r.version,
  reportNumber: r.report_number,
  fileName: r.file_name,
  sha256: r.sha256,
  size: r.size,
  issuedAt: r.issued_at,
  issuedBy: r.issued_by,
  signerName: r.signer_name,
  signerRole: r.signer_role,
  signerFingerprint: r.signer_fingerprint,
  warnings: JSON.parse(r.warnings) as string[],
  current,
});

/** Every issued version of the audit's documents, newest first. */
export function listIssues(ctx: RepoContext, auditId: string): ReportIssue[] {
  const rows = ctx.db
    .prepare('SELECT * FROM report_issues WHERE audit_id = ? ORDER BY kind, version DESC')
    .all(auditId) as IssueRow[];
  const newest = new Map<string, number>();
  for (const r of rows) newest.set(r.kind, Math.max(newest.get(r.kind) ?? 0, r.version));
  return rows
    .map((r) => toIssue(r, newest.get(r.kind) === r.version))
    .sort((a, b) => (a.issuedAt < b.issuedAt ? 1 : -1));
}

export function getIssue(ctx: RepoContext, id: string): ReportIssue & { contentHash: string } {
  const row = ctx.db.prepare('SELECT * FROM report_issues WHERE id = ?').get(id) as IssueRow | undefined;
  if (!row) throw new DomainError('not_found', 'That issued report does not exist.');
  const newest = ctx.db
    .prepare('SELECT max(version) AS v FROM report_issues WHERE audit_id = ? AND kind = ?')
    .get(row.audit_id, row.kind) as { v: number };
  return { ...toIssue(row, newest.v === row.version), contentHash: row.content_hash };
}

export function latestIssue(ctx: RepoContext, auditId: string, kind: ExportKind): IssueRow | null {
  return (
    (ctx.db
      .prepare('SELECT * FROM report_issues WHERE audit_id = ? AND kind = ? ORDER BY version DESC LIMIT 1')
      .get(auditId, kind) as IssueRow | undefined) ?? null
  );
}

const TYPE_CODES: Record<AuditType, string> = {
  stage1: 'S1',
  stage2: 'S2',
  surveillance1: 'SA1',
  surveillance2: 'SA2',
  recertification: 'RC',
  special: 'SP',
  gap_analysis: 'GA',
};

/** A short, file-name-safe code for the client: its first word in capitals, at most 10 characters. */
export function clientCode(name: string): string {
  const word = name
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9 ]/g, '')
    .trim()
    .split(/\s+/)[0];
  return (word ?? '').toUpperCase().slice(0, 10) || 'CLIENT';
}

/** The number given at the audit's first issue, or null while nothing was issued. */
export function issuedReportNumber(ctx: RepoContext, auditId: string): string | null {
  const row = ctx.db
    .prepare('SELECT report_number FROM report_issues WHERE audit_id = ? ORDER BY issued_at LIMIT 1')
    .get(auditId) as { report_number: string } | undefined;
  return row?.report_number ?? null;
}

/**
 * The audit's report number: the one given at its first issue (shared by the
 * report and the NC list, kept by later versions), else a new one from the
 * certification body's pattern, {seq} counting audits issued this year.
 */
export function reportNumberFor(
  ctx: RepoContext,
  audit: { id: string; type: AuditType; clientName: string },
  pattern: string,
  issuedAt: string,
): string {
  const existing = issuedReportNumber(ctx, audit.id);
  if (existing !== null) return existing;
  const year = issuedAt.slice(0, 4);
  const { n } = ctx.db
    .prepare('SELECT count(DISTINCT audit_id) AS n FROM report_issues WHERE substr(issued_at, 1, 4) = ?')
    .get(year) as { n: number };
  return pattern
    .replaceAll('{year}', year)
    .replaceAll('{seq}', String(n + 1).padStart(3, '0'))
    .replaceAll('{type}', TYPE_CODES[audit.type])
    .replaceAll('{client}', clientCode(audit.clientName));
}

export function nextVersion(ctx: RepoContext, auditId: string, kind: ExportKind): number {
  return (latestIssue(ctx, auditId, kind)?.version ?? 0) + 1;
}

export interface NewIssue {
  auditId: string;
  kind: ExportKind;
  version: number;
  reportNumber: string;
  fileName: string;
  sha256: string;
  size: number;
  contentHash: string;
  issuedAt: string;
  issuedBy: string;
  signerName: string;
  signerRole: string;
  signerFingerprint: string;
  signingIdentityId: string;
  warnings: string[];
}

export function insertIssue(ctx: RepoContext, issue: NewIssue): string {
  const id = newId();
  const s = stamp(ctx);
  try {
    ctx.db
      .prepare(
        `INSERT INTO report_issues (id, audit_id, kind, version, report_number, file_name, sha256, size, content_hash,
           issued_at, issued_by, signer_name, signer_role, signer_fingerprint, signing_identity_id, warnings,
           created_at, updated_at, device_id)
         VALUES (@id, @auditId, @kind, @version, @reportNumber, @fileName, @sha256, @size, @contentHash,
           @issuedAt, @issuedBy, @signerName, @signerRole, @signerFingerprint, @signingIdentityId, @warnings,
           @now, @now, @device)`,
      )
      .run({ ...issue, id, warnings: JSON.stringify(issue.warnings), now: s.now, device: s.device });
  } catch (e) {
    if ((e as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE') {
      throw new DomainError(
        'conflict',
        `Version ${issue.version} was issued meanwhile by another export; issue again to make the next version.`,
      );
    }
    throw e;
  }
  return id;
}

/** The issued version whose file has this SHA-256, with its audit and client, or null. */
export function issueBySha256(ctx: RepoContext, sha256: string): DocumentCheck['issued'] {
  const row = ctx.db
    .prepare(
      `SELECT r.*, a.type AS audit_type, c.name AS client_name FROM report_issues r
       JOIN audits a ON a.id = r.audit_id JOIN clients c ON c.id = a.client_id
       WHERE r.sha256 = ? ORDER BY r.issued_at LIMIT 1`,
    )
    .get(sha256) as (IssueRow & { audit_type: AuditType; client_name: string }) | undefined;
  if (!row) return null;
  const latest = latestIssue(ctx, row.audit_id, row.kind);
  return {
    issueId: row.id,
    auditId: row.audit_id,
    clientName: row.client_name,
    auditType: row.audit_type,
    kind: row.kind,
    version: row.version,
    reportNumber: row.report_number,
    issuedAt: row.issued_at,
    current: latest?.id === row.id,
  };
}
