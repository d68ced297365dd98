import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useOp } from '../../api/ops';

/** Where the audit plan expects this item to be audited: one read-only line, absent when no session lists it. */
export function PlannedSessions({ itemId }: { itemId: string }) {
  const { t } = useTranslation('checklist');
  const sessions = useOp('plan.itemSessions', { itemId }).data ?? [];
  if (sessions.length === 0) return null;
  return (
    <Text size="sm" data-planned>
      <b>{t('editor.planned')}</b>{' '}
      <span translate="no">
        {sessions
          .map((s) => `${s.day} ${s.startTime}–${s.endTime} · ${s.topic}${s.auditorName ? ` (${s.auditorName})` : ''}`)
          .join('; ')}
      </span>
    </Text>
  );
}
