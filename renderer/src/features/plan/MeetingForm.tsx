import { ActionIcon, Alert, Button, Checkbox, Group, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { IconAlertTriangle, IconDeviceFloppy, IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import type { ApiError } from '#shared/api/result';
import type { Audit } from '#shared/domain/audit';
import {
  MEETING_CONFIRMATIONS,
  MEETING_CONFIRMATION_LABELS,
  MEETING_KIND_LABELS,
  type Meeting,
  type MeetingKind,
} from '#shared/domain/meetings';
import { useWriteOp } from '../../api/ops';
import { notifySuccess } from '../../lib/notify';
import { useActor } from '../../lib/useActor';

interface Attendee {
  id?: string;
  name: string;
  role: string;
  organisation: string;
}

const draftOf = (audit: Audit, kind: MeetingKind, m: Meeting | null) => ({
  heldOn: m?.heldOn ?? (kind === 'opening' ? audit.startDate : audit.endDate),
  attendees: (m?.attendees ?? [{ name: '', role: '', organisation: '' }]) as Attendee[],
  confirmed: m?.confirmed ?? { plan: false, confidentiality: false, reporting: false, appeals: false },
  findingsPresented: m?.findingsPresented ?? '',
  acknowledgement: m?.acknowledgement ?? '',
  acknowledgedBy: m?.acknowledgedBy ?? '',
  notes: m?.notes ?? '',
});

/** One meeting (ISO/IEC 17021-1 9.4.6 opening, 9.4.7 closing): date, attendees, what was confirmed. */
export function MeetingForm(props: { audit: Audit; kind: MeetingKind; meeting: Meeting | null; editable: boolean }) {
  const { audit, kind, meeting, editable } = props;
  const save = useWriteOp('meetings.save');
  const by = useActor(audit);
  const [d, setD] = useState(() => draftOf(audit, kind, meeting));
  const [refusal, setRefusal] = useState<ApiError | null>(null);
  const title = MEETING_KIND_LABELS[kind];
  const issue = (...path: (string | number)[]) =>
    refusal?.issues?.find((i) => path.every((p, n) => i.path[n] === p))?.message;
  const setAttendee = (n: number, patch: Partial<Attendee>) =>
    setD((x) => ({ ...x, attendees: x.attendees.map((a, i) => (i === n ? { ...a, ...patch } : a)) }));
  const submit = async () => {
    const closing = kind === 'closing';
    const r = await save.mutate({
      auditId: audit.id,
      kind,
      heldOn: d.heldOn,
      attendees: d.attendees,
      confirmed: d.confirmed,
      findingsPresented: closing ? d.findingsPresented : '',
      acknowledgement: closing ? d.acknowledgement : '',
      acknowledgedBy: closing ? d.acknowledgedBy : '',
      notes: d.notes,
      by,
    });
    if (!r.ok) return setRefusal(r.error);
    setRefusal(null);
    notifySuccess(`${title} recorded`);
  };
  return (
    <Stack gap="sm" component="section" aria-label={title}>
      <Title order={3} size="h5">
        {title}
      </Title>
      {kind === 'closing' && !props.meeting && !editable && (
        <Text size="sm" c="dimmed">
          Record the opening meeting first.
        </Text>
      )}
      <TextInput
        type="date"
        label="Held on"
        w={200}
        readOnly={!editable}
        value={d.heldOn}
        onChange={(e) => {
          const v = e.currentTarget.value;
          setD((x) => ({ ...x, heldOn: v }));
        }}
        error={issue('heldOn')}
      />
      <Text size="sm" fw={500}>
        Attendees
      </Text>
      {d.attendees.map((a, n) => (
        <Group key={a.id ?? `new-${n}`} align="flex-end" gap="xs">
          <TextInput
            label="Name"
            aria-label={`${title} attendee ${n + 1} name`}
            readOnly={!editable}
            value={a.name}
            onChange={(e) => setAttendee(n, { name: e.currentTarget.value })}
            error={issue('attendees', n, 'name')}
          />
          <TextInput
            label="Role"
            aria-label={`${title} attendee ${n + 1} role`}
            readOnly={!editable}
            value={a.role}
            onChange={(e) => setAttendee(n, { role: e.currentTarget.value })}
          />
          <TextInput
            label="Organisation"
            aria-label={`${title} attendee ${n + 1} organisation`}
            readOnly={!editable}
            value={a.organisation}
            onChange={(e) => setAttendee(n, { organisation: e.currentTarget.value })}
          />
          {editable && (
            <ActionIcon
              variant="subtle"
              color="red"
              mb={4}
              aria-label={`Remove ${title.toLowerCase()} attendee ${n + 1}`}
              onClick={() => setD((x) => ({ ...x, attendees: x.attendees.filter((_, i) => i !== n) }))}
            >
              <IconTrash size={16} />
            </ActionIcon>
          )}
        </Group>
      ))}
      {issue('attendees') && (
        <Text size="sm" c="red">
          {issue('attendees')}
        </Text>
      )}
      {editable && (
        <Group>
          <Button
            variant="subtle"
            size="xs"
            leftSection={<IconPlus size={14} />}
            onClick={() =>
              setD((x) => ({ ...x, attendees: [...x.attendees, { name: '', role: '', organisation: '' }] }))
            }
          >
            Add attendee
          </Button>
        </Group>
      )}
      <Group gap="lg">
        {MEETING_CONFIRMATIONS.map((c) => (
          <Checkbox
            key={c}
            label={MEETING_CONFIRMATION_LABELS[c]}
            disabled={!editable}
            checked={d.confirmed[c]}
            onChange={(e) => {
              const v = e.currentTarget.checked;
              setD((x) => ({ ...x, confirmed: { ...x.confirmed, [c]: v } }));
            }}
          />
        ))}
      </Group>
      {kind === 'closing' && (
        <>
          <Textarea
            label="Findings presented"
            autosize
            minRows={2}
            readOnly={!editable}
            value={d.findingsPresented}
            onChange={(e) => {
              const v = e.currentTarget.value;
              setD((x) => ({ ...x, findingsPresented: v }));
            }}
          />
          <Group grow align="flex-start">
            <Textarea
              label="Client's acknowledgement"
              autosize
              readOnly={!editable}
              value={d.acknowledgement}
              onChange={(e) => {
                const v = e.currentTarget.value;
                setD((x) => ({ ...x, acknowledgement: v }));
              }}
            />
            <TextInput
              label="Acknowledged by"
              readOnly={!editable}
              value={d.acknowledgedBy}
              onChange={(e) => {
                const v = e.currentTarget.value;
                setD((x) => ({ ...x, acknowledgedBy: v }));
              }}
              error={issue('acknowledgedBy')}
            />
          </Group>
        </>
      )}
      {refusal && (
        <Alert color="red" icon={<IconAlertTriangle />} title="Not recorded" role="alert">
          {[refusal.message, ...(refusal.issues ?? []).map((i) => i.message)].join(' — ')}
        </Alert>
      )}
      {editable && (
        <Group>
          <Button leftSection={<IconDeviceFloppy size={16} />} loading={save.pending} onClick={() => void submit()}>
            Record {title.toLowerCase()}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
