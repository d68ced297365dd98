import { Group, Switch, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ItemResult } from '#shared/domain/checklist';
import type { Comparison } from '#shared/domain/programme';
import { useOp } from '../../api/ops';
import { LoadError, PageLoader } from '../../components/LoadState';
import { ResultBadge } from '../../components/ResultBadge';

type Row = Comparison['rows'][number];

function ResultCell({ result, findings }: { result: ItemResult | null; findings: string[] }) {
  const { t } = useTranslation('programme');
  return (
    <Group gap={6} wrap="nowrap">
      {result ? (
        <ResultBadge result={result} />
      ) : (
        <Text size="xs" c="dimmed">
          {t('comparison.notInAudit')}
        </Text>
      )}
      {findings.length > 0 && (
        <Text size="xs" c="dimmed">
          {findings.join(', ')}
        </Text>
      )}
    </Group>
  );
}

/** This audit's results beside those of the previous audit of the cycle, requirement by requirement. */
export function ComparisonSection({ auditId }: { auditId: string }) {
  const { t } = useTranslation('programme');
  const comparison = useOp('programme.compare', { auditId });
  const [onlyChanges, setOnlyChanges] = useState(false);
  const c = comparison.data;
  const previous = c?.previousAuditType ? t(`labels:auditType.${c.previousAuditType}`) : null;

  let body;
  if (comparison.error && !c) body = <LoadError error={comparison.error} onRetry={comparison.reload} />;
  else if (!c) body = <PageLoader />;
  else if (!c.previousAuditId)
    body = (
      <Text size="sm" c="dimmed">
        {t('comparison.nothingToCompare')}
      </Text>
    );
  else body = <Rows rows={onlyChanges ? c.rows.filter((r) => r.changed) : c.rows} previous={previous ?? ''} />;

  return (
    <>
      <Group justify="space-between" mb="sm">
        <Title order={3} size="h5">
          {previous ? t('comparison.comparedWith', { type: previous }) : t('comparison.comparedWithPrevious')}
        </Title>
        {c?.previousAuditId && (
          <Switch
            label={t('comparison.onlyChanges')}
            checked={onlyChanges}
            onChange={(e) => setOnlyChanges(e.currentTarget.checked)}
          />
        )}
      </Group>
      {body}
    </>
  );
}

function Rows({ rows, previous }: { rows: Row[]; previous: string }) {
  const { t } = useTranslation('programme');
  if (rows.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {t('comparison.noChange', { type: previous })}
      </Text>
    );
  return (
    <Table aria-label={t('comparison.tableLabel')} striped>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('comparison.requirement')}</Table.Th>
          <Table.Th>{previous}</Table.Th>
          <Table.Th>{t('comparison.thisAudit')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((r) => (
          <Table.Tr key={r.ref} data-changed={r.changed || undefined}>
            <Table.Td>
              {/* The standard's own title: English in every language (no licence for translated titles). */}
              <Text size="sm" fw={r.changed ? 600 : undefined} translate="no">
                {r.number} {r.title}
              </Text>
            </Table.Td>
            <Table.Td>
              <ResultCell result={r.previous} findings={r.previousFindings} />
            </Table.Td>
            <Table.Td>
              <ResultCell result={r.current} findings={r.currentFindings} />
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
