import { Anchor, Badge, List, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Audit } from '#shared/domain/audit';
import type { Site } from '#shared/domain/client';
import { href } from '../../lib/router';
import { Facts } from '../../components/Facts';

export function EngagementFacts({ audit: a, dates, days }: { audit: Audit; dates: string; days: number | null }) {
  const { t } = useTranslation('audits');
  return (
    <Facts
      items={[
        [
          t('facts.client'),
          <Anchor key="c" href={href(`/clients/${a.clientId}`)} size="sm">
            {a.clientName}
          </Anchor>,
        ],
        [
          t('facts.standard'),
          <Text key="s" size="sm">
            {a.standard}
          </Text>,
        ],
        [
          t('facts.type'),
          <Text key="t" size="sm">
            {t(`labels:auditType.${a.type}`)}
          </Text>,
        ],
        [
          t('facts.dates'),
          <Text key="d" size="sm">
            {dates}
            {days ? ` (${t('facts.days', { count: days })})` : ''}
          </Text>,
        ],
        [
          t('facts.mode'),
          <Badge key="m" variant="default">
            {t(`labels:auditMode.${a.mode}`)}
          </Badge>,
        ],
        [
          t('facts.checklist'),
          <Text key="tpl" size="sm">
            {t('facts.templateVersion', { template: a.templateId, version: a.templateVersion })}
          </Text>,
        ],
        [
          t('facts.soaVersion'),
          a.soaVersion ? (
            <Text key="soa" size="sm">
              {a.soaVersion}
            </Text>
          ) : (
            ''
          ),
        ],
      ]}
    />
  );
}

export function TeamTable({ audit }: { audit: Audit }) {
  const { t } = useTranslation('audits');
  return (
    <Table highlightOnHover={false} aria-label={t('facts.team')}>
      <Table.Tbody>
        {audit.team.map((m) => (
          <Table.Tr key={m.id}>
            <Table.Td>
              <Text size="sm" fw={500}>
                {m.name}
              </Text>
              {m.email && (
                <Anchor href={`mailto:${m.email}`} size="xs" c="dimmed">
                  {m.email}
                </Anchor>
              )}
            </Table.Td>
            <Table.Td ta="right">
              <Badge variant={m.role === 'lead_auditor' ? 'filled' : 'light'} color="indigo" size="sm">
                {t(`labels:teamRole.${m.role}`)}
              </Badge>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** The audit's sites, named from its client's record (loaded separately). */
export function SitesInScope({ siteIds, sites }: { siteIds: string[]; sites: Site[] | undefined }) {
  const { t } = useTranslation('audits');
  if (siteIds.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t('facts.noSites')}
      </Text>
    );
  }
  return (
    <List spacing="xs" size="sm">
      {(sites ?? [])
        .filter((s) => siteIds.includes(s.id))
        .map((s) => (
          <List.Item key={s.id}>
            <Text span fw={500} size="sm">
              {s.name}
            </Text>
            <Text span c="dimmed" size="sm">
              {' '}
              · {s.address || t('facts.noAddress')} · {t('facts.people', { count: s.headcount })}
            </Text>
          </List.Item>
        ))}
    </List>
  );
}
