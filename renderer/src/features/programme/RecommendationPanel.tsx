import { Alert, Badge, Button, Group, List, Stack, Table, Text, TextInput, Textarea, Title } from '@mantine/core';
import { IconAlertTriangle, IconCheck, IconPencil } from '@tabler/icons-react';
import { useState } from 'react';
import type { ApiError } from '#shared/api/result';
import type { Audit } from '#shared/domain/audit';
import type { RecommendationState } from '#shared/domain/programme';
import { recommendationLabel } from '#shared/rules/recommendation-label';
import { useWriteOp, useOp } from '../../api/ops';
import { LoadError, PageLoader } from '../../components/LoadState';
import { formatTimestamp } from '../../lib/format';
import { notifySuccess } from '../../lib/notify';
import { OverrideModal } from './OverrideModal';

const leadAuditor = (audit: Audit): string => audit.team.find((m) => m.role === 'lead_auditor')?.name ?? '';

/** The recommendation to the certification body: suggested from the findings, decided by the lead auditor. */
export function RecommendationPanel({ audit }: { audit: Audit }) {
  const state = useOp('recommendation.get', { auditId: audit.id });
  const decide = useWriteOp('recommendation.decide');
  const [by, setBy] = useState(() => leadAuditor(audit));
  const [refusal, setRefusal] = useState<ApiError | null>(null);
  const [overriding, setOverriding] = useState(false);
  // With completeness gaps open the backend asks for a reason (kept in the audit trail and printed in the report).
  const [reason, setReason] = useState('');

  if (state.error && !state.data) return <LoadError error={state.error} onRetry={state.reload} />;
  const s = state.data;
  if (!s) return <PageLoader />;
  const current = s.decisions.at(-1);
  // The backend refuses a decision before fieldwork; say so up front rather than after a click.
  const planned = audit.status === 'planned';

  const confirm = async () => {
    const result = await decide.mutate({ auditId: audit.id, recommendation: s.suggested, reason, by });
    if (!result.ok) return setRefusal(result.error);
    setRefusal(null);
    setReason('');
    notifySuccess('Recommendation confirmed');
  };

  return (
    <Stack gap="md">
      <Title order={3} size="h5">
        Recommendation
      </Title>
      <Alert
        color={s.suggested === 'recommend' ? 'teal' : s.suggested === 'not_recommended' ? 'red' : 'orange'}
        variant="light"
        title={`Suggested: ${recommendationLabel(audit.type, s.suggested)}`}
      >
        <List size="sm" aria-label="Why this is suggested">
          {s.reasons.map((r) => (
            <List.Item key={r}>{r}</List.Item>
          ))}
        </List>
      </Alert>
      {planned ? (
        <Text size="sm" c="dimmed">
          The recommendation is decided once the audit has taken place. Start fieldwork to record it.
        </Text>
      ) : current ? (
        <Text size="sm">
          In force: <b>{recommendationLabel(audit.type, current.recommendation)}</b>
        </Text>
      ) : (
        <Text size="sm" c="dimmed">
          No recommendation decided yet. Confirm the suggestion, or override it and say why.
        </Text>
      )}
      <Group align="flex-end" gap="sm">
        <TextInput
          label="Decided by"
          description="The lead auditor"
          value={by}
          onChange={(e) => setBy(e.currentTarget.value)}
        />
        <Button
          leftSection={<IconCheck size={16} />}
          loading={decide.pending}
          disabled={planned}
          onClick={() => void confirm()}
        >
          Confirm suggestion
        </Button>
        <Button
          variant="default"
          leftSection={<IconPencil size={16} />}
          disabled={planned}
          onClick={() => setOverriding(true)}
        >
          Override…
        </Button>
      </Group>
      {refusal && (
        <Alert color="red" icon={<IconAlertTriangle />} title="Not recorded" role="alert">
          {refusal.message}
        </Alert>
      )}
      {refusal?.issues?.some((i) => i.path[0] === 'gaps') && (
        <Textarea
          label="Reason for recording with these gaps open"
          description="Kept in the audit trail and printed in the report. Then confirm again."
          autosize
          minRows={2}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
        />
      )}
      <DecisionHistory state={s} type={audit.type} />
      <OverrideModal
        opened={overriding}
        onClose={() => setOverriding(false)}
        auditId={audit.id}
        type={audit.type}
        suggested={s.suggested}
        by={by}
        onDecided={() => setRefusal(null)}
      />
    </Stack>
  );
}

function DecisionHistory({ state: s, type }: { state: RecommendationState; type: Audit['type'] }) {
  if (s.decisions.length === 0) return null;
  return (
    <Table aria-label="Recommendation decisions">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>When</Table.Th>
          <Table.Th>Who</Table.Th>
          <Table.Th>Decision</Table.Th>
          <Table.Th>Reason</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {s.decisions.map((d) => (
          <Table.Tr key={d.id}>
            <Table.Td>
              <Text size="sm">{formatTimestamp(d.decidedAt)}</Text>
            </Table.Td>
            <Table.Td>
              <Text size="sm">{d.decidedBy}</Text>
            </Table.Td>
            <Table.Td>
              <Group gap="xs">
                <Text size="sm">{recommendationLabel(type, d.recommendation)}</Text>
                {(d.overridden || d.recommendation !== d.suggested) && (
                  <Badge color="orange" size="sm" title={`Suggested: ${recommendationLabel(type, d.suggested)}`}>
                    Override
                  </Badge>
                )}
              </Group>
            </Table.Td>
            <Table.Td>
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} c={d.reason ? undefined : 'dimmed'}>
                {d.reason || 'No reason needed'}
              </Text>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
