import { Divider, Grid, MultiSelect, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useCallback } from 'react';
import type { Audit } from '#shared/domain/audit';
import { InterviewInput, InterviewPatch, type Interview } from '#shared/domain/records';
import { getApi } from '../../api/client';
import { notifySuccess } from '../../lib/notify';
import { AttachmentsPanel } from '../../components/evidence/AttachmentsPanel';
import { DraftedTextarea } from '../../components/DraftedTextarea';
import { defaultRecordTime, formatLocalDateTime } from '../../lib/dateTime';
import {
  AttachmentsAfterCreate,
  checkInput,
  DeleteButton,
  send,
  SubmitRow,
  useBusy,
  useDirtyCheck,
} from '../../components/editorForm';
import type { EditorArgs } from './RecordsLayout';
import { RequirementPicker } from '../../components/RequirementPicker';
import type { AuditRefs } from '../../lib/useAuditRefs';
import { useSerialSaves } from './useSerialSaves';

interface Values {
  intervieweeName: string;
  intervieweeRole: string;
  department: string;
  siteId: string | null;
  heldAt: string;
  auditorIds: string[];
  itemIds: string[];
  /** Only typed here while creating; afterwards the drafted field below owns it. */
  notes: string;
}

const EMPTY_MESSAGES = { intervieweeName: 'Who was interviewed?', heldAt: 'When did the interview take place?' };

const toValues = (i: Interview | null, audit: Audit): Values => ({
  intervieweeName: i?.intervieweeName ?? '',
  intervieweeRole: i?.intervieweeRole ?? '',
  department: i?.department ?? '',
  siteId: i?.siteId ?? null,
  heldAt: i?.heldAt ?? defaultRecordTime(audit.startDate, audit.endDate),
  auditorIds: i?.auditorIds ?? [],
  itemIds: i?.itemIds ?? [],
  notes: i?.notes ?? '',
});

/** Everything but the notes, as the server holds it. */
const detailsOf = (i: Interview) => ({
  intervieweeName: i.intervieweeName,
  intervieweeRole: i.intervieweeRole,
  department: i.department,
  siteId: i.siteId,
  heldAt: i.heldAt,
  auditorIds: i.auditorIds,
  itemIds: i.itemIds,
});

export const interviewTitle = (i: Interview | null): string =>
  i ? `Interview with ${i.intervieweeName}` : 'New interview';

/** Create or edit one interview: who, when, where, which requirements; notes and attachments once it exists. */
export function InterviewEditor({ audit, refs, args }: { audit: Audit; refs: AuditRefs; args: EditorArgs<Interview> }) {
  const { record, readOnly, onSaved, onDeleted, onTouched, setDirtyCheck } = args;
  const creating = record === null;
  const form = useForm<Values>({ initialValues: toValues(record, audit) });
  const [busy, run] = useBusy();
  const serial = useSerialSaves(record);
  const isDirty = useCallback(() => form.isDirty(), [form]);
  useDirtyCheck(setDirtyCheck, isDirty);

  const submit = form.onSubmit((values) => {
    if (!creating && !form.isDirty()) return;
    const { notes, ...details } = values;
    const checked = creating
      ? checkInput(InterviewInput, values as unknown as Record<string, unknown>, EMPTY_MESSAGES)
      : checkInput(InterviewPatch, details as unknown as Record<string, unknown>, EMPTY_MESSAGES);
    if (!checked.ok) return form.setErrors(checked.errors);
    void run(async () => {
      const api = getApi();
      const result = creating
        ? await send(
            () => api.invoke('interviews.create', { auditId: audit.id, interview: { ...details, notes } }),
            'interview',
            'The interview was not recorded',
          )
        : await send(
            () =>
              serial((server) =>
                api.invoke('interviews.update', { id: server.id, patch: { ...details, notes: server.notes } }),
              ),
            'patch',
            'The interview was not saved',
          );
      if (!result.ok) return form.setErrors(result.errors);
      form.resetDirty({ ...values, notes: result.value.notes });
      notifySuccess(creating ? `Interview with ${result.value.intervieweeName} recorded` : 'Interview saved');
      onSaved(result.value);
    });
  });

  const saveNotes = useCallback(
    async (notes: string) => {
      const result = await serial((server) =>
        getApi().invoke('interviews.update', { id: server.id, patch: { ...detailsOf(server), notes } }),
      );
      if (result.ok) onSaved(result.value);
      return result;
    },
    [serial, onSaved],
  );

  const siteOptions =
    record?.siteId && !refs.sites.some((s) => s.value === record.siteId)
      ? [...refs.sites, { value: record.siteId, label: refs.siteName(record.siteId) }]
      : refs.sites;

  return (
    <Stack gap="md">
      <form onSubmit={submit} noValidate aria-label={creating ? 'New interview' : 'Interview details'}>
        <Stack gap="sm">
          <Grid gap="sm">
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <TextInput
                label="Interviewee"
                withAsterisk
                readOnly={readOnly}
                data-autofocus
                {...form.getInputProps('intervieweeName')}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <TextInput label="Role" readOnly={readOnly} {...form.getInputProps('intervieweeRole')} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <TextInput label="Department" readOnly={readOnly} {...form.getInputProps('department')} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <Select
                label="Site"
                placeholder={siteOptions.length ? 'Choose a site' : 'No sites in scope'}
                data={siteOptions}
                clearable
                readOnly={readOnly}
                {...form.getInputProps('siteId')}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <TextInput
                type="datetime-local"
                label="Date and time"
                description={readOnly ? undefined : 'Local time on site'}
                withAsterisk
                readOnly={readOnly}
                {...form.getInputProps('heldAt')}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <MultiSelect
                label="Auditors present"
                data={refs.team}
                searchable
                readOnly={readOnly}
                placeholder={readOnly ? undefined : 'Choose team members'}
                {...form.getInputProps('auditorIds')}
              />
            </Grid.Col>
          </Grid>
          <RequirementPicker
            refs={refs}
            readOnly={readOnly}
            value={form.values.itemIds}
            onChange={(ids) => form.setFieldValue('itemIds', ids)}
            error={form.errors.itemIds as string | undefined}
          />
          {creating && (
            <Textarea
              label="Notes"
              autosize
              minRows={6}
              maxRows={20}
              placeholder="What was asked, what was answered, what was shown"
              {...form.getInputProps('notes')}
            />
          )}
          {!readOnly && <SubmitRow creating={creating} noun="interview" busy={busy} dirty={form.isDirty()} />}
        </Stack>
      </form>

      {creating ? (
        <AttachmentsAfterCreate noun="interview" />
      ) : (
        <>
          <Divider />
          {readOnly ? (
            <Textarea label="Notes" value={record.notes} readOnly autosize minRows={3} maxRows={24} />
          ) : (
            <DraftedTextarea
              recordType="interview"
              recordId={record.id}
              auditId={audit.id}
              field="notes"
              serverValue={record.notes}
              save={saveNotes}
              label="Notes"
              what="notes"
              placeholder="What was asked, what was answered, what was shown"
            />
          )}
          <Divider />
          <AttachmentsPanel
            auditId={audit.id}
            target={{ type: 'interview', id: record.id }}
            team={audit.team}
            readOnly={readOnly}
            onChanged={onTouched}
          />
          {!readOnly && (
            <>
              <Divider />
              <DeleteButton
                noun="interview"
                description={
                  <>
                    The interview with <b>{record.intervieweeName}</b> on {formatLocalDateTime(record.heldAt)} and its
                    notes will be deleted. Attachments linked only to this interview are deleted with it. This cannot be
                    undone.
                  </>
                }
                run={() => getApi().invoke('interviews.delete', { id: record.id })}
                onDeleted={() => onDeleted(record.id)}
              />
            </>
          )}
        </>
      )}
    </Stack>
  );
}
