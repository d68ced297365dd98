import type { Audit, AuditType } from '#shared/domain/audit';
import type { ChecklistItem } from '#shared/domain/checklist';
import { formatRequirement, requirementLabel } from '#shared/domain/requirement-ref';
import { qualifiedNumber } from '#shared/rules/gates/cycle';
import type { RepoContext } from '#core/repos/context';
import { listEvidence } from '#core/repos/evidence';
import { gateOverrides } from '#core/repos/gate-facts';
import { listInterviews } from '#core/repos/records/interviews';
import { listObservations } from '#core/repos/records/observations';
import { evidenceRef } from './collect-findings';
import type {
  EvidenceSupport,
  ReportEvidenceFile,
  ReportInterview,
  ReportObservation,
  ReportOverride,
  ReportSoaExclusion,
} from './model';

/** "Clause 7.2 Competence" for each linked checklist item, in checklist order. */
function requirementsOf(itemIds: readonly string[], items: ReadonlyMap<string, ChecklistItem>): string[] {
  return itemIds.flatMap((id) => {
    const i = items.get(id);
    return i ? [requirementLabel(i)] : [];
  });
}

/** Interviews (who, where, when, with whom of the team, what) and observations, in the order they took place. */
export function collectRecords(
  ctx: RepoContext,
  audit: Audit,
  siteNames: ReadonlyMap<string, string>,
  items: readonly ChecklistItem[],
): { interviews: ReportInterview[]; observations: ReportObservation[] } {
  const byId = new Map(items.map((i) => [i.id, i]));
  const team = new Map(audit.team.map((m) => [m.id, m.name]));
  const site = (id: string | null) => (id ? (siteNames.get(id) ?? '') : '');
  return {
    interviews: listInterviews(ctx, audit.id).map((i) => ({
      name: i.intervieweeName,
      role: i.intervieweeRole,
      department: i.department,
      site: site(i.siteId),
      heldAt: i.heldAt,
      auditors: i.auditorIds.flatMap((id) => (team.has(id) ? [team.get(id)!] : [])),
      requirements: requirementsOf(i.itemIds, byId),
    })),
    observations: listObservations(ctx, audit.id)
      .map((o) => ({
        site: site(o.siteId),
        location: o.location,
        observedAt: o.observedAt,
        description: o.description,
        requirements: requirementsOf(o.itemIds, byId),
      }))
      .sort((a, b) => (a.observedAt < b.observedAt ? -1 : a.observedAt > b.observedAt ? 1 : 0)),
  };
}

/** The Annex A controls the imported SoA excludes, in checklist order, with the SoA's own justification. */
export const soaExclusions = (items: readonly ChecklistItem[]): ReportSoaExclusion[] =>
  items
    .filter((i) => i.kind === 'control' && i.soa !== null && !i.soa.applicable)
    .map((i) => ({ number: formatRequirement(i), title: i.title, justification: i.soa!.justification.trim() }));

/**
 * Decisions to go ahead with completeness gaps open that belong in the report:
 * recording the recommendation and issuing it. Closing comes after the report
 * is issued, so a report never prints it (and closing does not make the last
 * issued report look changed).
 */
export const reportOverrides = (ctx: RepoContext, auditId: string): ReportOverride[] =>
  gateOverrides(ctx, auditId).filter((o) => o.stage !== 'close');

interface FindingRef {
  number: string | null;
  status: string;
  auditId: string;
  auditType: AuditType;
}

/**
 * Every evidence file of the audit, oldest first, with its full SHA-256 and
 * what it supports in words. A finding of this audit is named by its number,
 * one of an earlier audit (a carried finding verified here) with its audit's
 * prefix ("ST2-NC-01"), so two NC-01 of one cycle cannot be confused.
 */
export function evidenceFiles(ctx: RepoContext, audit: Audit, items: readonly ChecklistItem[]): ReportEvidenceFile[] {
  const files = listEvidence(ctx, audit.id).reverse();
  if (files.length === 0) return [];
  const byItem = new Map(items.map((i) => [i.id, i]));
  const finding = ctx.db.prepare(
    `SELECT f.number, f.status, f.audit_id AS auditId, a.type AS auditType FROM findings f
     JOIN audits a ON a.id = f.audit_id WHERE f.id = ?`,
  );
  const interview = ctx.db.prepare('SELECT interviewee_name AS name FROM interviews WHERE id = ?');
  const observation = ctx.db.prepare(
    `SELECT CASE WHEN location <> '' THEN location ELSE replace(observed_at, 'T', ' ') END AS name
     FROM observations WHERE id = ?`,
  );
  const findingName = (id: string): string | null => {
    const f = finding.get(id) as FindingRef | undefined;
    if (!f) return null;
    if (f.status === 'draft' || !f.number) return null;
    return f.auditId === audit.id ? f.number : qualifiedNumber(f.auditType, f.number);
  };
  const named = (stmt: typeof interview, id: string) => (stmt.get(id) as { name: string } | undefined)?.name;
  return files.map((e) => {
    const supports: EvidenceSupport[] = [];
    let draft = false;
    for (const l of e.links) {
      if (l.type === 'finding' || l.type === 'finding_verification') {
        const n = findingName(l.id);
        if (n === null) draft = true;
        else supports.push({ kind: l.type === 'finding' ? 'finding' : 'verification', name: n });
      } else if (l.type === 'interview' || l.type === 'observation') {
        const name = named(l.type === 'interview' ? interview : observation, l.id);
        if (name !== undefined) supports.push({ kind: l.type, name });
      } else if (l.type === 'checklist_item') {
        const i = byItem.get(l.id);
        if (i) supports.push({ kind: 'item', name: requirementLabel(i) });
      } else supports.push({ kind: 'library', name: '' });
    }
    // A draft is not in the report: said once, not by a number it does not have yet.
    if (draft) supports.push({ kind: 'draft', name: '' });
    return { name: e.originalName, sha256: e.sha256, ref: evidenceRef(e.sha256), size: e.size, supports };
  });
}
