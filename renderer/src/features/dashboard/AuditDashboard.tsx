import { BarChart } from '@mantine/charts';
import { Badge, Card, Group, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { IconListCheck } from '@tabler/icons-react';
import type { Audit } from '#shared/domain/audit';
import { RESULTS, type Dashboard } from '#shared/domain/checklist';
import { useOp } from '../../api/ops';
import { href } from '../../lib/router';
import { Block } from '../../components/Block';
import { Empty } from '../../components/Empty';
import { LoadError, PageLoader } from '../../components/LoadState';
import { RESULT_COLORS, resultLabel } from '../../lib/checklistResults';
import { chartRows, groupLabel, RESULT_SERIES } from './chartData';

/** Where the audit stands: results, progress by clause and theme, and who still has work. */
export default function AuditDashboard({ audit }: { audit: Audit }) {
  const dashboard = useOp('audits.dashboard', { auditId: audit.id });
  const d = dashboard.data;
  if (dashboard.error && !d) return <LoadError error={dashboard.error} onRetry={dashboard.reload} />;
  if (!d) return <PageLoader />;
  if (d.total === 0) {
    return (
      <Card py={48}>
        <Empty
          title="Nothing to show yet"
          description="This audit has no checklist items, so there are no results to count."
          icon={<IconListCheck />}
          variant="light"
        />
      </Card>
    );
  }
  return (
    <Stack gap="lg">
      <ResultCards d={d} />
      <Block title="Results by clause and theme">
        <BarChart
          h={320}
          data={chartRows(d.byGroup)}
          dataKey="group"
          type="stacked"
          series={RESULT_SERIES}
          withLegend
          legendProps={{ verticalAlign: 'bottom' }}
          tickLine="y"
          yAxisLabel="Items"
          aria-label="Results by clause and theme, stacked by result"
        />
        <GroupTable d={d} />
      </Block>
      <Block title="Not yet audited, per auditor">
        <NotAuditedTable d={d} auditId={audit.id} />
      </Block>
    </Stack>
  );
}

function ResultCards({ d }: { d: Dashboard }) {
  return (
    <SimpleGrid cols={{ base: 2, sm: 4, lg: 8 }} spacing="sm" aria-label="Counts by result" role="list">
      <Count label="Items" value={d.total} />
      {RESULTS.map((r) => (
        <Count key={r} label={resultLabel(r)} value={d.byResult[r] ?? 0} color={RESULT_COLORS[r]} />
      ))}
      <Count label="Need a finding" value={d.needsFinding} color="red" />
    </SimpleGrid>
  );
}

function Count({ label, value, color }: { label: string; value: number; color?: string }) {
  return (
    <Card padding="sm" role="listitem" aria-label={`${label}: ${value}`}>
      <Text size="xs" c="dimmed" lh={1.2} mih={30}>
        {label}
      </Text>
      {/* The theme's readable text shade of the colour (shade 7 of teal or yellow is near 3:1 on white). */}
      <Title order={3} c={color && value > 0 ? `var(--mantine-color-${color}-text)` : undefined}>
        {value}
      </Title>
    </Card>
  );
}

function GroupTable({ d }: { d: Dashboard }) {
  return (
    <Table mt="md" aria-label="Progress by clause and theme" verticalSpacing={4}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Group</Table.Th>
          <Table.Th ta="right">Audited</Table.Th>
          <Table.Th ta="right">Nonconformities</Table.Th>
          <Table.Th ta="right">OFIs</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {d.byGroup.map((g) => (
          <Table.Tr key={g.groupId}>
            <Table.Td>
              <Text size="sm">
                <b>{groupLabel(g)}</b> {g.groupKind !== 'topic' && g.groupTitle}
              </Text>
            </Table.Td>
            <Table.Td ta="right">
              {g.audited} / {g.total}
            </Table.Td>
            <Table.Td ta="right">{(g.byResult.minor_nc ?? 0) + (g.byResult.major_nc ?? 0)}</Table.Td>
            <Table.Td ta="right">{g.byResult.ofi ?? 0}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function NotAuditedTable({ d, auditId }: { d: Dashboard; auditId: string }) {
  const rows = d.notAuditedByAuditor.filter((r) => r.count > 0);
  if (rows.length === 0) {
    return (
      <Group>
        <Badge color="teal" variant="light">
          Every item has a result
        </Badge>
      </Group>
    );
  }
  return (
    <Table aria-label="Not yet audited per auditor" highlightOnHover={false}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Auditor</Table.Th>
          <Table.Th ta="right">Items not yet audited</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((r) => (
          <Table.Tr key={r.assigneeId ?? 'none'}>
            <Table.Td>
              {r.assigneeId ? (
                r.name
              ) : (
                <Text span c="dimmed" size="sm">
                  {r.name || 'Unassigned'}
                </Text>
              )}
            </Table.Td>
            <Table.Td ta="right">{r.count}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
      <Table.Caption>
        <a href={href(`/audits/${auditId}/checklist`)}>Open the checklist</a> and filter by auditor to work through
        them.
      </Table.Caption>
    </Table>
  );
}
