import type { UseFormReturnType } from '@mantine/form';
import { useCallback, useEffect, useRef, useState } from 'react';
import { getDraftJournal } from './instance';
import { draftKey, type DraftRecordType } from './journal';

/** Which form a journal entry belongs to; `recordId` is `new:<scope>` while the record does not exist yet. */
export interface FormJournalRef {
  recordType: DraftRecordType;
  recordId: string;
  /** The form's name within the record ("form", "response"); default "form". */
  field?: string;
  /** The audit the record belongs to; '' for records outside audits (clients). */
  auditId: string;
}

export interface FormJournalState {
  /** When the restored values were typed (ISO), while values from an earlier session are shown. */
  restoredAt: string | null;
  /** Forgets the journaled values (call once the backend saved the form). */
  clear: () => Promise<void>;
  /** Forgets them and shows the form's initial values again. */
  discard: () => void;
}

/** The id a form for a record not yet created journals under: one per kind and scope (the audit). */
export const newRecordId = (scope: string) => `new:${scope}`;

/**
 * Journals a whole form (every field, as JSON) in the draft journal while it
 * differs from its initial values, and puts the values back when the form is
 * opened again after a reload, a crash or a refused save — for the forms that
 * are saved with a button rather than as typed (new records, findings, client
 * responses, clients). `enabled` false: read-only forms journal nothing.
 */
export function useFormJournal<V extends object>(
  form: UseFormReturnType<V>,
  ref: FormJournalRef,
  enabled = true,
): FormJournalState {
  const journal = getDraftJournal();
  const full = { recordType: ref.recordType, recordId: ref.recordId, field: ref.field ?? 'form' };
  const key = draftKey(full);
  const [restoredAt, setRestoredAt] = useState<string | null>(null);
  // Keystrokes are journaled only once the earlier entry was read: they must not overwrite it first.
  const [loadedKey, setLoadedKey] = useState<string | null>(null);
  const latest = useRef({ form, full, auditId: ref.auditId });
  // First of the effects, so the others see this render's form and key.
  useEffect(() => {
    latest.current = { form, full, auditId: ref.auditId };
  });

  useEffect(() => {
    if (!enabled) return;
    let live = true;
    void journal.get(latest.current.full).then((entry) => {
      if (!live) return;
      const { form: f } = latest.current;
      const values = entry ? parseValues<V>(entry.text) : null;
      // Typed before the entry was read: what is in the form now is newer.
      if (entry && values && !f.isDirty() && entry.text !== JSON.stringify(f.getValues())) {
        f.setValues(values);
        setRestoredAt(entry.updatedAt);
      }
      setLoadedKey(key);
    });
    return () => {
      live = false;
    };
  }, [journal, key, enabled]);

  const text = JSON.stringify(form.values);
  const dirty = form.isDirty();
  useEffect(() => {
    if (!enabled || loadedKey !== key) return;
    const { full: ref, auditId, form: f } = latest.current;
    if (dirty) journal.write({ ...ref, auditId, text, baseText: JSON.stringify(f.getInitialValues()) });
    else void journal.remove(ref);
  }, [journal, enabled, loadedKey, key, text, dirty]);

  const clear = useCallback(async () => {
    setRestoredAt(null);
    await journal.remove(latest.current.full);
  }, [journal]);

  const discard = useCallback(() => {
    const { form: f, full: ref } = latest.current;
    setRestoredAt(null);
    void journal.remove(ref);
    f.setValues(f.getInitialValues());
  }, [journal]);

  return { restoredAt, clear, discard };
}

function parseValues<V>(text: string): V | null {
  try {
    const parsed: unknown = JSON.parse(text);
    return parsed && typeof parsed === 'object' ? (parsed as V) : null;
  } catch {
    return null;
  }
}
