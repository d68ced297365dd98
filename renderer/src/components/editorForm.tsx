import { Button, Group, Text } from '@mantine/core';
import { modals } from '@mantine/modals';
import { IconDeviceFloppy, IconPaperclip, IconTrash } from '@tabler/icons-react';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { ApiError, Result } from '#shared/api/result';
import { issuesToErrors, withEmptyFieldMessages, type FieldErrors } from '../lib/formErrors';
import { notifyError, notifySuccess } from '../lib/notify';

/** Checks form values against the schema the backend will use, with friendlier words for empty required fields. */
export function checkInput<S extends z.ZodType>(
  schema: S,
  values: Record<string, unknown>,
  emptyMessages: Record<string, string>,
): { ok: true; data: z.input<S> } | { ok: false; errors: FieldErrors } {
  const parsed = schema.safeParse(values);
  if (parsed.success) return { ok: true, data: values as z.input<S> };
  return { ok: false, errors: withEmptyFieldMessages(issuesToErrors(parsed.error.issues), values, emptyMessages) };
}

/** Sends a create or update; on refusal shows the server's words and returns the field errors. */
export async function send<T>(
  run: () => Promise<Result<T>>,
  prefix: string,
  failTitle: string,
): Promise<{ ok: true; value: T } | { ok: false; errors: FieldErrors; error: ApiError }> {
  const result = await run();
  if (result.ok) return result;
  notifyError(result.error, failTitle);
  return { ok: false, errors: issuesToErrors(result.error.issues, prefix), error: result.error };
}

/** Tracks one request at a time for a submit button. */
export function useBusy(): [boolean, <R>(task: () => Promise<R>) => Promise<R>] {
  const [busy, setBusy] = useState(false);
  const run = async <R,>(task: () => Promise<R>): Promise<R> => {
    setBusy(true);
    try {
      return await task();
    } finally {
      setBusy(false);
    }
  };
  return [busy, run];
}

/**
 * Registers the form's dirty check with the drawer for as long as the editor
 * is shown: once, as a function that always asks the latest form.
 */
export function useDirtyCheck(setDirtyCheck: (check: (() => boolean) | null) => void, isDirty: () => boolean) {
  const latest = useRef(isDirty);
  useEffect(() => {
    latest.current = isDirty;
  });
  useEffect(() => {
    setDirtyCheck(() => latest.current());
    return () => setDirtyCheck(null);
  }, [setDirtyCheck]);
}

/** The kinds of record the editors make: each has its own whole sentences (components:editor.<kind>.*). */
export type EditorNoun = 'interview' | 'observation' | 'document' | 'finding' | 'draft finding';
const nounKey = (noun: EditorNoun) => (noun === 'draft finding' ? 'draftFinding' : noun);

export function SubmitRow({
  creating,
  noun,
  busy,
  dirty,
}: {
  creating: boolean;
  noun: EditorNoun;
  busy: boolean;
  dirty: boolean;
}) {
  const { t } = useTranslation('components');
  return (
    <Group justify="flex-end" gap="xs">
      {!creating && dirty && (
        <Text size="xs" c="dimmed">
          {t('editor.unsaved')}
        </Text>
      )}
      {/* Never disabled: the focus would drop out of the drawer just after saving, and Esc with it. */}
      <Button
        type="submit"
        loading={busy}
        variant={creating || dirty ? 'filled' : 'default'}
        leftSection={<IconDeviceFloppy size={16} />}
      >
        {creating ? t(`editor.${nounKey(noun)}.create`) : t('editor.saveChanges')}
      </Button>
    </Group>
  );
}

/** Where attachments will be, until the record exists to link them to. */
export function AttachmentsAfterCreate({ noun }: { noun: EditorNoun }) {
  const { t } = useTranslation('components');
  return (
    <Text size="sm" c="dimmed">
      <IconPaperclip size={14} aria-hidden /> {t(`editor.${nounKey(noun)}.attachLater`)}
    </Text>
  );
}

/** A red button that asks before deleting, and says what goes with the record. */
export function DeleteButton(props: {
  noun: EditorNoun;
  description: ReactNode;
  run: () => Promise<Result<unknown>>;
  onDeleted: () => void;
}) {
  const { noun, description, run, onDeleted } = props;
  const { t } = useTranslation('components');
  const key = nounKey(noun);
  const ask = () =>
    modals.openConfirmModal({
      title: t(`editor.${key}.deleteTitle`),
      children: <Text size="sm">{description}</Text>,
      labels: { confirm: t(`editor.${key}.delete`), cancel: t('editor.cancel') },
      confirmProps: { color: 'red' },
      onConfirm: () =>
        void run().then((result) => {
          if (!result.ok) return notifyError(result.error, t(`editor.${key}.notDeleted`));
          notifySuccess(t(`editor.${key}.deleted`));
          onDeleted();
        }),
    });
  return (
    <Group justify="flex-start">
      <Button variant="subtle" color="red" leftSection={<IconTrash size={16} />} onClick={ask}>
        {t(`editor.${key}.delete`)}
      </Button>
    </Group>
  );
}
