import type { TFunction } from 'i18next';
import { AUDIT_TYPES, type AuditType } from '#shared/domain/audit';
import { FINDING_STATUSES, FINDING_TYPES, type FindingListRow } from '#shared/domain/finding';
import { qualifiedNumber } from '#shared/rules/gates/cycle';
import { excerpt, findingName, STATUS_COLORS, TYPE_COLORS } from '../../components/findings/labels';
import { CellBadge, CellLink, Dimmed, Inline, Late, type CellTone } from '../../components/windowed/cells';
import type { Column } from '../../components/windowed/WindowedTable';
import { formatDay } from '../../lib/format';
import { href } from '../../lib/router';

/**
 * Findings of every audit meet here, and each audit numbers its own from NC-01: the audit's prefix
 * ("ST2-NC-01", "SV1-NC-01") keeps two of one client's cycle apart. A draft has no number yet.
 */
const registerNumber = (f: FindingListRow): string =>
  qualifiedNumber(f.auditType as AuditType, f.number) || findingName(f);

export const findingPath = (f: FindingListRow) =>
  `/audits/${encodeURIComponent(f.auditId)}/findings?open=${encodeURIComponent(f.id)}`;

/** Each label looked up once per language, not once per cell: a first paint draws a screenful of rows. */
const labelsOf = (t: TFunction<'findings'>) => ({
  auditType: Object.fromEntries(AUDIT_TYPES.map((v) => [v, t(`labels:auditType.${v}`)])) as Record<string, string>,
  type: Object.fromEntries(FINDING_TYPES.map((v) => [v, t(`typeShort.${v}`)])) as Record<string, string>,
  status: Object.fromEntries(FINDING_STATUSES.map((s) => [s, t(`labels:findingStatus.${s}`)])) as Record<
    string,
    string
  >,
  overdue: t('overdue'),
  newStage2: t('newStage2'),
});

/**
 * The register's columns: one line each, so every row has the same height (the table is windowed). Plain cells
 * (components/windowed/cells) that look like the findings screens' badges (components/findings/labels).
 */
export function registerColumns(t: TFunction<'findings'>): Column<FindingListRow>[] {
  const labels = labelsOf(t);
  return [
    {
      header: t('register.number'),
      width: 120,
      cell: (f) => <CellLink href={href(findingPath(f))}>{registerNumber(f)}</CellLink>,
    },
    { header: t('register.client'), width: 160, cell: (f) => f.clientName },
    {
      header: t('register.audit'),
      width: 175,
      cell: (f) => `${labels.auditType[f.auditType] ?? f.auditType} · ${formatDay(f.auditStartDate)}`,
    },
    // Wide enough for the longest badge whole ("GOOD PRACTICE"); cells cut with an ellipsis, badges must not be.
    {
      header: t('register.type'),
      width: 150,
      cell: (f) => (
        <CellBadge tone={TYPE_COLORS[f.type] as CellTone} look="light" data-finding-type={f.type}>
          {labels.type[f.type]}
        </CellBadge>
      ),
    },
    { header: t('register.requirements'), width: 130, cell: (f) => f.requirements.join(', ') || '—' },
    { header: t('register.statement'), cell: (f) => excerpt(f.statement, 70) },
    {
      header: t('register.status'),
      width: 175,
      cell: (f) => (
        <CellBadge tone={STATUS_COLORS[f.status] as CellTone} look="outline" asWritten data-finding-status={f.status}>
          {labels.status[f.status]}
        </CellBadge>
      ),
    },
    {
      header: t('register.responseDue'),
      width: 230,
      // The response due date; red with an "Overdue" badge when late, and the new-Stage-2 flag for old majors.
      cell: (f) => (
        <Inline>
          {!f.responseDue ? (
            <Dimmed>—</Dimmed>
          ) : f.overdue ? (
            <Late>{formatDay(f.responseDue)}</Late>
          ) : (
            formatDay(f.responseDue)
          )}
          {f.overdue && (
            <CellBadge tone="red" look="filled" size="sm" data-overdue>
              {labels.overdue}
            </CellBadge>
          )}
          {f.needsNewStage2 && (
            <CellBadge tone="red" look="outline" size="sm" asWritten>
              {labels.newStage2}
            </CellBadge>
          )}
        </Inline>
      ),
    },
  ];
}
