import { Divider, Grid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useCallback } from 'react';
import type { Audit } from '#shared/domain/audit';
import { DocumentInput, DocumentPatch, type DocumentReviewed } from '#shared/domain/records';
import { getApi } from '../../api/client';
import { notifySuccess } from '../../lib/notify';
import { DraftedTextarea } from '../../components/DraftedTextarea';
import { checkInput, DeleteButton, send, SubmitRow, useBusy, useDirtyCheck } from '../../components/editorForm';
import type { EditorArgs } from './RecordsLayout';
import { RequirementPicker } from '../../components/RequirementPicker';
import type { AuditRefs } from '../../lib/useAuditRefs';
import { useSerialSaves } from './useSerialSaves';

interface Values {
  title: string;
  identifier: string;
  revision: string;
  /** '' in the date field means none. */
  documentDate: string;
  owner: string;
  itemIds: string[];
  /** Only typed here while creating; afterwards the drafted field below owns it. */
  notes: string;
}

const EMPTY_MESSAGES = { title: 'Name the document reviewed' };
const PLACEHOLDER = 'What the document covers, what was checked in it, anything missing or out of date';

const toValues = (d: DocumentReviewed | null): Values => ({
  title: d?.title ?? '',
  identifier: d?.identifier ?? '',
  revision: d?.revision ?? '',
  documentDate: d?.documentDate ?? '',
  owner: d?.owner ?? '',
  itemIds: d?.itemIds ?? [],
  notes: d?.notes ?? '',
});

const toInput = ({ documentDate, ...rest }: Omit<Values, 'notes'>) => ({
  ...rest,
  documentDate: documentDate || null,
});

/** Everything but the notes, as the server holds it. */
const detailsOf = (d: DocumentReviewed) => ({
  title: d.title,
  identifier: d.identifier,
  revision: d.revision,
  documentDate: d.documentDate,
  owner: d.owner,
  itemIds: d.itemIds,
});

export const documentTitle = (d: DocumentReviewed | null): string => (d ? d.title : 'New document reviewed');

/**
 * Create or edit one document reviewed. Documents are seen, not copied:
 * there is no attachment, only what identifies the version that was read.
 */
export function DocumentEditor(props: { audit: Audit; refs: AuditRefs; args: EditorArgs<DocumentReviewed> }) {
  const { audit, refs, args } = props;
  const { record, readOnly, onSaved, onDeleted, setDirtyCheck } = args;
  const creating = record === null;
  const form = useForm<Values>({ initialValues: toValues(record) });
  const [busy, run] = useBusy();
  const serial = useSerialSaves(record);
  const isDirty = useCallback(() => form.isDirty(), [form]);
  useDirtyCheck(setDirtyCheck, isDirty);

  const submit = form.onSubmit((values) => {
    if (!creating && !form.isDirty()) return;
    const { notes, ...fields } = values;
    const details = toInput(fields);
    const checked = creating
      ? checkInput(DocumentInput, { ...details, notes }, EMPTY_MESSAGES)
      : checkInput(DocumentPatch, details, EMPTY_MESSAGES);
    if (!checked.ok) return form.setErrors(checked.errors);
    void run(async () => {
      const api = getApi();
      const result = creating
        ? await send(
            () => api.invoke('documents.create', { auditId: audit.id, document: { ...details, notes } }),
            'document',
            'The document was not recorded',
          )
        : await send(
            () =>
              serial((server) =>
                api.invoke('documents.update', { id: server.id, patch: { ...details, notes: server.notes } }),
              ),
            'patch',
            'The document was not saved',
          );
      if (!result.ok) return form.setErrors(result.errors);
      form.resetDirty({ ...values, notes: result.value.notes });
      notifySuccess(creating ? `“${result.value.title}” recorded` : 'Document saved');
      onSaved(result.value);
    });
  });

  const saveNotes = useCallback(
    async (notes: string) => {
      const result = await serial((server) =>
        getApi().invoke('documents.update', { id: server.id, patch: { ...detailsOf(server), notes } }),
      );
      if (result.ok) onSaved(result.value);
      return result;
    },
    [serial, onSaved],
  );

  return (
    <Stack gap="md">
      <form onSubmit={submit} noValidate aria-label={creating ? 'New document reviewed' : 'Document details'}>
        <Stack gap="sm">
          <TextInput
            label="Title"
            withAsterisk
            placeholder="Information security policy"
            readOnly={readOnly}
            data-autofocus
            {...form.getInputProps('title')}
          />
          <Grid gap="sm">
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <TextInput
                label="Identifier"
                placeholder="ISMS-POL-001"
                readOnly={readOnly}
                {...form.getInputProps('identifier')}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <TextInput label="Version or revision" readOnly={readOnly} {...form.getInputProps('revision')} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <TextInput
                type="date"
                label="Document date"
                readOnly={readOnly}
                {...form.getInputProps('documentDate')}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <TextInput label="Owner" readOnly={readOnly} {...form.getInputProps('owner')} />
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
              minRows={4}
              maxRows={20}
              placeholder={PLACEHOLDER}
              {...form.getInputProps('notes')}
            />
          )}
          {!readOnly && <SubmitRow creating={creating} noun="document" busy={busy} dirty={form.isDirty()} />}
        </Stack>
      </form>
      <Text size="xs" c="dimmed">
        Documents are recorded as seen, not copied into the audit: note what identifies the version you read.
      </Text>

      {!creating && (
        <>
          <Divider />
          {readOnly ? (
            <Textarea label="Notes" value={record.notes} readOnly autosize minRows={3} maxRows={24} />
          ) : (
            <DraftedTextarea
              recordType="document"
              recordId={record.id}
              auditId={audit.id}
              field="notes"
              serverValue={record.notes}
              save={saveNotes}
              label="Notes"
              what="notes"
              placeholder={PLACEHOLDER}
            />
          )}
          {!readOnly && (
            <>
              <Divider />
              <DeleteButton
                noun="document"
                description={
                  <>
                    The record of <b>{record.title}</b> and its notes will be deleted. This cannot be undone.
                  </>
                }
                run={() => getApi().invoke('documents.delete', { id: record.id })}
                onDeleted={() => onDeleted(record.id)}
              />
            </>
          )}
        </>
      )}
    </Stack>
  );
}
