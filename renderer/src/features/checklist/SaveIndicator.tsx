import { memo } from 'react';
import classes from './checklist.module.css';
import type { SaveStatus } from '../../lib/drafts/saveQueue';

const LABELS: Record<SaveStatus['state'], string> = {
  idle: 'Changes save automatically',
  saving: 'Saving…',
  saved: 'All changes saved',
  failed: 'Not saved',
};

/**
 * Says whether every edit has reached the database; a polite live region so
 * screen readers hear it. The same two elements in every state (a dot and the
 * words): it changes on every key press, so it should cost nothing.
 */
export const SaveIndicator = memo(function SaveIndicator({ status }: { status: SaveStatus }) {
  const label =
    status.state === 'failed'
      ? `${status.retrying ? 'Not saved — retrying' : 'Not saved'}: ${status.message}`
      : LABELS[status.state];
  return (
    <span
      className={classes.save}
      role="status"
      aria-live="polite"
      data-save-state={status.state}
      style={{ whiteSpace: 'nowrap' }}
    >
      <span className={classes.saveDot} aria-hidden />
      {label}
    </span>
  );
});
