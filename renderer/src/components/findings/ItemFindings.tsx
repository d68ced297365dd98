import { Anchor, Button, Group, Stack, Text } from '@mantine/core';
import { IconAlertOctagon } from '@tabler/icons-react';
import type { TeamMember } from '#shared/domain/audit';
import type { ChecklistItem } from '#shared/domain/checklist';
import type { FindingType } from '#shared/domain/finding';
import { useOp, useWriteOp } from '../../api/ops';
import { navigate } from '../../lib/router';
import { notifyError } from '../../lib/notify';
import { findingName, StatusBadge, TypeBadge } from './labels';
import { useActor } from '../../lib/useActor';

/** The finding a result calls for; other results raise none from here. */
const TYPE_FOR: Partial<Record<ChecklistItem['result'], FindingType>> = {
  major_nc: 'major',
  minor_nc: 'minor',
  ofi: 'ofi',
};

const findingHref = (auditId: string, id: string) =>
  `/audits/${encodeURIComponent(auditId)}/findings?open=${encodeURIComponent(id)}`;

/** On a checklist item: the findings raised against it, and "Raise finding" when its result calls for one. */
export function ItemFindings(props: { item: ChecklistItem; team: readonly TeamMember[]; readOnly: boolean }) {
  const { item, team, readOnly } = props;
  const actor = useActor({ id: item.auditId, team });
  const list = useOp('findings.list', { auditId: item.auditId });
  const raise = useWriteOp('findings.fromItem');
  const type = TYPE_FOR[item.result];
  const mine = (list.data ?? []).filter((f) => f.requirements.some((r) => r.itemId === item.id));
  if (!type && mine.length === 0) return null;

  const start = async () => {
    if (!type) return;
    const result = await raise.mutate({ itemId: item.id, type, by: actor });
    if (!result.ok) return notifyError(result.error, 'The finding was not started');
    navigate(findingHref(item.auditId, result.value.id));
  };

  return (
    <Stack gap={6} role="region" aria-label="Findings for this item">
      <Group justify="space-between">
        <Text size="sm" fw={500}>
          Findings
        </Text>
        {type && !readOnly && (
          <Button
            size="xs"
            variant="light"
            color="red"
            leftSection={<IconAlertOctagon size={14} />}
            loading={raise.pending}
            onClick={() => void start()}
          >
            Raise finding
          </Button>
        )}
      </Group>
      {mine.length === 0 ? (
        <Text size="sm" c="dimmed">
          None raised yet.
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
