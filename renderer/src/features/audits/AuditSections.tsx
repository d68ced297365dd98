import { Anchor, Badge, List, Table, Text } from '@mantine/core';
import { AUDIT_MODE_LABELS, AUDIT_TYPE_LABELS, TEAM_ROLE_LABELS, type Audit } from '#shared/domain/audit';
import type { Site } from '#shared/domain/client';
import { href } from '../../lib/router';
import { Facts } from '../../components/Facts';
import { plural } from '../../lib/format';

export function EngagementFacts({ audit: a, dates, days }: { audit: Audit; dates: string; days: number | null }) {
  return (
    <Facts
      items={[
        [
          'Client',
          <Anchor key="c" href={href(`/clients/${a.clientId}`)} size="sm">
            {a.clientName}
          </Anchor>,
        ],
        [
          'Standard',
          <Text key="s" size="sm">
            {a.standard}
          </Text>,
        ],
        [
          'Type',
          <Text key="t" size="sm">
            {AUDIT_TYPE_LABELS[a.type]}
          </Text>,
        ],
        [
          'Dates',
          <Text key="d" size="sm">
            {dates}
            {days ? ` (${plural(days, 'day')})` : ''}
          </Text>,
        ],
        [
          'Mode',
          <Badge key="m" variant="default">
            {AUDIT_MODE_LABELS[a.mode]}
          </Badge>,
        ],
        [
          'Checklist',
          <Text key="tpl" size="sm">
            {a.templateId} · version {a.templateVersion}
          </Text>,
        ],
        [
          'SoA version',
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
  return (
    <Table highlightOnHover={false} aria-label="Audit team">
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
                {TEAM_ROLE_LABELS[m.role]}
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
  if (siteIds.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        No sites selected. Edit the audit to choose the sites it covers.
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
              · {s.address || 'no address'} · {plural(s.headcount, 'person', 'people')}
            </Text>
          </List.Item>
        ))}
    </List>
  );
}
