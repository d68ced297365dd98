import { Anchor, Badge, Table, Text } from '@mantine/core';
import { AUDIT_TYPE_LABELS } from '#shared/domain/audit';
import { FINDING_STATUS_LABELS, FINDING_TYPE_SHORT, FindingStatus } from '#shared/domain/finding';
import type { CarriedFinding } from '#shared/domain/programme';
import { qualifiedNumber } from '#shared/rules/gates/cycle';
import { useOp } from '../../api/ops';
import { href } from '../../lib/router';
import { LoadError, PageLoader } from '../../components/LoadState';

/** Where a finding lives: its own audit's findings tab, opened on it. */
export const findingHref = (auditId: string, findingId: string): string =>
  href(`/audits/${auditId}/findings?open=${encodeURIComponent(findingId)}`);

const statusLabel = (status: string): string => {
  const known = FindingStatus.safeParse(status);
  return known.success ? FINDING_STATUS_LABELS[known.data] : status;
};

/** Open findings of earlier audits of the cycle, to be verified during this one. */
export function CarriedFindings({ auditId }: { auditId: string }) {
  const carried = useOp('programme.carried', { auditId });
  if (carried.error && !carried.data) return <LoadError error={carried.error} onRetry={carried.reload} />;
  if (!carried.data) return <PageLoader />;
  if (carried.data.length === 0)
    return (
      <Text size="sm" c="dimmed">
        No findings from earlier audits are waiting to be verified here. Findings still open when the next audit of the
        cycle is planned appear in its list.
      </Text>
    );
  return (
    <Table aria-label="Findings from previous audits to verify">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Finding</Table.Th>
          <Table.Th>Type</Table.Th>
          <Table.Th>Raised in</Table.Th>
          <Table.Th>Statement</Table.Th>
          <Table.Th>Status</Table.Th>
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
  const major = f.type === 'major';
  // Another audit's finding: with its audit's prefix, so its NC-01 is not read as this audit's NC-01.
  const number = qualifiedNumber(f.fromAuditType, f.number) || 'Draft';
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
          {FINDING_TYPE_SHORT[f.type]}
        </Badge>
      </Table.Td>
      <Table.Td>
        {f.fromLead ? (
          <Text size="sm">{AUDIT_TYPE_LABELS[f.fromAuditType]} (the lead verifies it)</Text>
        ) : (
          <Anchor href={href(`/audits/${f.fromAuditId}`)} size="sm">
            {AUDIT_TYPE_LABELS[f.fromAuditType]}
          </Anchor>
        )}
      </Table.Td>
      <Table.Td>
        <Text size="sm" lineClamp={3}>
          {f.statement}
        </Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm">{statusLabel(f.status)}</Text>
      </Table.Td>
    </Table.Tr>
  );
}
