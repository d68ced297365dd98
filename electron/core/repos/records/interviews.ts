import type { OpParsed } from '#shared/api/contract';
import type { Interview } from '#shared/domain/records';
import { requireAudit, requireEditableAudit } from '../checklist';
import { stamp, type RepoContext } from '../context';
import { requireNotCitedByIssued } from '../findings/checks';
import { attachmentCounts, linksOf, replaceLinks, requireLinksOfAudit, type LinkTable } from './links';
import { insertRecord, patchRecord, recordRow, recordRows, type Columns, type RecordRowBase } from './rows';

type InterviewData = OpParsed<'interviews.create'>['interview'];
type InterviewPatch = OpParsed<'interviews.update'>['patch'];

interface InterviewRow extends RecordRowBase {
  interviewee_name: string;
  interviewee_role: string;
  department: string;
  site_id: string | null;
  held_at: string;
  notes: string;
}

const ITEMS: LinkTable = { table: 'interview_items', owner: 'interview_id', target: 'item_id' };
const AUDITORS: LinkTable = { table: 'interview_auditors', owner: 'interview_id', target: 'member_id' };

const columns = (d: InterviewPatch): Columns => ({
  interviewee_name: d.intervieweeName,
  interviewee_role: d.intervieweeRole,
  department: d.department,
  site_id: d.siteId,
  held_at: d.heldAt,
  notes: d.notes,
});

/** An audit's interviews, in the order they were held. */
export function listInterviews(ctx: RepoContext, auditId: string): Interview[] {
  requireAudit(ctx, auditId);
  const scope = { auditId };
  const items = linksOf(ctx, ITEMS, scope);
  const auditors = linksOf(ctx, AUDITORS, scope);
  const counts = attachmentCounts(ctx, 'interview', scope);
  return recordRows<InterviewRow>(ctx, 'interviews', auditId, 'held_at, id').map((row) =>
    toInterview(row, items.get(row.id), auditors.get(row.id), counts.get(row.id)),
  );
}

export function getInterview(ctx: RepoContext, id: string): Interview {
  const row = recordRow<InterviewRow>(ctx, 'interviews', id, 'interview');
  const scope = { ownerId: id };
  return toInterview(
    row,
    linksOf(ctx, ITEMS, scope).get(id),
    linksOf(ctx, AUDITORS, scope).get(id),
    attachmentCounts(ctx, 'interview', scope).get(id),
  );
}

export function createInterview(ctx: RepoContext, auditId: string, data: InterviewData): Interview {
  requireEditableAudit(ctx, auditId);
  requireLinksOfAudit(ctx, auditId, data, ['interview']);
  const s = stamp(ctx);
  const id = insertRecord(ctx, s, 'interviews', auditId, columns(data));
  replaceLinks(ctx, s, ITEMS, id, data.itemIds);
  replaceLinks(ctx, s, AUDITORS, id, data.auditorIds);
  return getInterview(ctx, id);
}

/** A partial edit (the notes autosave sends only notes); link lists given are replaced whole. */
export function updateInterview(ctx: RepoContext, id: string, patch: InterviewPatch): Interview {
  const row = recordRow<InterviewRow>(ctx, 'interviews', id, 'interview');
  requireEditableAudit(ctx, row.audit_id);
  requireLinksOfAudit(ctx, row.audit_id, patch, ['patch']);
  const s = stamp(ctx);
  const itemsChanged = patch.itemIds ? replaceLinks(ctx, s, ITEMS, id, patch.itemIds) : false;
  const auditorsChanged = patch.auditorIds ? replaceLinks(ctx, s, AUDITORS, id, patch.auditorIds) : false;
  patchRecord(ctx, s, 'interviews', row, columns(patch), itemsChanged || auditorsChanged);
  return getInterview(ctx, id);
}

/** Its links go by cascade, its attachment links by trigger (and attachments linked nowhere else with them). */
export function deleteInterview(ctx: RepoContext, id: string): void {
  const row = recordRow<InterviewRow>(ctx, 'interviews', id, 'interview');
  requireEditableAudit(ctx, row.audit_id);
  requireNotCitedByIssued(ctx, 'interview', id);
  ctx.db.prepare('DELETE FROM interviews WHERE id = ?').run(id);
}

const toInterview = (
  row: InterviewRow,
  itemIds: string[] = [],
  auditorIds: string[] = [],
  attachmentCount = 0,
): Interview => ({
  id: row.id,
  auditId: row.audit_id,
  intervieweeName: row.interviewee_name,
  intervieweeRole: row.interviewee_role,
  department: row.department,
  siteId: row.site_id,
  heldAt: row.held_at,
  auditorIds,
  itemIds,
  notes: row.notes,
  attachmentCount,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});
