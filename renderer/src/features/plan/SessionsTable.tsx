import { ActionIcon, Alert, Button, Group, Modal, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { IconAlertTriangle, IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import type { ApiError } from '#shared/api/result';
import type { Audit } from '#shared/domain/audit';
import type { AuditPlan, PlanSession } from '#shared/domain/plan';
import { useWriteOp } from '../../api/ops';
import { RequirementPicker } from '../../components/RequirementPicker';
import { notifySuccess } from '../../lib/notify';
import { useAuditRefs } from '../../lib/useAuditRefs';

interface Draft {
  day: string;
  startTime: string;
  endTime: string;
  siteId: string | null;
  topic: string;
  auditee: string;
  auditorId: string | null;
  itemIds: string[];
}

const blank = (audit: Audit): Draft => ({
  day: audit.startDate,
  startTime: '09:00',
  endTime: '10:00',
  siteId: null,
  topic: '',
  auditee: '',
  auditorId: null,
  itemIds: [],
});

const fromSession = (s: PlanSession): Draft => ({
  day: s.day,
  startTime: s.startTime,
  endTime: s.endTime,
  siteId: s.siteId,
  topic: s.topic,
  auditee: s.auditee,
  auditorId: s.auditorId,
  itemIds: s.items.map((i) => i.id),
});

/** The timetable: sessions by day and time, each with the checklist items it covers. */
export function SessionsTable({ audit, plan, editable }: { audit: Audit; plan: AuditPlan; editable: boolean }) {
  const [editing, setEditing] = useState<{ id: string | null; draft: Draft } | null>(null);
  const remove = useWriteOp('plan.deleteSession');
  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Title order={3} size="h5">
          Timetable
        </Title>
        {editable && (
          <Button
            variant="default"
            leftSection={<IconPlus size={16} />}
            onClick={() => setEditing({ id: null, draft: blank(audit) })}
          >
            Add session
          </Button>
        )}
      </Group>
      {plan.sessions.length === 0 ? (
        <Text size="sm" c="dimmed">
          No sessions planned yet.
        </Text>
      ) : (
        <Table aria-label="Timetable">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Day</Table.Th>
              <Table.Th>Time</Table.Th>
              <Table.Th>Site</Table.Th>
              <Table.Th>Process or requirements</Table.Th>
              <Table.Th>Auditee</Table.Th>
              <Table.Th>Auditor</Table.Th>
              {editable && <Table.Th aria-label="Actions" />}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {plan.sessions.map((s) => (
              <Table.Tr key={s.id}>
                <Table.Td>{s.day}</Table.Td>
                <Table.Td>
                  {s.startTime}–{s.endTime}
                </Table.Td>
                <Table.Td>{s.siteName ?? ''}</Table.Td>
                <Table.Td>
                  <Text size="sm">{s.topic}</Text>
                  {s.items.length > 0 && (
                    <Text size="xs" c="dimmed">
                      {s.items.map((i) => i.ref).join(', ')}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>{s.auditee}</Table.Td>
                <Table.Td>{s.auditorName ?? ''}</Table.Td>
                {editable && (
                  <Table.Td>
                    <Group gap={4} wrap="nowrap">
                      <ActionIcon
                        variant="subtle"
                        aria-label={`Edit session ${s.day} ${s.startTime}`}
                        onClick={() => setEditing({ id: s.id, draft: fromSession(s) })}
                      >
                        <IconPencil size={16} />
                      </ActionIcon>
                      <ActionIcon
                        variant="subtle"
                        color="red"
                        aria-label={`Delete session ${s.day} ${s.startTime}`}
                        onClick={() => void remove.mutate({ id: s.id })}
                      >
                        <IconTrash size={16} />
                      </ActionIcon>
                    </Group>
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {editing && (
        <SessionModal
          audit={audit}
          plan={plan}
          id={editing.id}
          initial={editing.draft}
          onClose={() => setEditing(null)}
        />
      )}
    </Stack>
  );
}

function SessionModal(props: {
  audit: Audit;
  plan: AuditPlan;
  id: string | null;
  initial: Draft;
  onClose: () => void;
}) {
  const { audit, plan, id, onClose } = props;
  const [d, setD] = useState(props.initial);
  const [refusal, setRefusal] = useState<ApiError | null>(null);
  const add = useWriteOp('plan.addSession');
  const update = useWriteOp('plan.updateSession');
  const refs = useAuditRefs(audit);
  const issue = (key: string) => refusal?.issues?.find((i) => i.path.includes(key))?.message;
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setD((x) => ({ ...x, [key]: value }));
  const submit = async () => {
    const r = id ? await update.mutate({ id, session: d }) : await add.mutate({ auditId: audit.id, ...d });
    if (!r.ok) return setRefusal(r.error);
    notifySuccess(id ? 'Session saved' : 'Session added');
    onClose();
  };
  return (
    <Modal opened onClose={onClose} title={id ? 'Edit session' : 'Add session'} size="lg">
      <Stack gap="sm">
        <Group grow>
          <TextInput
            type="date"
            label="Day"
            value={d.day}
            onChange={(e) => set('day', e.currentTarget.value)}
            error={issue('day')}
          />
          <TextInput
            type="time"
            label="Starts"
            value={d.startTime}
            onChange={(e) => set('startTime', e.currentTarget.value)}
            error={issue('startTime')}
          />
          <TextInput
            type="time"
            label="Ends"
            value={d.endTime}
            onChange={(e) => set('endTime', e.currentTarget.value)}
            error={issue('endTime')}
          />
        </Group>
        <TextInput
          label="Process or requirements"
          withAsterisk
          value={d.topic}
          onChange={(e) => set('topic', e.currentTarget.value)}
          error={issue('topic')}
        />
        <Group grow>
          <Select
            label="Site"
            clearable
            data={plan.sites.map((s) => ({ value: s.id, label: s.name }))}
            value={d.siteId}
            onChange={(v) => set('siteId', v)}
            error={issue('siteId')}
          />
          <TextInput label="Auditee" value={d.auditee} onChange={(e) => set('auditee', e.currentTarget.value)} />
          <Select
            label="Auditor"
            clearable
            data={plan.team.map((m) => ({ value: m.id, label: m.name }))}
            value={d.auditorId}
            onChange={(v) => set('auditorId', v)}
            error={issue('auditorId')}
          />
        </Group>
        <RequirementPicker
          refs={refs}
          label="Checklist items covered"
          value={d.itemIds}
          onChange={(v) => set('itemIds', v)}
          error={issue('itemIds')}
        />
        {refusal && (
          <Alert color="red" icon={<IconAlertTriangle />} title="Not saved" role="alert">
            {refusal.message}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button loading={add.pending || update.pending} onClick={() => void submit()}>
            {id ? 'Save session' : 'Add session'}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
