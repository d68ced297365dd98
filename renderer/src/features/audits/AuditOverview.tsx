import { Grid, Stack, Text } from '@mantine/core';
import type { Audit } from '#shared/domain/audit';
import { useOp } from '../../api/ops';
import { Block } from '../../components/Block';
import { LongText } from '../../components/Facts';
import { dayCount, formatDayRange, formatTimestamp } from '../../lib/format';
import { EngagementFacts, SitesInScope, TeamTable } from './AuditSections';

/** The audit plan: scope, sites, objectives, engagement facts and team. */
export function AuditOverview({ audit: a }: { audit: Audit }) {
  const client = useOp('clients.get', { id: a.clientId });
  const dates = formatDayRange(a.startDate, a.endDate);
  const days = dayCount(a.startDate, a.endDate);
  return (
    <Grid gap="lg">
      <Grid.Col span={{ base: 12, md: 7 }}>
        <Stack gap="lg">
          <Block title="Scope">
            <LongText>{a.scope}</LongText>
          </Block>
          <Block title={`Sites in scope (${a.siteIds.length})`}>
            <SitesInScope siteIds={a.siteIds} sites={client.data?.sites} />
          </Block>
          <Block title="Objectives">
            <LongText>{a.objectives}</LongText>
          </Block>
          <Block title="Criteria">
            <LongText>{a.criteria}</LongText>
          </Block>
        </Stack>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 5 }}>
        <Stack gap="lg">
          <Block title="Engagement">
            <EngagementFacts audit={a} dates={dates} days={days} />
          </Block>
          <Block title={`Audit team (${a.team.length})`}>
            <TeamTable audit={a} />
          </Block>
          <Text size="xs" c="dimmed">
            Created {formatTimestamp(a.createdAt)} · last changed {formatTimestamp(a.updatedAt)}
          </Text>
        </Stack>
      </Grid.Col>
    </Grid>
  );
}
