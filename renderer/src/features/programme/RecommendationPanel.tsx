import { Alert, Badge, Button, Group, List, Stack, Table, Text, TextInput, Textarea, Title } from '@mantine/core';
import { IconAlertTriangle, IconCheck, IconPencil } from '@tabler/icons-react';
import { useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import type { ApiError } from '#shared/api/result';
import type { Audit } from '#shared/domain/audit';
import type { RecommendationState } from '#shared/domain/programme';
import { useWriteOp, useOp } from '../../api/ops';
import { LoadError, PageLoader } from '../../components/LoadState';
import { errorText } from '../../i18n/errorText';
import { formatTimestamp } from '../../lib/format';
import { notifySuccess } from '../../lib/notify';
import { OverrideModal } from './OverrideModal';
import { recommendationText } from './recommendationText';

const leadAuditor = (audit: Audit): string => audit.team.find((m) => m.role === 'lead_auditor')?.name ?? '';

/** The recommendation to the certification body: suggested from the findings, decided by the lead auditor. */
export function RecommendationPanel({ audit }: { audit: Audit }) {
  const { t } = useTranslation('programme');
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
    notifySuccess(t('recommendation.confirmed'));
  };

  return (
    <Stack gap="md">
      <Title order={3} size="h5">
        {t('recommendation.title')}
      </Title>
      <Alert
        color={s.suggested === 'recommend' ? 'teal' : s.suggested === 'not_recommended' ? 'red' : 'orange'}
        variant="light"
        title={t('recommendation.suggested', { label: recommendationText(t, audit.type, s.suggested) })}
      >
        <List size="sm" aria-label={t('recommendation.why')}>
          {s.reasons.map((r) => (
            <List.Item key={r}>{r}</List.Item>
          ))}
        </List>
      </Alert>
      {planned ? (
        <Text size="sm" c="dimmed">
          {t('recommendation.afterFieldwork')}
        </Text>
      ) : current ? (
        <Text size="sm">
          <Trans
            t={t}
            i18nKey="recommendation.inForce"
            values={{ label: recommendationText(t, audit.type, current.recommendation) }}
            components={{ b: <b /> }}
          />
        </Text>
      ) : (
        <Text size="sm" c="dimmed">
          {t('recommendation.none')}
        </Text>
      )}
      <Group align="flex-end" gap="sm">
        <TextInput
          label={t('recommendation.decidedBy')}
          description={t('recommendation.decidedByHint')}
          value={by}
          onChange={(e) => setBy(e.currentTarget.value)}
        />
        <Button
          leftSection={<IconCheck size={16} />}
          loading={decide.pending}
          disabled={planned}
          onClick={() => void confirm()}
        >
          {t('recommendation.confirm')}
        </Button>
        <Button
          variant="default"
          leftSection={<IconPencil size={16} />}
          disabled={planned}
          onClick={() => setOverriding(true)}
        >
          {t('recommendation.override')}
        </Button>
      </Group>
      {refusal && (
        <Alert color="red" icon={<IconAlertTriangle />} title={t('recommendation.notRecorded')} role="alert">
          {errorText(refusal)}
        </Alert>
      )}
      {refusal?.issues?.some((i) => i.path[0] === 'gaps') && (
        <Textarea
          label={t('recommendation.gapsReason')}
          description={t('recommendation.gapsReasonHint')}
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
  const { t } = useTranslation('programme');
  if (s.decisions.length === 0) return null;
  return (
    <Table aria-label={t('recommendation.historyLabel')}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('recommendation.when')}</Table.Th>
          <Table.Th>{t('recommendation.who')}</Table.Th>
          <Table.Th>{t('recommendation.decision')}</Table.Th>
          <Table.Th>{t('recommendation.reason')}</Table.Th>
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
                <Text size="sm">{recommendationText(t, type, d.recommendation)}</Text>
                {(d.overridden || d.recommendation !== d.suggested) && (
                  <Badge
                    color="orange"
                    size="sm"
                    title={t('recommendation.suggested', { label: recommendationText(t, type, d.suggested) })}
                  >
                    {t('recommendation.overridden')}
                  </Badge>
                )}
              </Group>
            </Table.Td>
            <Table.Td>
              <Text
                size="sm"
                style={{ whiteSpace: 'pre-wrap' }}
                c={d.reason ? undefined : 'dimmed'}
                translate={d.reason ? 'no' : undefined}
              >
                {d.reason || t('recommendation.noReason')}
              </Text>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
