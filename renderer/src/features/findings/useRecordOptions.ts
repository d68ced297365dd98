import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { FindingRecordRef } from '#shared/domain/finding';
import { useOp } from '../../api/ops';
import { formatLocalDateTime } from '../../lib/dateTime';

/** MultiSelect values are "type:id", so one control picks interviews, observations and documents. */
export const encodeRecord = (r: FindingRecordRef): string => `${r.type}:${r.id}`;
export function decodeRecord(value: string): FindingRecordRef {
  const [type, id = ''] = value.split(':', 2);
  return { type: type as FindingRecordRef['type'], id };
}

const short = (text: string) => {
  const line = text.trim().split(/\r?\n/, 1)[0] ?? '';
  return line.length > 60 ? `${line.slice(0, 59)}…` : line;
};

/** The audit's interviews, observations and documents reviewed, grouped for a MultiSelect. */
export function useRecordOptions(auditId: string) {
  const interviews = useOp('interviews.list', { auditId });
  const observations = useOp('observations.list', { auditId });
  const documents = useOp('documents.list', { auditId });
  const { t } = useTranslation('findings');
  return useMemo(
    () =>
      [
        {
          group: t('form.interviews'),
          items: (interviews.data ?? []).map((i) => ({
            value: `interview:${i.id}`,
            label: `${i.intervieweeName}${i.intervieweeRole ? `, ${i.intervieweeRole}` : ''} (${formatLocalDateTime(i.heldAt)})`,
          })),
        },
        {
          group: t('form.observations'),
          items: (observations.data ?? []).map((o) => ({
            value: `observation:${o.id}`,
            label: short(o.description) || t('form.observationOf', { when: formatLocalDateTime(o.observedAt) }),
          })),
        },
        {
          group: t('form.documents'),
          items: (documents.data ?? []).map((d) => ({ value: `document:${d.id}`, label: d.title })),
        },
      ].filter((g) => g.items.length > 0),
    [interviews.data, observations.data, documents.data, t],
  );
}
