import { Alert, Button, Group, Select, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { IconAlertTriangle, IconCheck } from '@tabler/icons-react';
import { useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import type { ApiError } from '#shared/api/result';
import type { Audit } from '#shared/domain/audit';
import { REVIEW_CONCLUSIONS, type Decision, type ReviewConclusion, type ReviewState } from '#shared/domain/review';
import { useOp, useWriteOp } from '../../api/ops';
import { LoadError, PageLoader } from '../../components/LoadState';
import { notifySuccess } from '../../lib/notify';
import { formatDay } from '../../lib/format';
import { errorText } from '../../i18n/errorText';

const today = () => new Date().toISOString().slice(0, 10);

/**
 * The certification body's side after the report is issued (ISO/IEC 17021-1
 * 9.5): a technical review and the decision, each by someone who was not on
 * the audit team. Shown on the audit's Cycle tab.
 */
export function ReviewPanel({ audit }: { audit: Audit }) {
  const { t } = useTranslation('review');
  const state = useOp('review.get', { auditId: audit.id });
  if (state.error && !state.data) return <LoadError error={state.error} onRetry={state.reload} />;
  const s = state.data;
  if (!s) return <PageLoader />;
  return (
    <Stack gap="md" component="section" aria-label={t('title')}>
      <Title order={3} size="h5">
        {t('title')}
      </Title>
      {!s.issuedReport ? (
        <Text size="sm" c="dimmed">
          {t('issueFirst')}
        </Text>
      ) : (
        <Text size="sm">
          {t('onReport', {
            number: s.issuedReport.reportNumber,
            version: s.issuedReport.version,
            date: formatDay(s.issuedReport.issuedOn),
          })}
        </Text>
      )}
      {s.review && <Recorded state={s} />}
      {s.issuedReport && !s.review?.decision && <ReviewForm audit={audit} state={s} />}
      {s.review?.conclusion === 'confirmed' && !s.review.decision && s.allowedDecisions.length > 0 && (
        <DecisionForm audit={audit} state={s} />
      )}
    </Stack>
  );
}

function Recorded({ state: s }: { state: ReviewState }) {
  const { t } = useTranslation('review');
  const r = s.review!;
  return (
    <Stack gap={4} aria-label={t('recorded')}>
      <Text size="sm">
        <Trans
          t={t}
          i18nKey="reviewedBy"
          values={{
            name: r.reviewerName,
            date: formatDay(r.reviewedOn),
            conclusion: t(`labels:reviewConclusion.${r.conclusion}`),
          }}
          components={{ b: <b /> }}
        />
      </Text>
      {r.notes && (
        <Text size="sm" c="dimmed" style={{ whiteSpace: 'pre-wrap' }}>
          {r.notes}
        </Text>
      )}
      {r.decision && (
        <Text size="sm">
          <Trans
            t={t}
            i18nKey="decidedBy"
            values={{
              decision: t(`labels:decision.${r.decision}`),
              name: r.decidedBy,
              date: r.decidedOn ? formatDay(r.decidedOn) : '',
            }}
            components={{ b: <b /> }}
          />
        </Text>
      )}
    </Stack>
  );
}

function Refusal({ error }: { error: ApiError | null }) {
  const { t } = useTranslation('review');
  if (!error) return null;
  return (
    <Alert color="red" icon={<IconAlertTriangle />} title={t('notRecorded')} role="alert">
      {[errorText(error), ...(error.issues ?? []).map((i) => i.message)].join(' — ')}
    </Alert>
  );
}

function ReviewForm({ audit, state }: { audit: Audit; state: ReviewState }) {
  const { t } = useTranslation('review');
  const record = useWriteOp('review.record');
  const [name, setName] = useState(state.review?.reviewerName ?? '');
  const [email, setEmail] = useState(state.review?.reviewerEmail ?? '');
  const [on, setOn] = useState(state.review?.reviewedOn ?? today());
  const [conclusion, setConclusion] = useState<ReviewConclusion>(state.review?.conclusion ?? 'confirmed');
  const [notes, setNotes] = useState(state.review?.notes ?? '');
  const [refusal, setRefusal] = useState<ApiError | null>(null);
  const submit = async () => {
    const r = await record.mutate({
      auditId: audit.id,
      reviewerName: name,
      reviewerEmail: email,
      reviewedOn: on,
      conclusion,
      notes,
    });
    if (!r.ok) return setRefusal(r.error);
    setRefusal(null);
    notifySuccess(t('reviewRecorded'));
  };
  return (
    <Stack gap="sm">
      <Group grow align="flex-start">
        <TextInput
          label={t('reviewer')}
          description={t('notOnTeam')}
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
        />
        <TextInput label={t('reviewerEmail')} value={email} onChange={(e) => setEmail(e.currentTarget.value)} />
        <TextInput type="date" label={t('reviewedOn')} value={on} onChange={(e) => setOn(e.currentTarget.value)} />
        <Select
          label={t('conclusion')}
          allowDeselect={false}
          data={REVIEW_CONCLUSIONS.map((c) => ({ value: c, label: t(`labels:reviewConclusion.${c}`) }))}
          value={conclusion}
          onChange={(v) => v && setConclusion(v)}
        />
      </Group>
      <Textarea
        label={t('reviewNotes')}
        autosize
        minRows={2}
        value={notes}
        onChange={(e) => setNotes(e.currentTarget.value)}
      />
      <Refusal error={refusal} />
      <Group>
        <Button leftSection={<IconCheck size={16} />} loading={record.pending} onClick={() => void submit()}>
          {t('recordReview')}
        </Button>
      </Group>
    </Stack>
  );
}

function DecisionForm({ audit, state }: { audit: Audit; state: ReviewState }) {
  const { t } = useTranslation('review');
  const decide = useWriteOp('review.decide');
  const [decision, setDecision] = useState<Decision>(state.allowedDecisions[0]!);
  const [by, setBy] = useState('');
  const [on, setOn] = useState(today());
  const [notes, setNotes] = useState('');
  const [refusal, setRefusal] = useState<ApiError | null>(null);
  const submit = async () => {
    const r = await decide.mutate({ auditId: audit.id, decision, decidedBy: by, decidedOn: on, notes });
    if (!r.ok) return setRefusal(r.error);
    setRefusal(null);
    notifySuccess(t('decisionRecorded'));
  };
  return (
    <Stack gap="sm">
      <Group grow align="flex-start">
        <Select
          label={t('decision')}
          allowDeselect={false}
          data={state.allowedDecisions.map((d) => ({ value: d, label: t(`labels:decision.${d}`) }))}
          value={decision}
          onChange={(v) => v && setDecision(v)}
        />
        <TextInput
          label={t('decidedByLabel')}
          description={t('notOnTeam')}
          value={by}
          onChange={(e) => setBy(e.currentTarget.value)}
        />
        <TextInput type="date" label={t('decidedOn')} value={on} onChange={(e) => setOn(e.currentTarget.value)} />
      </Group>
      <Textarea
        label={t('decisionNotes')}
        autosize
        minRows={2}
        value={notes}
        onChange={(e) => setNotes(e.currentTarget.value)}
      />
      <Text size="xs" c="dimmed">
        {t('final')}
      </Text>
      <Refusal error={refusal} />
      <Group>
        <Button color="teal" loading={decide.pending} onClick={() => void submit()}>
          {t('recordDecision')}
        </Button>
      </Group>
    </Stack>
  );
}
