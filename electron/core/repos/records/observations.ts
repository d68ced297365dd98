import type { OpParsed } from '#shared/api/contract';
import type { Observation } from '#shared/domain/records';
import { requireAudit, requireEditableAudit } from '../checklist';
import { stamp, type RepoContext } from '../context';
import { requireNotCitedByIssued } from '../findings/checks';
import { attachmentCounts, linksOf, replaceLinks, requireLinksOfAudit, type LinkTable } from './links';
import { insertRecord, patchRecord, recordRow, recordRows, type Columns, type RecordRowBase } from './rows';

type ObservationData = OpParsed<'observations.create'>['observation'];
type ObservationPatch = OpParsed<'observations.update'>['patch'];

interface ObservationRow extends RecordRowBase {
  site_id: string | null;
  location: string;
  observed_at: string;
  description: string;
}

const ITEMS: LinkTable = { table: 'observation_items', owner: 'observation_id', target: 'item_id' };

const columns = (d: ObservationPatch): Columns => ({
  site_id: d.siteId,
  location: d.location,
  observed_at: d.observedAt,
  description: d.description,
});

/** An audit's observations, in the order they were made. */
export function listObservations(ctx: RepoContext, auditId: string): Observation[] {
  requireAudit(ctx, auditId);
  const scope = { auditId };
  const items = linksOf(ctx, ITEMS, scope);
  const counts = attachmentCounts(ctx, 'observation', scope);
  return recordRows<ObservationRow>(ctx, 'observations', auditId, 'observed_at, id').map((row) =>
    toObservation(row, items.get(row.id), counts.get(row.id)),
  );
}

export function getObservation(ctx: RepoContext, id: string): Observation {
  const row = recordRow<ObservationRow>(ctx, 'observations', id, 'observation');
  const scope = { ownerId: id };
  return toObservation(row, linksOf(ctx, ITEMS, scope).get(id), attachmentCounts(ctx, 'observation', scope).get(id));
}

export function createObservation(ctx: RepoContext, auditId: string, data: ObservationData): Observation {
  requireEditableAudit(ctx, auditId);
  requireLinksOfAudit(ctx, auditId, data, ['observation']);
  const s = stamp(ctx);
  const id = insertRecord(ctx, s, 'observations', auditId, columns(data));
  replaceLinks(ctx, s, ITEMS, id, data.itemIds);
  return getObservation(ctx, id);
}

/** A partial edit; a linked-requirements list, when given, replaces the old one. */
export function updateObservation(ctx: RepoContext, id: string, patch: ObservationPatch): Observation {
  const row = recordRow<ObservationRow>(ctx, 'observations', id, 'observation');
  requireEditableAudit(ctx, row.audit_id);
  requireLinksOfAudit(ctx, row.audit_id, patch, ['patch']);
  const s = stamp(ctx);
  const itemsChanged = patch.itemIds ? replaceLinks(ctx, s, ITEMS, id, patch.itemIds) : false;
  patchRecord(ctx, s, 'observations', row, columns(patch), itemsChanged);
  return getObservation(ctx, id);
}

export function deleteObservation(ctx: RepoContext, id: string): void {
  const row = recordRow<ObservationRow>(ctx, 'observations', id, 'observation');
  requireEditableAudit(ctx, row.audit_id);
  requireNotCitedByIssued(ctx, 'observation', id);
  ctx.db.prepare('DELETE FROM observations WHERE id = ?').run(id);
}

const toObservation = (row: ObservationRow, itemIds: string[] = [], attachmentCount = 0): Observation => ({
  id: row.id,
  auditId: row.audit_id,
  siteId: row.site_id,
  location: row.location,
  observedAt: row.observed_at,
  description: row.description,
  itemIds,
  attachmentCount,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});
