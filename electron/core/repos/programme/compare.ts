import type { AuditType } from '#shared/domain/audit';
import type { ItemResult } from '#shared/domain/checklist';
import type { Comparison } from '#shared/domain/programme';
import { DomainError } from '#shared/api/result';
import type { RepoContext } from '../context';

interface Head {
  id: string;
  client_id: string;
  type: AuditType;
  start_date: string;
  created_at: string;
  previous_audit_id: string | null;
  template_id: string;
}
interface Side {
  items: { ref: string; number: string; title: string; result: ItemResult }[];
  findings: Map<string, string[]>;
}

/**
 * The audit to compare with: the one this was created from, else the latest earlier audit of the client — in
 * both cases only one on the same checklist template. Another checklist (a Stage 1 before a Stage 2) shares no
 * requirement rows, so comparing with it listed every row as "Not in this audit".
 */
function previousAudit(ctx: RepoContext, audit: Head): Head | null {
  const get = ctx.db.prepare('SELECT * FROM audits WHERE id = ?');
  if (audit.previous_audit_id) {
    const from = get.get(audit.previous_audit_id) as Head | undefined;
    if (from && from.template_id === audit.template_id) return from;
  }
  return (
    (ctx.db
      .prepare(
        `SELECT * FROM audits WHERE client_id = @client AND id <> @id AND template_id = @template
           AND (start_date < @start OR (start_date = @start AND created_at < @created))
         ORDER BY start_date DESC, created_at DESC LIMIT 1`,
      )
      .get({
        client: audit.client_id,
        id: audit.id,
        template: audit.template_id,
        start: audit.start_date,
        created: audit.created_at,
      }) as Head | undefined) ?? null
  );
}

function side(ctx: RepoContext, auditId: string): Side {
  const items = ctx.db
    .prepare('SELECT ref, number, title, result FROM checklist_items WHERE audit_id = ? ORDER BY position')
    .all(auditId) as Side['items'];
  const rows = ctx.db
    .prepare(
      `SELECT ci.ref, f.number FROM finding_items fi
       JOIN findings f ON f.id = fi.finding_id JOIN checklist_items ci ON ci.id = fi.item_id
       WHERE f.audit_id = ? AND f.number IS NOT NULL ORDER BY f.number`,
    )
    .all(auditId) as { ref: string; number: string }[];
  const findings = new Map<string, string[]>();
  for (const r of rows) findings.set(r.ref, [...(findings.get(r.ref) ?? []), r.number]);
  return { items, findings };
}

/**
 * Refs of both audits in one order: the previous audit's order, with refs only
 * the current audit has placed right after the ref that precedes them there.
 */
function mergeOrder(previous: readonly string[], current: readonly string[]): string[] {
  const order = [...previous];
  const seen = new Set(previous);
  let after = -1;
  for (const ref of current) {
    if (seen.has(ref)) {
      after = order.indexOf(ref);
      continue;
    }
    order.splice(after + 1, 0, ref);
    seen.add(ref);
    after += 1;
  }
  return order;
}

const audited = (r: ItemResult | null): r is ItemResult => r !== null && r !== 'not_audited';

export function compareWithPrevious(ctx: RepoContext, auditId: string): Comparison {
  const audit = ctx.db.prepare('SELECT * FROM audits WHERE id = ?').get(auditId) as Head | undefined;
  if (!audit) throw new DomainError('not_found', 'This audit does not exist (it may have been deleted).');
  const prev = previousAudit(ctx, audit);
  const cur = side(ctx, audit.id);
  const old: Side = prev ? side(ctx, prev.id) : { items: [], findings: new Map() };
  const curBy = new Map(cur.items.map((i) => [i.ref, i]));
  const oldBy = new Map(old.items.map((i) => [i.ref, i]));
  const refs = mergeOrder(
    old.items.map((i) => i.ref),
    cur.items.map((i) => i.ref),
  );
  return {
    auditId,
    previousAuditId: prev?.id ?? null,
    previousAuditType: prev?.type ?? null,
    rows: refs.map((ref) => {
      const c = curBy.get(ref);
      const p = oldBy.get(ref);
      const previous = p?.result ?? null;
      const current = c?.result ?? null;
      return {
        ref,
        number: (c ?? p)!.number,
        title: (c ?? p)!.title,
        previous,
        current,
        previousFindings: old.findings.get(ref) ?? [],
        currentFindings: cur.findings.get(ref) ?? [],
        // Only a real difference between two audited results counts, not "not yet audited" or "not sampled".
        changed: audited(previous) && audited(current) && previous !== current,
      };
    }),
  };
}
