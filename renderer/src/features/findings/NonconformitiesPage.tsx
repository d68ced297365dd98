import { Anchor, Card, Group, MultiSelect, Switch, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconAlertOctagon } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { AUDIT_TYPE_LABELS, type AuditType } from '#shared/domain/audit';
import {
  FINDING_STATUS_LABELS,
  FINDING_STATUSES,
  FINDING_TYPE_LABELS,
  FINDING_TYPES,
  type FindingListQuery,
  type FindingStatus,
  type FindingType,
} from '#shared/domain/finding';
import { useOp } from '../../api/ops';
import { Empty } from '../../components/Empty';
import { LoadError, TableSkeleton } from '../../components/LoadState';
import { PageHeader } from '../../components/PageHeader';
import { formatDay, plural } from '../../lib/format';
import { DueCell, excerpt, findingName, StatusBadge, TypeBadge } from '../../components/findings/labels';

/** Every finding across audits and clients, filtered: what is open, what is late. */
export function NonconformitiesPage() {
  const [status, setStatus] = useState<FindingStatus[]>([]);
  const [type, setType] = useState<FindingType[]>([]);
  const [requirement, setRequirement] = useState('');
  const [overdue, setOverdue] = useState(false);
  const [typedRequirement] = useDebouncedValue(requirement.trim(), 250);

  const query: FindingListQuery = {
    ...(status.length ? { status } : {}),
    ...(type.length ? { type } : {}),
    ...(typedRequirement ? { requirement: typedRequirement } : {}),
    ...(overdue ? { overdue: true } : {}),
  };
  const list = useOp('findings.list', query);
  const rows = list.data;
  const filtered = status.length + type.length > 0 || typedRequirement !== '' || overdue;

  let body: ReactNode;
  if (list.error && !rows) body = <LoadError error={list.error} onRetry={list.reload} />;
  else if (!rows) body = <TableSkeleton />;
  else if (rows.length === 0)
    body = (
      <Card py={48}>
        <Empty
          title={filtered ? 'No finding matches these filters' : 'No findings yet'}
          description={
            filtered
              ? 'Clear a filter to see more.'
              : 'Findings raised in any audit appear here. Open an audit’s Findings tab, or raise one from a checklist item marked as a nonconformity.'
          }
          icon={<IconAlertOctagon />}
          variant="light"
        />
      </Card>
    );
  else
    body = (
      <Card p={0}>
        <Table.ScrollContainer minWidth={960}>
          <Table aria-label="Nonconformities and other findings">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Number</Table.Th>
                <Table.Th>Client</Table.Th>
                <Table.Th>Audit</Table.Th>
                <Table.Th>Type</Table.Th>
                <Table.Th>Requirements</Table.Th>
                <Table.Th>Statement</Table.Th>
                <Table.Th>Status</Table.Th>
                <Table.Th>Response due</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((f) => (
                <Table.Tr key={f.id} data-finding-id={f.id}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    <Anchor
                      href={`#/audits/${encodeURIComponent(f.auditId)}/findings?open=${encodeURIComponent(f.id)}`}
                      fw={500}
                    >
                      {findingName(f)}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{f.clientName}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    {AUDIT_TYPE_LABELS[f.auditType as AuditType] ?? f.auditType}
                    <Text size="xs" c="dimmed">
                      {formatDay(f.auditStartDate)}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <TypeBadge type={f.type} />
                  </Table.Td>
                  <Table.Td>{f.requirements.map((r) => r.number || r.ref).join(', ') || '—'}</Table.Td>
                  <Table.Td>{excerpt(f.statement, 70)}</Table.Td>
                  <Table.Td>
                    <StatusBadge status={f.status} />
                  </Table.Td>
                  <Table.Td>
                    <DueCell finding={f} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        <Text size="xs" c="dimmed" px="md" py="xs" aria-live="polite">
          {plural(rows.length, 'finding')}
        </Text>
      </Card>
    );

  return (
    <>
      <PageHeader
        title="Nonconformities"
        description="Findings of every audit: follow responses, verifications and what is overdue"
      />
      <Group align="flex-end" gap="sm" mb="md" wrap="wrap" role="search" aria-label="Filter findings">
        <MultiSelect
          label="Status"
          placeholder={status.length ? undefined : 'Any status'}
          data={FINDING_STATUSES.map((s) => ({ value: s, label: FINDING_STATUS_LABELS[s] }))}
          value={status}
          onChange={(v) => setStatus(v)}
          clearable
          w={260}
        />
        <MultiSelect
          label="Type"
          placeholder={type.length ? undefined : 'Any type'}
          data={FINDING_TYPES.map((t) => ({ value: t, label: FINDING_TYPE_LABELS[t] }))}
          value={type}
          onChange={(v) => setType(v)}
          clearable
          w={260}
        />
        <TextInput
          label="Requirement"
          placeholder="e.g. 8.5 or A.5.15"
          value={requirement}
          onChange={(e) => setRequirement(e.currentTarget.value)}
          w={170}
        />
        <Switch label="Overdue only" checked={overdue} onChange={(e) => setOverdue(e.currentTarget.checked)} mb={8} />
      </Group>
      {body}
    </>
  );
}
