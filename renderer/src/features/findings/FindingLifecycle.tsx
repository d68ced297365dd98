import { Badge, Button, Card, Group, Stack, Text, Textarea, Title } from '@mantine/core';
import { IconArrowBackUp, IconCheck, IconLock } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TeamMember } from '#shared/domain/audit';
import { type Finding, type FindingResponse } from '#shared/domain/finding';
import { isNonconformity } from '#shared/rules/findings';
import { useForm } from '@mantine/form';
import { RestoredFormAlert, useFormJournal } from '../../lib/drafts';
import { formatDay } from '../../lib/format';
import { AttachmentsPanel } from '../../components/evidence/AttachmentsPanel';
import type { Act } from './act';
import { ResponseForm } from './ResponseForm';
import { VerifyForm } from './VerifyForm';

const DECISION_COLORS = { pending: 'violet', accepted: 'teal', returned: 'orange' } as const;

function Field({ label, value }: { label: string; value: string }) {
  if (!value) return null;
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
        {value}
      </Text>
    </div>
  );
}

function ResponseCard({ r, n }: { r: FindingResponse; n: number }) {
  const { t } = useTranslation('findings');
  const decision = t(`lifecycle.decision.${r.decision}`);
  return (
    <Card withBorder p="sm" aria-label={t('lifecycle.responseLabel', { n })} role="article">
      <Group justify="space-between" mb={6}>
        <Text size="sm" fw={600}>
          {t('lifecycle.responseHeading', { n, date: formatDay(r.receivedAt) })}
        </Text>
        <Badge color={DECISION_COLORS[r.decision]} variant="light" tt="none">
          {decision}
        </Badge>
      </Group>
      <Stack gap={6}>
        <Field label={t('response.correction')} value={r.correction} />
        <Field label={t('response.rootCause')} value={r.rootCause} />
        <Field label={t('response.correctiveAction')} value={r.correctiveAction} />
        <Field label={t('response.responsible')} value={r.responsible} />
        <Field label={t('response.correctionDue')} value={r.correctionDue ? formatDay(r.correctionDue) : ''} />
        <Field label={t('response.actionDue')} value={r.actionDue ? formatDay(r.actionDue) : ''} />
        {r.decision !== 'pending' && (
          <Field
            label={r.decidedBy ? t(`lifecycle.decidedBy.${r.decision}`, { by: r.decidedBy }) : decision}
            value={r.decisionComment || (r.decision === 'accepted' ? t('lifecycle.noComment') : '')}
          />
        )}
      </Stack>
    </Card>
  );
}

/** Accept the waiting response, or return it with the reason (required). */
function Decide({ act, by, findingId, auditId }: { act: Act; by: string; findingId: string; auditId: string }) {
  const { t } = useTranslation('findings');
  const form = useForm({ initialValues: { comment: '' } });
  const journal = useFormJournal(form, { recordType: 'finding', recordId: findingId, field: 'decision', auditId });
  const comment = form.values.comment;
  const [error, setError] = useState<string | null>(null);
  const decide = (decision: 'accepted' | 'returned') => {
    if (decision === 'returned' && !comment.trim()) return setError(t('decide.sayWhy'));
    setError(null);
    void act(
      decision === 'accepted' ? t('decide.notAccepted') : t('decide.notReturned'),
      (write) => write('findings.decideResponse', { id: findingId, decision, comment, by }),
      decision === 'accepted' ? t('decide.accepted') : t('decide.returned'),
    ).then((failed) => !failed && void journal.clear());
  };
  return (
    <Stack gap="sm">
      <RestoredFormAlert restoredAt={journal.restoredAt} onDiscard={journal.discard} saveLabel={t('decide.return')} />
      <Textarea
        label={t('decide.comment')}
        description={t('decide.commentHint')}
        autosize
        minRows={2}
        value={comment}
        error={error}
        onChange={(e) => form.setFieldValue('comment', e.currentTarget.value)}
      />
      <Group justify="flex-end">
        <Button variant="default" leftSection={<IconArrowBackUp size={16} />} onClick={() => decide('returned')}>
          {t('decide.return')}
        </Button>
        <Button leftSection={<IconCheck size={16} />} onClick={() => decide('accepted')}>
          {t('decide.accept')}
        </Button>
      </Group>
    </Stack>
  );
}

interface LifecycleProps {
  finding: Finding;
  auditId: string;
  team: readonly TeamMember[];
  by: string;
  readOnly: boolean;
  act: Act;
}

/** An issued finding from open to closed: the client's responses, the decision, the verification. */
export function FindingLifecycle({ finding: f, auditId, team, by, readOnly, act }: LifecycleProps) {
  const { t } = useTranslation('findings');
  const nc = isNonconformity(f.type);
  const canAct = !readOnly && f.status !== 'closed';
  const close = () =>
    void act(t('lifecycle.notClosed'), (write) => write('findings.close', { id: f.id, by }), t('lifecycle.closedDone'));

  return (
    <Stack gap="md" role="region" aria-label={t('lifecycle.label')}>
      <Title order={3} size="h5">
        {t('lifecycle.title')}
      </Title>
      {!nc && <Text size="sm">{t('lifecycle.noResponseNeeded')}</Text>}
      {f.responses.map((r, i) => (
        <ResponseCard key={r.id} r={r} n={i + 1} />
      ))}
      {nc && f.responses.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('lifecycle.noResponseYet')}
        </Text>
      )}
      {nc && canAct && f.status === 'open' && (
        <Card withBorder p="sm">
          <ResponseForm act={act} by={by} findingId={f.id} auditId={auditId} previous={f.responses.at(-1) ?? null} />
        </Card>
      )}
      {canAct && f.status === 'response_received' && <Decide act={act} by={by} findingId={f.id} auditId={auditId} />}
      {canAct && f.status === 'response_accepted' && (
        <Card withBorder p="sm">
          <VerifyForm act={act} by={by} findingId={f.id} auditId={auditId} />
        </Card>
      )}
      {f.verification && (
        <Card withBorder p="sm" aria-label={t('lifecycle.verifiedLabel')} role="article">
          <Text size="sm" fw={600} mb={6}>
            {t('lifecycle.verifiedLine', {
              date: formatDay(f.verification.verifiedOn),
              by: f.verification.verifiedBy,
              method: t(`lifecycle.methodInline.${f.verification.method}`),
            })}
          </Text>
          <Field label={t('lifecycle.verificationNotes')} value={f.verification.notes} />
        </Card>
      )}
      {nc && ['response_accepted', 'verified', 'closed'].includes(f.status) && (
        <div role="region" aria-label={t('lifecycle.verificationEvidence')}>
          <Text size="sm" fw={500} mb={4}>
            {t('lifecycle.verificationEvidence')}
          </Text>
          <AttachmentsPanel
            auditId={f.auditId}
            target={{ type: 'finding_verification', id: f.id }}
            team={team}
            readOnly={readOnly || f.status === 'closed'}
          />
        </div>
      )}
      {f.status === 'closed' ? (
        <Text size="sm">
          <IconLock size={14} aria-hidden />{' '}
          {f.closedAt ? t('lifecycle.closedOn', { date: formatDay(f.closedAt.slice(0, 10)) }) : t('lifecycle.closed')}
        </Text>
      ) : (
        canAct && (
          <Group justify="flex-end">
            <Button variant={f.status === 'verified' || !nc ? 'filled' : 'default'} onClick={close}>
              {t('lifecycle.close')}
            </Button>
          </Group>
        )
      )}
    </Stack>
  );
}
