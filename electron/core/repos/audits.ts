import type { OpParsed } from '#shared/api/contract';
import { DomainError } from '#shared/api/result';
import type { Audit, AuditStatus, AuditSummary } from '#shared/domain/audit';
import { AUDIT_STATUS_LABELS } from '#shared/domain/audit';
import { canDeleteAudit, canEditAudit, canTransition } from '#shared/rules/audit-status';
import { newId } from '../ids';
import { syncChildren } from './children';
import { chooseChecklist, insertChecklistItems } from './checklist-instantiate';
import { defaultReportLanguage } from './branding';
import { stamp, type RepoContext, type Stamp } from './context';
import { requireNoIssuedFindings } from './findings/checks';
import { auditFilters, SUMMARY_COLUMNS, toSummary, type SummaryRow } from './audits-page';

type AuditData = OpParsed<'audits.create'>;
type ListQuery = OpParsed<'audits.list'>;

interface AuditRow {
  id: string;
  client_id: string;
  client_name: string;
  standard: Audit['standard'];
  type: Audit['type'];
  scope: string;
  start_date: string;
  end_date: string;
  mode: Audit['mode'];
  objectives: string;
  criteria: string;
  status: AuditStatus;
  template_id: string;
  template_version: string;
  soa_version: string | null;
  report_language: Audit['reportLanguage'];
  report_second_language: Audit['reportSecondLanguage'];
  created_at: string;
  updated_at: string;
  device_id: string;
}

export function listAudits(ctx: RepoContext, q: ListQuery): AuditSummary[] {
  const { where, params } = auditFilters(q);
  const order = q.sort === 'start_asc' ? 'a.start_date ASC, a.id ASC' : 'a.start_date DESC, a.id DESC';
  const rows = ctx.db
    .prepare(
      `SELECT ${SUMMARY_COLUMNS}
       FROM audits a JOIN clients c ON c.id = a.client_id
       ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY ${order}`,
    )
    .all(params) as SummaryRow[];
  return rows.map(toSummary);
}

export function getAudit(ctx: RepoContext, id: string): Audit {
  const row = ctx.db
    .prepare('SELECT a.*, c.name AS client_name FROM audits a JOIN clients c ON c.id = a.client_id WHERE a.id = ?')
    .get(id) as AuditRow | undefined;
  if (!row) throw new DomainError('not_found', { key: 'errors:audits.notFound' });
  const team = ctx.db
    .prepare('SELECT id, name, email, role FROM audit_team WHERE audit_id = ? ORDER BY position')
    .all(id) as Audit['team'];
  const siteIds = (
    ctx.db
      .prepare(
        `SELECT x.site_id FROM audit_sites x JOIN client_sites s ON s.id = x.site_id
         WHERE x.audit_id = ? ORDER BY s.position`,
      )
      .all(id) as { site_id: string }[]
  ).map((r) => r.site_id);
  return {
    id: row.id,
    clientId: row.client_id,
    clientName: row.client_name,
    standard: row.standard,
    type: row.type,
    scope: row.scope,
    siteIds,
    startDate: row.start_date,
    endDate: row.end_date,
    mode: row.mode,
    team,
    objectives: row.objectives,
    criteria: row.criteria,
    status: row.status,
    templateId: row.template_id,
    templateVersion: row.template_version,
    soaVersion: row.soa_version,
    reportLanguage: row.report_language,
    reportSecondLanguage: row.report_second_language,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    deviceId: row.device_id,
  };
}

/** Creates the audit with its checklist, copied from the chosen template (see checklist-instantiate.ts). */
export function createAudit(ctx: RepoContext, data: AuditData): Audit {
  requireClient(ctx, data.clientId);
  const checklist = chooseChecklist(ctx, data);
  const s = stamp(ctx);
  const id = newId();
  ctx.db
    .prepare(
      `INSERT INTO audits (id, client_id, standard, type, scope, start_date, end_date, mode, objectives, criteria, status,
                           template_id, template_version, report_language, report_second_language,
                           created_at, updated_at, device_id)
       VALUES (@id, @clientId, @standard, @type, @scope, @startDate, @endDate, @mode, @objectives, @criteria, 'planned',
               @templateId, @templateVersion, @reportLanguage, @reportSecondLanguage, @now, @now, @device)`,
    )
    .run({
      ...fields(data),
      // Left out: the certification body's report language, the one most of its clients read.
      ...reportLanguages({ reportLanguage: defaultReportLanguage(ctx), reportSecondLanguage: null }, data),
      id,
      templateId: checklist.template.id,
      templateVersion: checklist.template.version,
      now: s.now,
      device: s.device,
    });
  writeChildren(ctx, s, id, data);
  insertChecklistItems(ctx, s, id, checklist);
  return getAudit(ctx, id);
}

export function updateAudit(ctx: RepoContext, id: string, data: AuditData): Audit {
  const current = getAudit(ctx, id);
  if (!canEditAudit(current.status)) {
    throw new DomainError('conflict', { key: 'errors:audits.closedReadOnly' });
  }
  if (data.clientId !== current.clientId) {
    throw new DomainError('invalid_input', { key: 'errors:audits.otherClient' }, [
      { path: ['clientId'], message: 'An audit cannot be moved to another client' },
    ]);
  }
  const s = stamp(ctx);
  ctx.db
    .prepare(
      `UPDATE audits SET standard = @standard, type = @type, scope = @scope, start_date = @startDate,
         end_date = @endDate, mode = @mode, objectives = @objectives, criteria = @criteria,
         report_language = @reportLanguage, report_second_language = @reportSecondLanguage,
         updated_at = @now, device_id = @device
       WHERE id = @id`,
    )
    .run({ ...fields(data), ...reportLanguages(current, data), id, now: s.now, device: s.device });
  writeChildren(ctx, s, id, data);
  return getAudit(ctx, id);
}

export function setAuditStatus(ctx: RepoContext, id: string, status: AuditStatus): Audit {
  const current = getAudit(ctx, id);
  if (!canTransition(current.status, status)) {
    // To do (issue 17): the statuses are lower-cased English labels inside the sentence; keyed once labels can be.
    throw new DomainError(
      'conflict',
      // eslint-disable-next-line no-restricted-syntax
      `An audit that is ${AUDIT_STATUS_LABELS[current.status].toLowerCase()} cannot move to ${AUDIT_STATUS_LABELS[status].toLowerCase()}.`,
    );
  }
  const s = stamp(ctx);
  ctx.db
    .prepare('UPDATE audits SET status = ?, updated_at = ?, device_id = ? WHERE id = ?')
    .run(status, s.now, s.device, id);
  return getAudit(ctx, id);
}

export function deleteAudit(ctx: RepoContext, id: string): void {
  const current = getAudit(ctx, id);
  if (!canDeleteAudit(current.status)) {
    throw new DomainError('conflict', { key: 'errors:audits.deletePlannedOnly' });
  }
  requireNoIssuedFindings(ctx, id);
  ctx.db.prepare('DELETE FROM audits WHERE id = ?').run(id);
  // A deleted audit's words must not stay in the file: its change log and tombstones go with it (a team
  // audit's log outlives the deletion of single records, not of the audit).
  ctx.db.prepare('DELETE FROM change_log WHERE scope = ?').run(id);
  ctx.db.prepare('DELETE FROM tombstones WHERE scope = ?').run(id);
}

function fields(d: AuditData) {
  return {
    clientId: d.clientId,
    standard: d.standard,
    type: d.type,
    scope: d.scope,
    startDate: d.startDate,
    endDate: d.endDate,
    mode: d.mode,
    objectives: d.objectives,
    criteria: d.criteria,
  };
}

/**
 * The report languages after a create or an update: a field left out keeps `current`'s setting (the audit's, or
 * for a new audit the certification body's; older callers send neither).
 */
function reportLanguages(current: Pick<Audit, 'reportLanguage' | 'reportSecondLanguage'>, d: AuditData) {
  const reportLanguage = d.reportLanguage ?? current.reportLanguage;
  const second = d.reportSecondLanguage === undefined ? current.reportSecondLanguage : d.reportSecondLanguage;
  if (second === reportLanguage) {
    throw new DomainError('invalid_input', { key: 'errors:audits.sameReportLanguages' }, [
      { path: ['reportSecondLanguage'], message: 'The second report language must differ from the first' },
    ]);
  }
  return { reportLanguage, reportSecondLanguage: second };
}

function requireClient(ctx: RepoContext, clientId: string): void {
  if (!ctx.db.prepare('SELECT 1 FROM clients WHERE id = ?').get(clientId)) {
    throw new DomainError('not_found', { key: 'errors:audits.clientMissing' }, [
      { path: ['clientId'], message: 'Choose an existing client' },
    ]);
  }
}

function writeChildren(ctx: RepoContext, s: Stamp, auditId: string, data: AuditData): void {
  const siteIds = [...new Set(data.siteIds)];
  const known = ctx.db.prepare('SELECT 1 FROM client_sites WHERE id = ? AND client_id = ?');
  siteIds.forEach((siteId, i) => {
    if (!known.get(siteId, data.clientId)) {
      throw new DomainError('invalid_input', { key: 'errors:audits.siteNotClients' }, [
        { path: ['siteIds', i], message: 'This site does not belong to the chosen client' },
      ]);
    }
  });
  ctx.db.prepare('DELETE FROM audit_sites WHERE audit_id = ?').run(auditId);
  const addSite = ctx.db.prepare(
    'INSERT INTO audit_sites (audit_id, site_id, created_at, updated_at, device_id) VALUES (?, ?, ?, ?, ?)',
  );
  for (const siteId of siteIds) addSite.run(auditId, siteId, s.now, s.now, s.device);
  // The one-lead unique index is checked per statement: hand the lead role over
  // by clearing it first, so swapping leads within one edit does not collide.
  const lead = data.team.find((m) => m.role === 'lead_auditor');
  ctx.db
    .prepare(
      `UPDATE audit_team SET role = 'auditor', updated_at = ?, device_id = ?
       WHERE audit_id = ? AND role = 'lead_auditor' AND id IS NOT ?`,
    )
    .run(s.now, s.device, auditId, lead?.id ?? null);
  syncChildren(
    ctx,
    s,
    { table: 'audit_team', parentColumn: 'audit_id', parentId: auditId, columns: ['name', 'email', 'role'] },
    data.team,
  );
}
