import { Badge, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { type Finding, type FindingStatus, type FindingType } from '#shared/domain/finding';
import { i18n } from '../../i18n/instance';
import { formatDay } from '../../lib/format';

/** One colour per finding type, close to the checklist's result colours. */
export const TYPE_COLORS: Record<FindingType, string> = {
  major: 'red',
  minor: 'orange',
  ofi: 'yellow',
  positive: 'teal',
};

export const STATUS_COLORS: Record<FindingStatus, string> = {
  draft: 'gray',
  open: 'blue',
  response_received: 'violet',
  response_accepted: 'indigo',
  verified: 'teal',
  closed: 'dark',
};

export function TypeBadge({ type }: { type: FindingType }) {
  const { t } = useTranslation('findings');
  return (
    <Badge color={TYPE_COLORS[type]} variant="light" radius="sm" data-finding-type={type}>
      {t(`typeShort.${type}`)}
    </Badge>
  );
}

export function StatusBadge({ status }: { status: FindingStatus }) {
  const { t } = useTranslation('labels');
  return (
    <Badge color={STATUS_COLORS[status]} variant="outline" radius="sm" tt="none" data-finding-status={status}>
      {t(`findingStatus.${status}`)}
    </Badge>
  );
}

/** The number, or "Draft" until it is issued. */
export const findingName = (f: Pick<Finding, 'number'>): string => f.number ?? i18n.t('findings:draft');

export function excerpt(text: string, max = 90): string {
  const line = text.trim().replace(/\s+/g, ' ');
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}

/** The response due date; red with an "Overdue" badge when late, and the new-Stage-2 flag for old majors. */
export function DueCell({ finding }: { finding: Pick<Finding, 'responseDue' | 'overdue' | 'needsNewStage2'> }) {
  const { responseDue, overdue, needsNewStage2 } = finding;
  const { t } = useTranslation('findings');
  return (
    <Group gap={6} wrap="nowrap">
      {responseDue ? (
        <Text span size="sm" c={overdue ? 'red' : undefined} fw={overdue ? 600 : undefined}>
          {formatDay(responseDue)}
        </Text>
      ) : (
        <Text span size="sm" c="dimmed">
          —
        </Text>
      )}
      {overdue && (
        <Badge color="red" size="sm" radius="sm" data-overdue>
          {t('overdue')}
        </Badge>
      )}
      {needsNewStage2 && (
        <Badge color="red" variant="outline" size="sm" radius="sm" tt="none">
          {t('newStage2')}
        </Badge>
      )}
    </Group>
  );
}
