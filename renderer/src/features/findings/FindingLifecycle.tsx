import { Badge, Button, Card, Group, Stack, Text, Textarea, Title } from '@mantine/core';
import { IconArrowBackUp, IconCheck, IconLock } from '@tabler/icons-react';
import { useState } from 'react';
import type { TeamMember } from '#shared/domain/audit';
import { VERIFICATION_METHOD_LABELS, type Finding, type FindingResponse } from '#shared/domain/finding';
import { isNonconformity } from '#shared/rules/findings';
import { useForm } from '@mantine/form';
import { RestoredFormAlert, useFormJournal } from '../../lib/drafts';
import { formatDay } from '../../lib/format';
import { AttachmentsPanel } from '../../components/evidence/AttachmentsPanel';
import type { Act } from './act';
import { ResponseForm } from './ResponseForm';
import { VerifyForm } from './VerifyForm';

const DECISION = {
  pending: { label: 'Awaiting decision', color: 'violet' },
  accepted: { label: 'Accepted', color: 'teal' },
  returned: { label: 'Returned', color: 'orange' },
} as const;

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
  const d = DECISION[r.decision];
  return (
    <Card withBorder p="sm" aria-label={`Response ${n}`} role="article">
      <Group justify="space-between" mb={6}>
        <Text size="sm" fw={600}>
          Response {n} · received {formatDay(r.receivedAt)}
        </Text>
        <Badge color={d.color} variant="light" tt="none">
          {d.label}
        </Badge>
      </Group>
      <Stack gap={6}>
        <Field label="Correction" value={r.correction} />
        <Field label="Root cause" value={r.rootCause} />
        <Field label="Corrective action plan" value={r.correctiveAction} />
        <Field label="Responsible person" value={r.responsible} />
        <Field label="Correction due" value={r.correctionDue ? formatDay(r.correctionDue) : ''} />
        <Field label="Corrective action due" value={r.actionDue ? formatDay(r.actionDue) : ''} />
        {r.decision !== 'pending' && (
          <Field
            label={`${d.label}${r.decidedBy ? ` by ${r.decidedBy}` : ''}`}
            value={r.decisionComment || (r.decision === 'accepted' ? 'No comment' : '')}
          />
        )}
      </Stack>
    </Card>
  );
}

/** Accept the waiting response, or return it with the reason (required). */
function Decide({ act, by, findingId, auditId }: { act: Act; by: string; findingId: string; auditId: string }) {
  const form = useForm({ initialValues: { comment: '' } });
  const journal = useFormJournal(form, { recordType: 'finding', recordId: findingId, field: 'decision', auditId });
  const comment = form.values.comment;
  const [error, setError] = useState<string | null>(null);
  const decide = (decision: 'accepted' | 'returned') => {
    if (decision === 'returned' && !comment.trim()) return setError('Say why the response is returned');
    setError(null);
    void act(
      decision === 'accepted' ? 'The response was not accepted' : 'The response was not returned',
      (write) => write('findings.decideResponse', { id: findingId, decision, comment, by }),
      decision === 'accepted' ? 'Response accepted' : 'Response returned to the client',
    ).then((failed) => !failed && void journal.clear());
  };
  return (
    <Stack gap="sm">
      <RestoredFormAlert restoredAt={journal.restoredAt} onDiscard={journal.discard} saveLabel="Return response" />
      <Textarea
        label="Comment"
        description="Required when returning the response: what the client must add or change"
        autosize
        minRows={2}
        value={comment}
        error={error}
        onChange={(e) => form.setFieldValue('comment', e.currentTarget.value)}
      />
      <Group justify="flex-end">
        <Button variant="default" leftSection={<IconArrowBackUp size={16} />} onClick={() => decide('returned')}>
          Return response
        </Button>
        <Button leftSection={<IconCheck size={16} />} onClick={() => decide('accepted')}>
          Accept response
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
  const nc = isNonconformity(f.type);
  const canAct = !readOnly && f.status !== 'closed';
  const close = () =>
    void act('The finding was not closed', (write) => write('findings.close', { id: f.id, by }), 'Finding closed');

  return (
    <Stack gap="md" role="region" aria-label="Lifecycle">
      <Title order={3} size="h5">
        Response and verification
      </Title>
      {!nc && <Text size="sm">This finding needs no response from the client; close it once it is reported.</Text>}
      {f.responses.map((r, i) => (
        <ResponseCard key={r.id} r={r} n={i + 1} />
      ))}
      {nc && f.responses.length === 0 && (
        <Text size="sm" c="dimmed">
          No response from the client yet.
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
        <Card withBorder p="sm" aria-label="Verified" role="article">
          <Text size="sm" fw={600} mb={6}>
            Verified effective on {formatDay(f.verification.verifiedOn)} by {f.verification.verifiedBy} (
            {VERIFICATION_METHOD_LABELS[f.verification.method].toLowerCase()})
          </Text>
          <Field label="Verification notes" value={f.verification.notes} />
        </Card>
      )}
      {nc && ['response_accepted', 'verified', 'closed'].includes(f.status) && (
        <div role="region" aria-label="Verification evidence">
          <Text size="sm" fw={500} mb={4}>
            Verification evidence
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
          <IconLock size={14} aria-hidden /> Closed{f.closedAt ? ` on ${formatDay(f.closedAt.slice(0, 10))}` : ''}.
        </Text>
      ) : (
        canAct && (
          <Group justify="flex-end">
            <Button variant={f.status === 'verified' || !nc ? 'filled' : 'default'} onClick={close}>
              Close finding
            </Button>
          </Group>
        )
      )}
    </Stack>
  );
}
