import { ActionIcon, Alert, Button, Checkbox, Group, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { IconAlertTriangle, IconDeviceFloppy, IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '#shared/api/result';
import type { Audit } from '#shared/domain/audit';
import { MEETING_CONFIRMATIONS, type Meeting, type MeetingKind } from '#shared/domain/meetings';
import { useWriteOp } from '../../api/ops';
import { errorText } from '../../i18n/errorText';
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
  const { t } = useTranslation('plan');
  const save = useWriteOp('meetings.save');
  const by = useActor(audit);
  const [d, setD] = useState(() => draftOf(audit, kind, meeting));
  const [refusal, setRefusal] = useState<ApiError | null>(null);
  const title = t(`labels:meetingKind.${kind}`);
  const issue = (...path: (string | number)[]) =>
    refusal?.issues?.find((i) => path.every((p, n) => i.path[n] === p))?.message;
  // Field paths, not words: outside the JSX, where the literal-string rule reads only what is shown.
  const errors = {
    heldOn: issue('heldOn'),
    attendees: issue('attendees'),
    acknowledgedBy: issue('acknowledgedBy'),
    attendeeName: (n: number) => issue('attendees', n, 'name'),
  };
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
    notifySuccess(t(`meeting.${kind}.recorded`));
  };
  return (
    <Stack gap="sm" component="section" aria-label={title}>
      <Title order={3} size="h5">
        {title}
      </Title>
      {kind === 'closing' && !props.meeting && !editable && (
        <Text size="sm" c="dimmed">
          {t('meeting.openingFirst')}
        </Text>
      )}
      <TextInput
        type="date"
        label={t('meeting.heldOn')}
        w={200}
        readOnly={!editable}
        value={d.heldOn}
        onChange={(e) => {
          const v = e.currentTarget.value;
          setD((x) => ({ ...x, heldOn: v }));
        }}
        error={errors.heldOn}
      />
      <Text size="sm" fw={500}>
        {t('meeting.attendees')}
      </Text>
      {d.attendees.map((a, n) => (
        <Group key={a.id ?? `new-${n}`} align="flex-end" gap="xs">
          <TextInput
            label={t('meeting.name')}
            aria-label={t(`meeting.${kind}.attendeeName`, { n: n + 1 })}
            readOnly={!editable}
            value={a.name}
            onChange={(e) => setAttendee(n, { name: e.currentTarget.value })}
            error={errors.attendeeName(n)}
          />
          <TextInput
            label={t('meeting.role')}
            aria-label={t(`meeting.${kind}.attendeeRole`, { n: n + 1 })}
            readOnly={!editable}
            value={a.role}
            onChange={(e) => setAttendee(n, { role: e.currentTarget.value })}
          />
          <TextInput
            label={t('meeting.organisation')}
            aria-label={t(`meeting.${kind}.attendeeOrganisation`, { n: n + 1 })}
            readOnly={!editable}
            value={a.organisation}
            onChange={(e) => setAttendee(n, { organisation: e.currentTarget.value })}
          />
          {editable && (
            <ActionIcon
              variant="subtle"
              color="red"
              mb={4}
              aria-label={t(`meeting.${kind}.removeAttendee`, { n: n + 1 })}
              onClick={() => setD((x) => ({ ...x, attendees: x.attendees.filter((_, i) => i !== n) }))}
            >
              <IconTrash size={16} />
            </ActionIcon>
          )}
        </Group>
      ))}
      {errors.attendees && (
        <Text size="sm" c="red">
          {errors.attendees}
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
            {t('meeting.addAttendee')}
          </Button>
        </Group>
      )}
      <Group gap="lg">
        {MEETING_CONFIRMATIONS.map((c) => (
          <Checkbox
            key={c}
            label={t(`labels:meetingConfirmation.${c}`)}
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
            label={t('meeting.findingsPresented')}
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
              label={t('meeting.acknowledgement')}
              autosize
              readOnly={!editable}
              value={d.acknowledgement}
              onChange={(e) => {
                const v = e.currentTarget.value;
                setD((x) => ({ ...x, acknowledgement: v }));
              }}
            />
            <TextInput
              label={t('meeting.acknowledgedBy')}
              readOnly={!editable}
              value={d.acknowledgedBy}
              onChange={(e) => {
                const v = e.currentTarget.value;
                setD((x) => ({ ...x, acknowledgedBy: v }));
              }}
              error={errors.acknowledgedBy}
            />
          </Group>
        </>
      )}
      {refusal && (
        <Alert color="red" icon={<IconAlertTriangle />} title={t('meeting.notRecorded')} role="alert">
          {[errorText(refusal), ...(refusal.issues ?? []).map((i) => i.message)].join(' — ')}
        </Alert>
      )}
      {editable && (
        <Group>
          <Button leftSection={<IconDeviceFloppy size={16} />} loading={save.pending} onClick={() => void submit()}>
            {t(`meeting.${kind}.record`)}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
