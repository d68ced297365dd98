import { Divider, Grid, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useCallback } from 'react';
import type { Audit } from '#shared/domain/audit';
import { ObservationInput, ObservationPatch, type Observation } from '#shared/domain/records';
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
  siteId: string | null;
  location: string;
  observedAt: string;
  itemIds: string[];
  /** Only typed here while creating; afterwards the drafted field below owns it. */
  description: string;
}

const EMPTY_MESSAGES = {
  observedAt: 'When was this observed?',
  description: 'Describe what was observed',
};
const PLACEHOLDER = 'What you saw, where exactly, and why it matters for the requirement';

const toValues = (o: Observation | null, audit: Audit): Values => ({
  siteId: o?.siteId ?? null,
  location: o?.location ?? '',
  observedAt: o?.observedAt ?? defaultRecordTime(audit.startDate, audit.endDate),
  itemIds: o?.itemIds ?? [],
  description: o?.description ?? '',
});

/** Everything but the description, as the server holds it. */
const detailsOf = (o: Observation) => ({
  siteId: o.siteId,
  location: o.location,
  observedAt: o.observedAt,
  itemIds: o.itemIds,
});

export const observationTitle = (o: Observation | null): string =>
  o ? `Observation of ${formatLocalDateTime(o.observedAt)}` : 'New observation';

/** Create or edit one observation: where and when, what was seen, which requirements, and its photos. */
export function ObservationEditor(props: { audit: Audit; refs: AuditRefs; args: EditorArgs<Observation> }) {
  const { audit, refs, args } = props;
  const { record, readOnly, onSaved, onDeleted, onTouched, setDirtyCheck } = args;
  const creating = record === null;
  const form = useForm<Values>({ initialValues: toValues(record, audit) });
  const [busy, run] = useBusy();
  const serial = useSerialSaves(record);
  const isDirty = useCallback(() => form.isDirty(), [form]);
  useDirtyCheck(setDirtyCheck, isDirty);

  const submit = form.onSubmit((values) => {
    if (!creating && !form.isDirty()) return;
    const { description, ...details } = values;
    const checked = creating
      ? checkInput(ObservationInput, values as unknown as Record<string, unknown>, EMPTY_MESSAGES)
      : checkInput(ObservationPatch, details as unknown as Record<string, unknown>, EMPTY_MESSAGES);
    if (!checked.ok) return form.setErrors(checked.errors);
    void run(async () => {
      const api = getApi();
      const result = creating
        ? await send(
            () => api.invoke('observations.create', { auditId: audit.id, observation: { ...details, description } }),
            'observation',
            'The observation was not recorded',
          )
        : await send(
            () =>
              serial((server) =>
                api.invoke('observations.update', {
                  id: server.id,
                  patch: { ...details, description: server.description },
                }),
              ),
            'patch',
            'The observation was not saved',
          );
      if (!result.ok) return form.setErrors(result.errors);
      form.resetDirty({ ...values, description: result.value.description });
      notifySuccess(creating ? 'Observation recorded' : 'Observation saved');
      onSaved(result.value);
    });
  });

  const saveDescription = useCallback(
    async (description: string) => {
      const result = await serial((server) =>
        getApi().invoke('observations.update', { id: server.id, patch: { ...detailsOf(server), description } }),
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
      <form onSubmit={submit} noValidate aria-label={creating ? 'New observation' : 'Observation details'}>
        <Stack gap="sm">
          <Grid gap="sm">
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
                label="Location"
                placeholder="Server room, 2nd floor reception…"
                readOnly={readOnly}
                data-autofocus
                {...form.getInputProps('location')}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <TextInput
                type="datetime-local"
                label="Date and time"
                description={readOnly ? undefined : 'Local time on site'}
                withAsterisk
                readOnly={readOnly}
                {...form.getInputProps('observedAt')}
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
              label="Description"
              withAsterisk
              autosize
              minRows={5}
              maxRows={20}
              placeholder={PLACEHOLDER}
              {...form.getInputProps('description')}
            />
          )}
          {!readOnly && <SubmitRow creating={creating} noun="observation" busy={busy} dirty={form.isDirty()} />}
        </Stack>
      </form>

      {creating ? (
        <AttachmentsAfterCreate noun="observation" />
      ) : (
        <>
          <Divider />
          {readOnly ? (
            <Textarea label="Description" value={record.description} readOnly autosize minRows={3} maxRows={24} />
          ) : (
            <DraftedTextarea
              recordType="observation"
              recordId={record.id}
              auditId={audit.id}
              field="description"
              serverValue={record.description}
              save={saveDescription}
              label="Description"
              what="description"
              placeholder={PLACEHOLDER}
              withAsterisk
            />
          )}
          <Divider />
          <AttachmentsPanel
            auditId={audit.id}
            target={{ type: 'observation', id: record.id }}
            team={audit.team}
            readOnly={readOnly}
            onChanged={onTouched}
          />
          {!readOnly && (
            <>
              <Divider />
              <DeleteButton
                noun="observation"
                description={
                  <>
                    The observation of {formatLocalDateTime(record.observedAt)}
                    {record.location ? ` at ${record.location}` : ''} will be deleted. Photos linked only to it are
                    deleted with it. This cannot be undone.
                  </>
                }
                run={() => getApi().invoke('observations.delete', { id: record.id })}
                onDeleted={() => onDeleted(record.id)}
              />
            </>
          )}
        </>
      )}
    </Stack>
  );
}
