import { useForm, type UseFormReturnType } from '@mantine/form';
import type { TFunction } from 'i18next';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { Result } from '#shared/api/result';
import type { Audit } from '#shared/domain/audit';
import { useWrite, type Write } from '../../api/ops';
import { RecordSaves } from '../../lib/drafts/recordSaves';
import { newRecordId, useFormJournal, type FormJournalState } from '../../lib/drafts/useFormJournal';
import { notifySuccess } from '../../lib/notify';
import { checkInput, send, useBusy, useDirtyCheck } from '../editorForm';
import type { EditorArgs } from './RecordDrawerPage';

export interface SavedRecord {
  id: string;
  updatedAt: string;
}

/**
 * What one kind of audit record (interview, observation, document reviewed)
 * brings to the shared editor: its form values, schemas and operations.
 * `V` the form's values, `I` the create input (what an update may patch).
 */
export interface RecordKind<T extends SavedRecord, V extends { itemIds: string[] }, I extends object> {
  /** Which kind: its sentences are `records:<noun>.*`, and the create input's field errors are under it. */
  noun: 'interview' | 'observation' | 'document';
  recordType: 'interview' | 'observation' | 'document';
  /** The long text: typed in the form while creating, then autosaved through the draft journal. */
  textField: keyof V & keyof I & keyof T & string;
  title: (record: T | null, t: TFunction<'records'>) => string;
  toValues: (record: T | null, audit: Audit) => V;
  /** The form's other values as the backend takes them. */
  toDetails: (values: V) => Partial<I>;
  /** The create input; its fields are what an update sends, as the server holds them. */
  input: z.ZodObject;
  patch: z.ZodType;
  /** Friendlier words for required fields left empty. */
  emptyMessages: (t: TFunction<'records'>) => Record<string, string>;
  /** Through `write`, so a success refreshes the reads it touches (api/invalidation.ts). */
  create: (write: Write, auditId: string, input: I) => Promise<Result<T>>;
  update: (write: Write, id: string, patch: I) => Promise<Result<T>>;
  remove: (write: Write, id: string) => Promise<Result<unknown>>;
  /** The notification once created ("Interview with Ana recorded"). */
  created: (record: T, t: TFunction<'records'>) => string;
}

export interface RecordEditor<T extends SavedRecord, V extends { itemIds: string[] }> {
  form: UseFormReturnType<V>;
  creating: boolean;
  busy: boolean;
  submit: (event?: React.FormEvent<HTMLFormElement>) => void;
  /** The drafted long text's save. */
  saveText: (text: string) => Promise<Result<T>>;
  /** Deletes the open record. */
  remove: () => Promise<Result<unknown>>;
  /** Props for the RequirementPicker of the form's `itemIds`. */
  requirements: { value: string[]; onChange: (ids: string[]) => void; error: string | undefined };
  /** The form's values journaled until saved (a new record's too), restored after a reload. */
  journal: FormJournalState;
}

/** Every field an update of `record` sends (those of the create input), as the server holds them. */
function editableOf<T extends SavedRecord, I extends object>(kind: { input: z.ZodObject }, record: T): I {
  return Object.fromEntries(Object.keys(kind.input.shape).map((k) => [k, record[k as keyof T]])) as I;
}

/**
 * The state and saving of one record in its drawer: the form's fields, the
 * dirty check the drawer asks before closing, create or save with the
 * backend's field errors, and the long text's autosave. Both saves of an
 * open record go through one SaveQueue, one after the other, each built from
 * the record as the server last returned it: the form's save sends the
 * saved text, the text's save the saved fields, so neither puts back what
 * the other just wrote.
 */
export function useRecordEditor<T extends SavedRecord, V extends { itemIds: string[] }, I extends object>(
  kind: RecordKind<T, V, I>,
  audit: Audit,
  args: EditorArgs<T>,
): RecordEditor<T, V> {
  const { record, onSaved, setDirtyCheck } = args;
  const creating = record === null;
  const { t } = useTranslation('records');
  const form = useForm<V>({ initialValues: kind.toValues(record, audit) });
  const [busy, run] = useBusy();
  const isDirty = useCallback(() => form.isDirty(), [form]);
  useDirtyCheck(setDirtyCheck, isDirty);
  const journal = useFormJournal(
    form,
    { recordType: kind.recordType, recordId: record?.id ?? newRecordId(audit.id), auditId: audit.id },
    !args.readOnly,
  );

  const write = useWrite();
  const [saves] = useState(
    () =>
      new RecordSaves<T, I>(record, (server, patch) =>
        kind.update(write, server.id, { ...editableOf<T, I>(kind, server), ...patch }),
      ),
  );
  useEffect(() => saves.seen(record), [saves, record]);

  const { noun, textField } = kind;
  const submit = form.onSubmit((values) => {
    if (!creating && !form.isDirty()) return;
    const details = kind.toDetails(values);
    const text: unknown = values[textField];
    const checked = creating
      ? checkInput(kind.input, { ...details, [textField]: text }, kind.emptyMessages(t))
      : checkInput(kind.patch, details, kind.emptyMessages(t));
    if (!checked.ok) return form.setErrors(checked.errors);
    void run(async () => {
      const result = creating
        ? await send(
            () => kind.create(write, audit.id, { ...details, [textField]: text } as I),
            noun,
            t(`${noun}.notRecorded`),
          )
        : await send(() => saves.send(details), 'patch', t(`${noun}.notSaved`));
      if (!result.ok) return form.setErrors(result.errors);
      form.resetDirty({ ...values, [textField]: result.value[textField] });
      await journal.clear();
      notifySuccess(creating ? kind.created(result.value, t) : t(`${noun}.saved`));
      onSaved(result.value);
    });
  });

  const saveText = useCallback(
    async (text: string) => {
      const result = await saves.send({ [textField]: text } as Partial<I>);
      if (result.ok) onSaved(result.value);
      return result;
    },
    [saves, textField, onSaved],
  );

  const recordId = record?.id;
  const remove = useCallback(
    () => (recordId ? kind.remove(write, recordId) : Promise.reject(new Error('The record is not saved yet'))),
    [kind, write, recordId],
  );

  return {
    form,
    creating,
    busy,
    submit,
    saveText,
    remove,
    journal,
    requirements: {
      value: form.values.itemIds,
      onChange: (ids) => form.setFieldValue('itemIds', ids as never),
      error: form.errors.itemIds as string | undefined,
    },
  };
}
