import { BarChart } from '@mantine/charts';
import { Badge, Card, Group, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { IconListCheck } from '@tabler/icons-react';
import { Trans, useTranslation } from 'react-i18next';
import type { Audit } from '#shared/domain/audit';
import { RESULTS, type Dashboard } from '#shared/domain/checklist';
import { useOp } from '../../api/ops';
import { href } from '../../lib/router';
import { Block } from '../../components/Block';
import { Empty } from '../../components/Empty';
import { LoadError, PageLoader } from '../../components/LoadState';
import { RESULT_COLORS } from '../../lib/checklistResults';
import { chartRows, groupLabel, RESULT_SERIES } from './chartData';

/** Where the audit stands: results, progress by clause and theme, and who still has work. */
export default function AuditDashboard({ audit }: { audit: Audit }) {
  const dashboard = useOp('audits.dashboard', { auditId: audit.id });
  const d = dashboard.data;
  const { t } = useTranslation('dashboard');
  if (dashboard.error && !d) return <LoadError error={dashboard.error} onRetry={dashboard.reload} />;
  if (!d) return <PageLoader />;
  if (d.total === 0) {
    return (
      <Card py={48}>
        <Empty title={t('nothing')} description={t('nothingHint')} icon={<IconListCheck />} variant="light" />
      </Card>
    );
  }
  return (
    <Stack gap="lg">
      <ResultCards d={d} />
      <Block title={t('byGroup')}>
        <BarChart
          h={320}
          data={chartRows(d.byGroup, (id) => t('clause', { id }))}
          dataKey="group"
          type="stacked"
          series={RESULT_SERIES.map((s) => ({ ...s, label: t(`labels:result.${s.name}`) }))}
          withLegend
          legendProps={{ verticalAlign: 'bottom' }}
          tickLine="y"
          yAxisLabel={t('items')}
          aria-label={t('chartLabel')}
        />
        <GroupTable d={d} />
      </Block>
      <Block title={t('perAuditor')}>
        <NotAuditedTable d={d} auditId={audit.id} />
      </Block>
    </Stack>
  );
}

function ResultCards({ d }: { d: Dashboard }) {
  const { t } = useTranslation('dashboard');
  return (
    <SimpleGrid cols={{ base: 2, sm: 4, lg: 8 }} spacing="sm" aria-label={t('counts')} role="list">
      <Count label={t('items')} value={d.total} />
      {RESULTS.map((r) => (
        <Count key={r} label={t(`labels:result.${r}`)} value={d.byResult[r] ?? 0} color={RESULT_COLORS[r]} />
      ))}
      <Count label={t('needFinding')} value={d.needsFinding} color="red" />
    </SimpleGrid>
  );
}

function Count({ label, value, color }: { label: string; value: number; color?: string }) {
  const { t } = useTranslation('dashboard');
  return (
    <Card padding="sm" role="listitem" aria-label={t('count', { label, value })}>
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
  const { t } = useTranslation('dashboard');
  return (
    <Table mt="md" aria-label={t('progress')} verticalSpacing={4}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('group')}</Table.Th>
          <Table.Th ta="right">{t('audited')}</Table.Th>
          <Table.Th ta="right">{t('nonconformities')}</Table.Th>
          <Table.Th ta="right">{t('ofis')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {d.byGroup.map((g) => (
          <Table.Tr key={g.groupId}>
            <Table.Td>
              <Text size="sm">
                <b>{groupLabel(g, (id) => t('clause', { id }))}</b> {g.groupKind !== 'topic' && g.groupTitle}
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
  const { t } = useTranslation('dashboard');
  if (rows.length === 0) {
    return (
      <Group>
        <Badge color="teal" variant="light">
          {t('allDone')}
        </Badge>
      </Group>
    );
  }
  return (
    <Table aria-label={t('perAuditorLabel')} highlightOnHover={false}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('auditor')}</Table.Th>
          <Table.Th ta="right">{t('itemsLeft')}</Table.Th>
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
                  {r.name || t('unassigned')}
                </Text>
              )}
            </Table.Td>
            <Table.Td ta="right">{r.count}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
      <Table.Caption>
        <Trans t={t} i18nKey="caption" components={{ open: <a href={href(`/audits/${auditId}/checklist`)} /> }} />
      </Table.Caption>
    </Table>
  );
}
