import { resolve } from 'node:path';
import type { Evidence } from '#shared/domain/evidence';
import type { Finding, FindingStatus } from '#shared/domain/finding';
import { compareFindingNumbers, SERIES, SERIES_ORDER } from '#shared/rules/findings';
import { getEvidence } from '#core/repos/evidence';
import { findingRow, toFindings } from '#core/repos/findings/rows';
import { carriedFindings } from '#core/repos/programme/carried';
import type { RepoContext } from '#core/repos/context';
import { blobPath } from '#core/evidence/store';
import { folderCipher } from '#core/crypto/file-cipher-folder';
import type { ReportCarried, ReportFinding, ReportPhoto, ReportVerification } from './model';
import { requirementRefLabel } from '#shared/domain/requirement-ref';

/** Pictures sharp can decode; other attachments are listed by name, not embedded (SVG is never rendered). */
const PHOTO_TYPES = new Set(['image/jpeg', 'image/png', 'image/webp', 'image/gif', 'image/tiff', 'image/avif']);

const TYPE_ORDER = { major: 0, minor: 1, ofi: 2, positive: 3 } as const;

/** "E-3f2a9c1b": short enough to quote, long enough to find the file by its digest. */
export const evidenceRef = (sha256: string) => `E-${sha256.slice(0, 8)}`;

const verificationOf = (f: Finding): ReportVerification | null =>
  f.verification
    ? {
        method: f.verification.method,
        notes: f.verification.notes,
        verifiedOn: f.verification.verifiedOn,
        verifiedBy: f.verification.verifiedBy,
      }
    : null;

/** Report order: nonconformities (majors first), then OFIs, then good practice; by number within each. */
export function reportOrder(a: Finding, b: Finding): number {
  return (
    SERIES_ORDER[SERIES[a.type]] - SERIES_ORDER[SERIES[b.type]] ||
    TYPE_ORDER[a.type] - TYPE_ORDER[b.type] ||
    compareFindingNumbers(a.number ?? '', b.number ?? '')
  );
}

/**
 * The issued findings in report order, with their photos numbered in order of
 * first citation: each picture is embedded once, however many findings cite it.
 */
export function collectFindings(
  ctx: RepoContext,
  issued: readonly Finding[],
  siteNames: ReadonlyMap<string, string>,
): { findings: ReportFinding[]; photos: ReportPhoto[] } {
  const photos: ReportPhoto[] = [];
  const cipher = folderCipher(ctx);
  const photoIndex = new Map<string, number>();
  const evidence = new Map<string, Evidence>();
  const load = (id: string) => {
    let e = evidence.get(id);
    if (!e) evidence.set(id, (e = getEvidence(ctx, id)));
    return e;
  };
  // Photos of a site-walk observation the finding cites are its objective evidence too.
  const observationPhotos = ctx.db.prepare(
    `SELECT evidence_id AS id FROM evidence_links WHERE target_type = 'observation' AND target_id = ? ORDER BY rowid`,
  );
  const findings = issued.toSorted(reportOrder).map((f): ReportFinding => {
    const cited: number[] = [];
    const attachments: ReportFinding['attachments'] = [];
    const viaRecords = f.records
      .filter((r) => r.type === 'observation')
      .flatMap((r) => (observationPhotos.all(r.id) as { id: string }[]).map((x) => x.id));
    const ids = [...new Set([...f.evidenceIds, ...viaRecords, ...f.verificationEvidenceIds])];
    for (const id of ids) {
      const e = load(id);
      if (!PHOTO_TYPES.has(e.mediaType)) {
        if (viaRecords.includes(id) && !f.evidenceIds.includes(id)) continue;
        attachments.push({ name: e.originalName, ref: evidenceRef(e.sha256) });
        continue;
      }
      let index = photoIndex.get(e.id);
      if (index === undefined) {
        index = photos.length;
        photoIndex.set(e.id, index);
        photos.push({
          evidenceId: e.id,
          sha256: e.sha256,
          path: resolve(blobPath(ctx.dataDir, e.sha256, cipher)),
          fileKey: cipher?.file.key ?? null,
          caption: e.description.trim() || e.originalName,
          fileName: e.originalName,
          ref: evidenceRef(e.sha256),
          mediaType: e.mediaType,
        });
      }
      cited.push(index);
    }
    const r = f.responses.at(-1);
    return {
      number: f.number ?? '',
      type: f.type,
      status: f.status,
      requirements: f.requirements.map(requirementRefLabel),
      statement: f.statement,
      evidenceText: f.evidenceText,
      records: f.records.map((x) => x.label).filter((l) => l !== ''),
      site: f.siteId ? (siteNames.get(f.siteId) ?? '') : '',
      raisedBy: f.raisedBy,
      raisedAt: f.raisedAt,
      responseDue: f.responseDue,
      photos: cited,
      attachments,
      latestResponse: r
        ? {
            receivedAt: r.receivedAt,
            correction: r.correction,
            rootCause: r.rootCause,
            correctiveAction: r.correctiveAction,
            responsible: r.responsible,
            correctionDue: r.correctionDue,
            actionDue: r.actionDue,
            decision: r.decision,
          }
        : null,
      verification: verificationOf(f),
    };
  });
  return { findings, photos };
}

/** Findings of earlier audits carried into this one, with their status and verification as they are now. */
export function collectCarried(ctx: RepoContext, auditId: string): ReportCarried[] {
  const carried = carriedFindings(ctx, auditId);
  if (carried.length === 0) return [];
  // On a team member's copy a carried finding may be the lead's copy of it, with no finding row here.
  const held = ctx.db.prepare('SELECT 1 FROM findings WHERE id = ?');
  const full = new Map(
    toFindings(
      ctx,
      carried.filter((c) => held.get(c.findingId) !== undefined).map((c) => findingRow(ctx, c.findingId)),
    ).map((f) => [f.id, f]),
  );
  const starts = ctx.db.prepare('SELECT start_date FROM audits WHERE id = ?');
  return carried.map((c) => {
    const f = full.get(c.findingId);
    const start = starts.get(c.fromAuditId) as { start_date: string } | undefined;
    return {
      number: c.number ?? '',
      fromAuditType: c.fromAuditType,
      fromAuditStart: start?.start_date ?? '',
      type: f?.type ?? c.type,
      status: f?.status ?? (c.status as FindingStatus),
      statement: f?.statement ?? c.statement,
      verification: f ? verificationOf(f) : null,
    };
  });
}
