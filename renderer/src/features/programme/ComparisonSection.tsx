import { Group, Switch, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { AUDIT_TYPE_LABELS } from '#shared/domain/audit';
import type { ItemResult } from '#shared/domain/checklist';
import type { Comparison } from '#shared/domain/programme';
import { useOp } from '../../api/ops';
import { LoadError, PageLoader } from '../../components/LoadState';
import { ResultBadge } from '../../components/ResultBadge';

type Row = Comparison['rows'][number];

function ResultCell({ result, findings }: { result: ItemResult | null; findings: string[] }) {
  return (
    <Group gap={6} wrap="nowrap">
      {result ? (
        <ResultBadge result={result} />
      ) : (
        <Text size="xs" c="dimmed">
          Not in this audit
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
  const comparison = useOp('programme.compare', { auditId });
  const [onlyChanges, setOnlyChanges] = useState(false);
  const c = comparison.data;
  const previous = c?.previousAuditType ? AUDIT_TYPE_LABELS[c.previousAuditType] : null;

  let body;
  if (comparison.error && !c) body = <LoadError error={comparison.error} onRetry={comparison.reload} />;
  else if (!c) body = <PageLoader />;
  else if (!c.previousAuditId)
    body = (
      <Text size="sm" c="dimmed">
        No earlier audit of this client used the same checklist, so there is nothing to compare requirement by
        requirement (a Stage 1 and a Stage 2, say, share no checklist). Later audits on this checklist will show their
        results beside this one.
      </Text>
    );
  else body = <Rows rows={onlyChanges ? c.rows.filter((r) => r.changed) : c.rows} previous={previous ?? ''} />;

  return (
    <>
      <Group justify="space-between" mb="sm">
        <Title order={3} size="h5">
          {previous ? `Compared with ${previous}` : 'Compared with the previous audit'}
        </Title>
        {c?.previousAuditId && (
          <Switch
            label="Only changes"
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
  if (rows.length === 0)
    return (
      <Text size="sm" c="dimmed">
        No requirement changed result since the {previous} audit.
      </Text>
    );
  return (
    <Table aria-label="Comparison with the previous audit" striped>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Requirement</Table.Th>
          <Table.Th>{previous}</Table.Th>
          <Table.Th>This audit</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((r) => (
          <Table.Tr key={r.ref} data-changed={r.changed || undefined}>
            <Table.Td>
              <Text size="sm" fw={r.changed ? 600 : undefined}>
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
