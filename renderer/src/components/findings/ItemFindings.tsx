import { Anchor, Button, Group, Stack, Text } from '@mantine/core';
import { IconAlertOctagon } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { TeamMember } from '#shared/domain/audit';
import type { ChecklistItem } from '#shared/domain/checklist';
import type { FindingType } from '#shared/domain/finding';
import { useOp, useWriteOp } from '../../api/ops';
import { navigate } from '../../lib/router';
import { notifyError } from '../../lib/notify';
import { i18n } from '../../i18n/instance';
import { findingName, StatusBadge, TypeBadge } from './labels';
import { useActor } from '../../lib/useActor';

/** The finding a result calls for; other results raise none from here. */
const TYPE_FOR: Partial<Record<ChecklistItem['result'], FindingType>> = {
  major_nc: 'major',
  minor_nc: 'minor',
  ofi: 'ofi',
};

/** Why nothing is raised yet (the backend refuses it too, in requireRaisingAudit). */
export const raiseBlockedWhilePlanned = (): string => i18n.t('findings:item.raiseBlocked');

const findingHref = (auditId: string, id: string) =>
  `/audits/${encodeURIComponent(auditId)}/findings?open=${encodeURIComponent(id)}`;

/** On a checklist item: the findings raised against it, and "Raise finding" when its result calls for one. */
export function ItemFindings(props: { item: ChecklistItem; team: readonly TeamMember[]; readOnly: boolean }) {
  const { item, team, readOnly } = props;
  const { t } = useTranslation('findings');
  const actor = useActor({ id: item.auditId, team });
  const list = useOp('findings.list', { auditId: item.auditId });
  const raise = useWriteOp('findings.fromItem');
  // The same answer the audit page holds: findings wait until the audit is started.
  const planned = useOp('audits.get', { id: item.auditId }).data?.status === 'planned';
  const type = TYPE_FOR[item.result];
  const mine = (list.data ?? []).filter((f) => f.requirements.some((r) => r.itemId === item.id));
  if (!type && mine.length === 0) return null;

  const start = async () => {
    if (!type) return;
    const result = await raise.mutate({ itemId: item.id, type, by: actor });
    if (!result.ok) return notifyError(result.error, t('item.raiseFailed'));
    navigate(findingHref(item.auditId, result.value.id));
  };

  return (
    <Stack gap={6} role="region" aria-label={t('item.label')}>
      <Group justify="space-between">
        <Text size="sm" fw={500}>
          {t('item.title')}
        </Text>
        {type && !readOnly && (
          <Button
            size="xs"
            variant="light"
            color="red"
            leftSection={<IconAlertOctagon size={14} />}
            loading={raise.pending}
            disabled={planned}
            aria-describedby={planned ? `raise-blocked-${item.id}` : undefined}
            onClick={() => void start()}
          >
            {t('item.raise')}
          </Button>
        )}
      </Group>
      {type && !readOnly && planned && (
        <Text size="xs" c="dimmed" id={`raise-blocked-${item.id}`}>
          {t('item.raiseBlocked')}
        </Text>
      )}
      {mine.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('item.none')}
        </Text>
      ) : (
        mine.map((f) => (
          <Group key={f.id} gap="xs" wrap="nowrap">
            <Anchor href={`#${findingHref(item.auditId, f.id)}`} size="sm" fw={500}>
              {findingName(f)}
            </Anchor>
            <TypeBadge type={f.type} />
            <StatusBadge status={f.status} />
          </Group>
        ))
      )}
    </Stack>
  );
}
