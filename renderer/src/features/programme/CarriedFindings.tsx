import { Anchor, Badge, Table, Text } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { FindingStatus } from '#shared/domain/finding';
import type { CarriedFinding } from '#shared/domain/programme';
import { qualifiedNumber } from '#shared/rules/gates/cycle';
import { useOp } from '../../api/ops';
import { href } from '../../lib/router';
import { LoadError, PageLoader } from '../../components/LoadState';

/** Where a finding lives: its own audit's findings tab, opened on it. */
export const findingHref = (auditId: string, findingId: string): string =>
  href(`/audits/${auditId}/findings?open=${encodeURIComponent(findingId)}`);

const statusLabel = (t: TFunction, status: string): string => {
  const known = FindingStatus.safeParse(status);
  return known.success ? t(`labels:findingStatus.${known.data}`) : status;
};

/** Open findings of earlier audits of the cycle, to be verified during this one. */
export function CarriedFindings({ auditId }: { auditId: string }) {
  const { t } = useTranslation('programme');
  const carried = useOp('programme.carried', { auditId });
  if (carried.error && !carried.data) return <LoadError error={carried.error} onRetry={carried.reload} />;
  if (!carried.data) return <PageLoader />;
  if (carried.data.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {t('carried.none')}
      </Text>
    );
  return (
    <Table aria-label={t('carried.tableLabel')}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('carried.finding')}</Table.Th>
          <Table.Th>{t('carried.type')}</Table.Th>
          <Table.Th>{t('carried.raisedIn')}</Table.Th>
          <Table.Th>{t('carried.statement')}</Table.Th>
          <Table.Th>{t('carried.status')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {carried.data.map((f) => (
          <CarriedRow key={f.findingId} finding={f} />
        ))}
      </Table.Tbody>
    </Table>
  );
}

function CarriedRow({ finding: f }: { finding: CarriedFinding }) {
  const { t } = useTranslation('programme');
  const major = f.type === 'major';
  const auditType = t(`labels:auditType.${f.fromAuditType}`);
  // Another audit's finding: with its audit's prefix, so its NC-01 is not read as this audit's NC-01.
  const number = qualifiedNumber(f.fromAuditType, f.number) || t('carried.draft');
  return (
    <Table.Tr>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>
        {f.fromLead ? (
          // The lead's copy on a team member's laptop: the finding's own audit is not here to open.
          <Text size="sm" fw={500}>
            {number}
          </Text>
        ) : (
          <Anchor href={findingHref(f.fromAuditId, f.findingId)} size="sm" fw={500}>
            {number}
          </Anchor>
        )}
      </Table.Td>
      <Table.Td>
        <Badge variant="light" color={major ? 'red' : f.type === 'minor' ? 'orange' : 'yellow'} size="sm">
          {t(`findings:typeShort.${f.type}`)}
        </Badge>
      </Table.Td>
      <Table.Td>
        {f.fromLead ? (
          <Text size="sm">{t('carried.leadVerifies', { type: auditType })}</Text>
        ) : (
          <Anchor href={href(`/audits/${f.fromAuditId}`)} size="sm">
            {auditType}
          </Anchor>
        )}
      </Table.Td>
      <Table.Td>
        <Text size="sm" lineClamp={3} translate="no">
          {f.statement}
        </Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm">{statusLabel(t, f.status)}</Text>
      </Table.Td>
    </Table.Tr>
  );
}
