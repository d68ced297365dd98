import { ActionIcon, Alert, Button, Group, Modal, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { IconAlertTriangle, IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '#shared/api/result';
import type { Audit } from '#shared/domain/audit';
import type { AuditPlan, PlanSession } from '#shared/domain/plan';
import { useWriteOp } from '../../api/ops';
import { RequirementPicker } from '../../components/RequirementPicker';
import { errorText } from '../../i18n/errorText';
import { formatDay } from '../../lib/format';
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
  const { t } = useTranslation('plan');
  const [editing, setEditing] = useState<{ id: string | null; draft: Draft } | null>(null);
  const remove = useWriteOp('plan.deleteSession');
  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Title order={3} size="h5">
          {t('sessions.title')}
        </Title>
        {editable && (
          <Button
            variant="default"
            leftSection={<IconPlus size={16} />}
            onClick={() => setEditing({ id: null, draft: blank(audit) })}
          >
            {t('sessions.add')}
          </Button>
        )}
      </Group>
      {plan.sessions.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('sessions.none')}
        </Text>
      ) : (
        <Table aria-label={t('sessions.tableLabel')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('sessions.day')}</Table.Th>
              <Table.Th>{t('sessions.time')}</Table.Th>
              <Table.Th>{t('sessions.site')}</Table.Th>
              <Table.Th>{t('sessions.topic')}</Table.Th>
              <Table.Th>{t('sessions.auditee')}</Table.Th>
              <Table.Th>{t('sessions.auditor')}</Table.Th>
              {editable && <Table.Th aria-label={t('sessions.actions')} />}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {plan.sessions.map((s) => (
              <Table.Tr key={s.id}>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDay(s.day)}</Table.Td>
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
                        aria-label={t('sessions.edit', { day: s.day, time: s.startTime })}
                        onClick={() => setEditing({ id: s.id, draft: fromSession(s) })}
                      >
                        <IconPencil size={16} />
                      </ActionIcon>
                      <ActionIcon
                        variant="subtle"
                        color="red"
                        aria-label={t('sessions.delete', { day: s.day, time: s.startTime })}
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
  const { t } = useTranslation('plan');
  const add = useWriteOp('plan.addSession');
  const update = useWriteOp('plan.updateSession');
  const refs = useAuditRefs(audit);
  const issue = (key: string) => refusal?.issues?.find((i) => i.path.includes(key))?.message;
  // Field paths, not words: outside the JSX, where the literal-string rule reads only what is shown.
  const errors = {
    day: issue('day'),
    startTime: issue('startTime'),
    endTime: issue('endTime'),
    topic: issue('topic'),
    siteId: issue('siteId'),
    auditorId: issue('auditorId'),
    itemIds: issue('itemIds'),
  };
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setD((x) => ({ ...x, [key]: value }));
  const submit = async () => {
    const r = id ? await update.mutate({ id, session: d }) : await add.mutate({ auditId: audit.id, ...d });
    if (!r.ok) return setRefusal(r.error);
    notifySuccess(id ? t('sessions.saved') : t('sessions.added'));
    onClose();
  };
  return (
    <Modal opened onClose={onClose} title={id ? t('sessions.editTitle') : t('sessions.addTitle')} size="lg">
      <Stack gap="sm">
        <Group grow>
          <TextInput
            type="date"
            label={t('sessions.day')}
            value={d.day}
            onChange={(e) => set('day', e.currentTarget.value)}
            error={errors.day}
          />
          <TextInput
            type="time"
            label={t('sessions.starts')}
            value={d.startTime}
            onChange={(e) => set('startTime', e.currentTarget.value)}
            error={errors.startTime}
          />
          <TextInput
            type="time"
            label={t('sessions.ends')}
            value={d.endTime}
            onChange={(e) => set('endTime', e.currentTarget.value)}
            error={errors.endTime}
          />
        </Group>
        <TextInput
          label={t('sessions.topic')}
          withAsterisk
          value={d.topic}
          onChange={(e) => set('topic', e.currentTarget.value)}
          error={errors.topic}
        />
        <Group grow>
          <Select
            label={t('sessions.site')}
            clearable
            data={plan.sites.map((s) => ({ value: s.id, label: s.name }))}
            value={d.siteId}
            onChange={(v) => set('siteId', v)}
            error={errors.siteId}
          />
          <TextInput
            label={t('sessions.auditee')}
            value={d.auditee}
            onChange={(e) => set('auditee', e.currentTarget.value)}
          />
          <Select
            label={t('sessions.auditor')}
            clearable
            data={plan.team.map((m) => ({ value: m.id, label: m.name }))}
            value={d.auditorId}
            onChange={(v) => set('auditorId', v)}
            error={errors.auditorId}
          />
        </Group>
        <RequirementPicker
          refs={refs}
          label={t('sessions.items')}
          value={d.itemIds}
          onChange={(v) => set('itemIds', v)}
          error={errors.itemIds}
        />
        {refusal && (
          <Alert color="red" icon={<IconAlertTriangle />} title={t('sessions.notSaved')} role="alert">
            {errorText(refusal)}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('sessions.cancel')}
          </Button>
          <Button loading={add.pending || update.pending} onClick={() => void submit()}>
            {id ? t('sessions.save') : t('sessions.addTitle')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
