import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import classes from './checklist.module.css';
import type { SaveStatus } from '../../lib/drafts/saveQueue';

/**
 * Says whether every edit has reached the database; a polite live region so
 * screen readers hear it. The same two elements in every state (a dot and the
 * words): it changes on every key press, so it should cost nothing.
 */
export const SaveIndicator = memo(function SaveIndicator({ status }: { status: SaveStatus }) {
  const { t } = useTranslation('checklist');
  const label =
    status.state === 'failed'
      ? t(status.retrying ? 'save.retrying' : 'save.failed', { message: status.message })
      : t(`save.${status.state}`);
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
