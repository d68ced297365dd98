import { Alert, Button, Group, Select, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { IconAlertTriangle, IconCheck } from '@tabler/icons-react';
import { useState } from 'react';
import type { ApiError } from '#shared/api/result';
import type { Audit } from '#shared/domain/audit';
import {
  DECISION_LABELS,
  REVIEW_CONCLUSIONS,
  REVIEW_CONCLUSION_LABELS,
  type Decision,
  type ReviewConclusion,
  type ReviewState,
} from '#shared/domain/review';
import { useOp, useWriteOp } from '../../api/ops';
import { LoadError, PageLoader } from '../../components/LoadState';
import { notifySuccess } from '../../lib/notify';

const today = () => new Date().toISOString().slice(0, 10);

/**
 * The certification body's side after the report is issued (ISO/IEC 17021-1
 * 9.5): a technical review and the decision, each by someone who was not on
 * the audit team. Shown on the audit's Cycle tab.
 */
export function ReviewPanel({ audit }: { audit: Audit }) {
  const state = useOp('review.get', { auditId: audit.id });
  if (state.error && !state.data) return <LoadError error={state.error} onRetry={state.reload} />;
  const s = state.data;
  if (!s) return <PageLoader />;
  return (
    <Stack gap="md" component="section" aria-label="Technical review and certification decision">
      <Title order={3} size="h5">
        Technical review and certification decision
      </Title>
      {!s.issuedReport ? (
        <Text size="sm" c="dimmed">
          The technical review is made on the issued report. Issue the report first (Report tab).
        </Text>
      ) : (
        <Text size="sm">
          On report {s.issuedReport.reportNumber} version {s.issuedReport.version}, issued {s.issuedReport.issuedOn}.
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
  const r = s.review!;
  return (
    <Stack gap={4} aria-label="Recorded review">
      <Text size="sm">
        Reviewed by <b>{r.reviewerName}</b> on {r.reviewedOn}: {REVIEW_CONCLUSION_LABELS[r.conclusion]}.
      </Text>
      {r.notes && (
        <Text size="sm" c="dimmed" style={{ whiteSpace: 'pre-wrap' }}>
          {r.notes}
        </Text>
      )}
      {r.decision && (
        <Text size="sm">
          Decision: <b>{DECISION_LABELS[r.decision]}</b> by {r.decidedBy} on {r.decidedOn}.
        </Text>
      )}
    </Stack>
  );
}

function Refusal({ error }: { error: ApiError | null }) {
  if (!error) return null;
  return (
    <Alert color="red" icon={<IconAlertTriangle />} title="Not recorded" role="alert">
      {[error.message, ...(error.issues ?? []).map((i) => i.message)].join(' — ')}
    </Alert>
  );
}

function ReviewForm({ audit, state }: { audit: Audit; state: ReviewState }) {
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
    notifySuccess('Technical review recorded');
  };
  return (
    <Stack gap="sm">
      <Group grow align="flex-start">
        <TextInput
          label="Reviewer"
          description="Not on the audit team"
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
        />
        <TextInput label="Reviewer e-mail" value={email} onChange={(e) => setEmail(e.currentTarget.value)} />
        <TextInput type="date" label="Reviewed on" value={on} onChange={(e) => setOn(e.currentTarget.value)} />
        <Select
          label="Conclusion"
          allowDeselect={false}
          data={REVIEW_CONCLUSIONS.map((c) => ({ value: c, label: REVIEW_CONCLUSION_LABELS[c] }))}
          value={conclusion}
          onChange={(v) => v && setConclusion(v)}
        />
      </Group>
      <Textarea
        label="Review notes"
        autosize
        minRows={2}
        value={notes}
        onChange={(e) => setNotes(e.currentTarget.value)}
      />
      <Refusal error={refusal} />
      <Group>
        <Button leftSection={<IconCheck size={16} />} loading={record.pending} onClick={() => void submit()}>
          Record review
        </Button>
      </Group>
    </Stack>
  );
}

function DecisionForm({ audit, state }: { audit: Audit; state: ReviewState }) {
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
    notifySuccess('Certification decision recorded');
  };
  return (
    <Stack gap="sm">
      <Group grow align="flex-start">
        <Select
          label="Decision"
          allowDeselect={false}
          data={state.allowedDecisions.map((d) => ({ value: d, label: DECISION_LABELS[d] }))}
          value={decision}
          onChange={(v) => v && setDecision(v)}
        />
        <TextInput
          label="Decided by"
          description="Not on the audit team"
          value={by}
          onChange={(e) => setBy(e.currentTarget.value)}
        />
        <TextInput type="date" label="Decided on" value={on} onChange={(e) => setOn(e.currentTarget.value)} />
      </Group>
      <Textarea
        label="Decision notes"
        autosize
        minRows={2}
        value={notes}
        onChange={(e) => setNotes(e.currentTarget.value)}
      />
      <Text size="xs" c="dimmed">
        Final once recorded.
      </Text>
      <Refusal error={refusal} />
      <Group>
        <Button color="teal" loading={decide.pending} onClick={() => void submit()}>
          Record decision
        </Button>
      </Group>
    </Stack>
  );
}
