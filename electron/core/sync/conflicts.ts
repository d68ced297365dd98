import type { OpParsed } from '#shared/api/contract';
import { DomainError } from '#shared/api/result';
import type { ConflictView } from '#shared/domain/team';
import {
  canonical,
  resolveConflict as decide,
  rowKey,
  type Candidate,
  type JsonValue,
  type RowHistory,
} from '#shared/rules/merge/index';
import type { RepoContext } from '../repos/context';
import { loadState, persistMerge } from './merge-rows';
import { LOGGED, UNDECIDED_FIELDS } from './tables';

/**
 * Open conflicts of a team audit, found in SQL from the live flags (a field
 * with live entries of different values, or a live tombstone next to live
 * entries), paged; each one's candidates are derived from its row's history
 * by the merge rules. Deciding one is an ordinary local write: new entries
 * that replace every candidate, so later merges carry the decision.
 */
function scopesOf(ctx: RepoContext, auditId: string): { audit: string; client: string } {
  const client = ctx.db.prepare('SELECT client_id FROM audits WHERE id = ?').pluck().get(auditId) as string | undefined;
  if (!client) throw new DomainError('not_found', 'This audit does not exist (it may have been deleted).');
  return { audit: auditId, client };
}

// Fields with one live entry (nearly all) are set aside reading the index alone; values are compared only for the
// rest, so the count costs a scan of the audit's index entries, not of its whole history (team.status asks for it).
const OPEN = `
  SELECT k.table_name, k.row_id, k.field FROM (
    SELECT table_name, row_id, field FROM change_log INDEXED BY change_log_live
    WHERE scope IN (@audit, @client) AND live = 1 AND field NOT IN (${[...UNDECIDED_FIELDS].map((f) => `'${f}'`).join(', ')})
    GROUP BY table_name, row_id, field HAVING count(*) > 1) k
  WHERE (SELECT count(DISTINCT c.value) FROM change_log c INDEXED BY change_log_live
    WHERE c.scope IN (@audit, @client) AND c.table_name = k.table_name AND c.row_id = k.row_id AND c.field = k.field
      AND c.live = 1) > 1
  UNION
  SELECT t.table_name, t.row_id, NULL FROM tombstones t WHERE t.scope IN (@audit, @client) AND t.live = 1
    AND EXISTS (SELECT 1 FROM change_log c WHERE c.table_name = t.table_name AND c.row_id = t.row_id AND c.live = 1)`;

export function countConflicts(ctx: RepoContext, auditId: string): number {
  const s = scopesOf(ctx, auditId);
  return ctx.db.prepare(`SELECT count(*) FROM (${OPEN})`).pluck().get(s) as number;
}

const wallIso = (clock: string) => new Date(Number(clock.slice(0, 13))).toISOString();

/** The newest value each field ever had: what names the record, even when it is deleted. */
function latest(row: RowHistory): Record<string, JsonValue> {
  const out: Record<string, JsonValue> = {};
  for (const [field, byClock] of Object.entries(row.fields)) {
    const clocks = Object.keys(byClock).sort();
    out[field] = byClock[clocks.at(-1)!]!.value;
  }
  return out;
}

const text = (v: JsonValue | undefined): string =>
  typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : '';
const start = (v: JsonValue | undefined, n = 60): string => {
  const s = text(v).replace(/\s+/g, ' ').trim();
  return s.length > n ? `${s.slice(0, n - 1)}…` : s;
};

/** The record in words, as the Team tab shows it. */
export function recordLabel(table: string, f: Record<string, JsonValue>): string {
  switch (table) {
    case 'checklist_items':
      return `${text(f.ref)} ${text(f.title)}`.trim() || 'Checklist item';
    case 'checklist_samples':
      return `Sample ${start(f.identifier)}`.trim();
    case 'interviews':
      return `Interview with ${text(f.interviewee_name) || 'someone'}`;
    case 'observations':
      return `Observation: ${start(f.description)}`;
    case 'documents_reviewed':
      return `Document reviewed: ${start(f.title)}`;
    case 'evidence':
      return `Evidence file ${text(f.original_name)}`.trim();
    case 'findings':
      return `${f.number != null ? `Finding ${text(f.number)}` : 'Draft finding'}: ${start(f.statement)}`;
    case 'finding_responses':
      return 'Response to a finding';
    case 'audit_team':
      return `Team member ${text(f.name)}`.trim();
    case 'audits':
      return 'The audit';
    case 'audit_reports':
      return 'Report details';
    case 'clients':
      return `Client ${text(f.name)}`.trim();
    case 'client_contacts':
      return `Contact ${text(f.name)}`.trim();
    case 'client_sites':
      return `Site ${text(f.name)}`.trim();
    default:
      return 'A link between records';
  }
}

const candidateView = (c: Candidate): ConflictView['candidates'][number] => ({
  deleted: 'deleted' in c,
  value: 'deleted' in c ? null : c.value,
  clock: c.clock,
  at: wallIso(c.clock),
  device: c.device,
  author: c.author,
});

export function listConflicts(
  ctx: RepoContext,
  auditId: string,
  page: { offset: number; limit: number },
): { total: number; items: ConflictView[] } {
  const s = scopesOf(ctx, auditId);
  const total = ctx.db.prepare(`SELECT count(*) FROM (${OPEN})`).pluck().get(s) as number;
  const keys = ctx.db
    .prepare(`${OPEN} ORDER BY 1, 2, 3 LIMIT @limit OFFSET @offset`)
    .all({ ...s, limit: page.limit, offset: page.offset }) as {
    table_name: string;
    row_id: string;
    field: string | null;
  }[];
  const items = keys.flatMap((k) => {
    const state = loadState(ctx.db, ctx.deviceId, [{ table: k.table_name, rowId: k.row_id }]);
    const key = rowKey(k.table_name, k.row_id);
    const conflict = state.view[key]?.conflicts.find((c) => c.field === k.field);
    if (!conflict) return [];
    return [
      {
        table: k.table_name,
        rowId: k.row_id,
        field: k.field,
        kind: LOGGED.get(k.table_name)!.kind,
        label: recordLabel(k.table_name, latest(state.history[key]!)),
        candidates: conflict.candidates.map(candidateView),
      },
    ];
  });
  return { total, items };
}

/** The lead's decision, inside the caller's write transaction (its clock is this decision's). */
export function resolveTeamConflict(ctx: RepoContext, input: OpParsed<'conflicts.resolve'>): { remaining: number } {
  const { audit: auditId, client } = scopesOf(ctx, input.auditId);
  const ref = { table: input.table, rowId: input.rowId };
  const scope = ctx.db
    .prepare('SELECT scope FROM change_log WHERE table_name = ? AND row_id = ? AND scope IS NOT NULL LIMIT 1')
    .pluck()
    .get(ref.table, ref.rowId) as string | undefined;
  const gone = () => new DomainError('not_found', 'There is no such open conflict: it may have been resolved already.');
  if (!LOGGED.has(ref.table) || (scope !== auditId && scope !== client)) throw gone();
  if ((input.field === null) !== (input.choice.kind !== 'value')) {
    throw new DomainError(
      'invalid_input',
      input.field === null
        ? 'A deleted record can only be kept or deleted.'
        : 'Choose a value (one of the candidates or a combined text) for this field.',
    );
  }
  const { clock, device_id: device } = ctx.db.prepare('SELECT clock, device_id FROM write_context').get() as {
    clock: string;
    device_id: string;
  };
  const before = loadState(ctx.db, device, [ref]);
  const conflict = before.view[rowKey(ref.table, ref.rowId)]?.conflicts.find((c) => c.field === input.field);
  if (!conflict) throw gone();
  const chosen: JsonValue = input.choice.kind === 'value' ? input.choice.value : input.choice.kind;
  if (input.choice.kind === 'value') {
    // One of the values in conflict, or a combined text where they are texts.
    const values = conflict.candidates.flatMap((c) => ('deleted' in c ? [] : [c.value]));
    const isCandidate = values.some((v) => canonical(v) === canonical(chosen));
    if (!isCandidate && !(typeof chosen === 'string' && values.every((v) => typeof v === 'string'))) {
      throw new DomainError(
        'invalid_input',
        'Choose one of the values in conflict (a combined text is possible only where both values are texts).',
      );
    }
  }
  const after = decide(before, { table: ref.table, rowId: ref.rowId, field: input.field }, chosen, clock, input.by);
  persistMerge(ctx.db, before, after, [ref], () => new Set([auditId, client]), auditId);
  ctx.db
    .prepare(
      `INSERT INTO conflict_resolutions (audit_id, table_name, row_id, field, clock, resolved_by, resolved_at)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(auditId, ref.table, ref.rowId, input.field, clock, input.by, ctx.now());
  return { remaining: countConflicts(ctx, auditId) };
}
