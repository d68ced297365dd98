import { Grid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
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
  const { t } = useTranslation('audits');
  return (
    <Grid gap="lg">
      <Grid.Col span={{ base: 12, md: 7 }}>
        <Stack gap="lg">
          <Block title={t('overview.scope')}>
            <LongText>{a.scope}</LongText>
          </Block>
          <Block title={t('overview.sitesInScope', { count: a.siteIds.length })}>
            <SitesInScope siteIds={a.siteIds} sites={client.data?.sites} />
          </Block>
          <Block title={t('overview.objectives')}>
            <LongText>{a.objectives}</LongText>
          </Block>
          <Block title={t('overview.criteria')}>
            <LongText>{a.criteria}</LongText>
          </Block>
        </Stack>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 5 }}>
        <Stack gap="lg">
          <Block title={t('overview.engagement')}>
            <EngagementFacts audit={a} dates={dates} days={days} />
          </Block>
          <Block title={t('overview.team', { count: a.team.length })}>
            <TeamTable audit={a} />
          </Block>
          <Text size="xs" c="dimmed">
            {t('overview.created', { created: formatTimestamp(a.createdAt), changed: formatTimestamp(a.updatedAt) })}
          </Text>
        </Stack>
      </Grid.Col>
    </Grid>
  );
}
