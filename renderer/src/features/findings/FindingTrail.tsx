import { Table, Text, Title } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { TrailEntry } from '#shared/domain/finding';
import { useOp } from '../../api/ops';
import { i18n } from '../../i18n/instance';
import { LoadError } from '../../components/LoadState';
import { formatTimestamp } from '../../lib/format';
import { codedLabel } from '../../lib/codedValues';
import { itemShort, type AuditRefs } from '../../lib/useAuditRefs';

/** A field the catalogue does not name yet (a newer version's) shows as its column name, readable. */
const fallbackLabel = (field: string) => {
  const label = field.replace(/_/g, ' ');
  return label.charAt(0).toUpperCase() + label.slice(1);
};

/**
 * Values as a person reads them: requirement numbers, not ids; a response's parts, not JSON; a status in words,
 * not its code (a code the catalogue does not know — a newer version's — shows as stored).
 */
function show(entry: TrailEntry, value: string | null, refs: AuditRefs, t: TFunction): string {
  if (value === null || value === '') return '—';
  const coded = codedLabel('findings', entry.field, value);
  if (coded !== null) return coded;
  if (entry.field === 'response decision') {
    // The trigger writes the decision, then ': ' and the comment when there is one.
    const [decision, ...comment] = value.split(': ');
    const key = `findings:trail.decisions.${decision}`;
    if (!i18n.exists(key)) return value;
    return [t(key), ...comment].join(': ');
  }
  if (entry.field === 'requirement') {
    const item = refs.itemById.get(value);
    return item ? itemShort(item) : value;
  }
  if (entry.field === 'site_id') return refs.siteName(value);
  if (entry.field === 'response') {
    try {
      const parts = JSON.parse(value) as Record<string, string | null>;
      return Object.values(parts)
        .filter((v): v is string => Boolean(v))
        .join(' · ');
    } catch {
      return value;
    }
  }
  return value.length > 200 ? `${value.slice(0, 199)}…` : value;
}

/** The append-only record of every change to one finding, oldest first. */
export function FindingTrail({ findingId, refs }: { findingId: string; refs: AuditRefs }) {
  // Every change to the finding, and to its attachments, refreshes it (api/invalidation.ts).
  const trail = useOp('findings.trail', { recordType: 'finding', recordId: findingId });
  const entries = trail.data;
  const { t } = useTranslation('findings');
  const fieldLabel = (field: string) =>
    i18n.exists(`findings:trail.fields.${field}`) ? t(`trail.fields.${field}`) : fallbackLabel(field);
  return (
    <div role="region" aria-label={t('trail.title')}>
      <Title order={3} size="h5" mb="xs">
        {t('trail.title')}
      </Title>
      {trail.error && !entries ? (
        <LoadError error={trail.error} onRetry={trail.reload} />
      ) : !entries ? (
        <Text size="sm" c="dimmed">
          {t('trail.loading')}
        </Text>
      ) : entries.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('trail.empty')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={560}>
          <Table aria-label={t('trail.tableLabel')} fz="sm" verticalSpacing={4}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('trail.when')}</Table.Th>
                <Table.Th>{t('trail.who')}</Table.Th>
                <Table.Th>{t('trail.field')}</Table.Th>
                <Table.Th>{t('trail.change')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {entries.map((e) => (
                <Table.Tr key={e.id}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatTimestamp(e.changedAt)}</Table.Td>
                  <Table.Td>{e.changedBy || '—'}</Table.Td>
                  <Table.Td>{fieldLabel(e.field)}</Table.Td>
                  <Table.Td style={{ wordBreak: 'break-word' }}>
                    {e.oldValue !== null && `${show(e, e.oldValue, refs, t)} → `}
                    {show(e, e.newValue, refs, t)}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </div>
  );
}
