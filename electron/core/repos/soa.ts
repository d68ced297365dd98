import { DomainError } from '#shared/api/result';
import type { ItemResult, SoaEntry, SoaPreview } from '#shared/domain/checklist';
import type { SoaControl } from '../soa/preview';
import { requireEditableAudit, soaOf, type ItemRow } from './checklist';
import { stamp, type RepoContext } from './context';

/** The audit's Annex A controls with their current SoA entries, for building a preview. */
export function soaControls(ctx: RepoContext, auditId: string): SoaControl[] {
  requireEditableAudit(ctx, auditId);
  const rows = ctx.db
    .prepare(
      `SELECT ref, number, title, soa_applicable, soa_justification, soa_status FROM checklist_items
       WHERE audit_id = ? AND kind = 'control' ORDER BY position`,
    )
    .all(auditId) as Pick<
    ItemRow,
    'ref' | 'number' | 'title' | 'soa_applicable' | 'soa_justification' | 'soa_status'
  >[];
  if (rows.length === 0) {
    throw new DomainError(
      'invalid_input',
      "This audit's checklist has no Annex A controls, so there is nothing a Statement of Applicability applies to.",
    );
  }
  return rows.map((r) => ({ ref: r.ref, number: r.number, title: r.title, soa: soaOf(r) }));
}

/**
 * An excluded control is not applicable to this audit; when a later SoA
 * brings it back in scope, a "not applicable" that came from the earlier SoA
 * is undone. A result the auditor set on purpose is never overwritten.
 */
function resultAfter(current: ItemResult, before: SoaEntry | null, after: SoaEntry): ItemResult {
  if (!after.applicable) return current === 'not_audited' ? 'not_applicable' : current;
  if (before && !before.applicable && current === 'not_applicable') return 'not_audited';
  return current;
}

/** Writes every change of the preview and records the SoA's version on the audit. */
export function applySoa(ctx: RepoContext, auditId: string, preview: SoaPreview): void {
  const s = stamp(ctx);
  const find = ctx.db.prepare(
    "SELECT id, result FROM checklist_items WHERE audit_id = ? AND ref = ? AND kind = 'control'",
  );
  const update = ctx.db.prepare(
    `UPDATE checklist_items SET soa_applicable = ?, soa_justification = ?, soa_status = ?, result = ?,
       updated_at = ?, device_id = ? WHERE id = ?`,
  );
  for (const change of preview.changes) {
    const item = find.get(auditId, change.ref) as { id: string; result: ItemResult } | undefined;
    if (!item) continue; // the preview is built from these very rows inside the same transaction
    const { after } = change;
    update.run(
      after.applicable ? 1 : 0,
      after.justification,
      after.status,
      resultAfter(item.result, change.before, after),
      s.now,
      s.device,
      item.id,
    );
  }
  ctx.db
    .prepare('UPDATE audits SET soa_version = ?, soa_imported_at = ?, updated_at = ?, device_id = ? WHERE id = ?')
    .run(preview.version, s.now, s.now, s.device, auditId);
}
