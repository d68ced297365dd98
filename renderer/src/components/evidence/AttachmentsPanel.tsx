import {
  ActionIcon,
  Button,
  Group,
  SimpleGrid,
  Skeleton,
  Stack,
  Text,
  Title,
  Tooltip,
  UnstyledButton,
} from '@mantine/core';
import { modals } from '@mantine/modals';
import { IconLink, IconX } from '@tabler/icons-react';
import { memo, useCallback, useMemo, useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import type { TeamMember } from '#shared/domain/audit';
import type { Evidence, EvidenceTarget } from '#shared/domain/evidence';
import { useInvalidateAfter, useOp, useWriteOp } from '../../api/ops';
import { useActor } from '../../lib/useActor';
import { formatBytes } from '../../lib/files';
import { notifyError, notifySuccess } from '../../lib/notify';
import { errorText } from '../../i18n/errorText';
import { DropArea, DropHint, FilePickers } from './AddFiles';
import { EvidenceViewer } from './EvidenceViewer';
import { LinkExistingModal } from './LinkExistingModal';
import { linkSummary } from './links';
import { Thumb } from './Thumb';
import { useUploader } from './useUploader';

interface AttachmentsPanelProps {
  auditId: string;
  target: EvidenceTarget;
  /** The audit team: new attachments record who added them (the member using this computer). */
  team: readonly TeamMember[];
  readOnly: boolean;
}

/**
 * The attachments of one record: thumbnails, add by picker, drop or paste,
 * link one already in the audit, view, and remove. Removing the last link of
 * an attachment deletes it, so that asks first.
 */
export const AttachmentsPanel = memo(function AttachmentsPanel({
  auditId,
  target,
  team,
  readOnly,
}: AttachmentsPanelProps) {
  const list = useOp('evidence.list', { auditId, target });
  const [viewingId, setViewingId] = useState<string | null>(null);
  const [linking, setLinking] = useState(false);
  const items = list.data;
  const viewing = items?.find((e) => e.id === viewingId) ?? null;
  const { type, id } = target;
  const links = useMemo(() => [{ type, id }], [type, id]);
  const { t } = useTranslation('evidence');
  // Sentences about the record the attachments are on, whole per kind ("this interview", "cette observation").
  const on = `target.${target.type}`;

  // Adding, linking and removing refresh this list and those counting the record's attachments (api/invalidation.ts).
  const invalidateAfter = useInvalidateAfter();
  const uploaded = useCallback(() => void invalidateAfter('evidence.uploadCommit'), [invalidateAfter]);
  const uploader = useUploader({ auditId, team, links, onDone: uploaded });
  // Named in a finding's history when its attachments change.
  const by = useActor({ id: auditId, team });
  const unlinkOne = useWriteOp('evidence.unlink');

  const unlink = async (e: Evidence) => {
    const result = await unlinkOne.mutate({ id: e.id, target, by });
    if (!result.ok) return notifyError(result.error, t('panel.notRemoved'));
    notifySuccess(
      result.value.evidence
        ? t(`${on}.removed`, { name: e.originalName })
        : t('panel.deleted', { name: e.originalName }),
    );
  };
  const requestUnlink = (e: Evidence) => {
    if (e.links.length > 1) return void unlink(e);
    modals.openConfirmModal({
      title: t('panel.deleteTitle'),
      children: (
        <Text size="sm">
          <Trans t={t} i18nKey={`${on}.onlyHere`} values={{ name: e.originalName }} components={{ b: <b /> }} />
        </Text>
      ),
      labels: { confirm: t('panel.deleteConfirm'), cancel: t('panel.keep') },
      confirmProps: { color: 'red' },
      onConfirm: () => void unlink(e),
    });
  };

  const count = items?.length ?? 0;
  return (
    <DropArea onFiles={uploader.start} enabled={!readOnly} label={t('panel.label')}>
      <Stack gap="sm" data-testid="attachments-panel">
        <Group justify="space-between" gap="xs">
          <Title order={3} size="h6" data-testid="attachment-count" data-count={items ? count : undefined}>
            {items ? t('panel.titleCount', { count }) : t('panel.title')}
          </Title>
          {!readOnly && (
            <Group gap="xs">
              <FilePickers onFiles={uploader.start} disabled={uploader.busy} />
              <Button size="xs" variant="default" leftSection={<IconLink size={14} />} onClick={() => setLinking(true)}>
                {t('panel.linkExisting')}
              </Button>
            </Group>
          )}
        </Group>

        {!items ? (
          list.error ? (
            <Text size="sm" c="red">
              {errorText(list.error)}
            </Text>
          ) : (
            <Skeleton height={96} />
          )
        ) : count === 0 ? (
          <Text size="sm" c="dimmed">
            {readOnly ? t(`${on}.noneReadOnly`) : t(`${on}.none`)}
          </Text>
        ) : (
          <SimpleGrid cols={{ base: 2, xs: 3, sm: 4 }} spacing="sm" role="list" aria-label={t('panel.listLabel')}>
            {items.map((e) => (
              <Tile key={e.id} evidence={e} readOnly={readOnly} onOpen={setViewingId} onRemove={requestUnlink} />
            ))}
          </SimpleGrid>
        )}
        {!readOnly && <DropHint />}
      </Stack>
      {uploader.modal}
      <EvidenceViewer
        evidence={viewing}
        onClose={() => setViewingId(null)}
        readOnly={readOnly}
        links={viewing ? linkSummary(viewing.links, t) : undefined}
      />
      <LinkExistingModal
        opened={linking}
        auditId={auditId}
        target={target}
        by={by}
        linked={items ?? []}
        onClose={() => setLinking(false)}
      />
    </DropArea>
  );
}, samePanel);

/** The target arrives as a fresh object on every render of the editor around it; compare its parts. */
function samePanel(a: AttachmentsPanelProps, b: AttachmentsPanelProps): boolean {
  return (
    a.auditId === b.auditId &&
    a.target.type === b.target.type &&
    a.target.id === b.target.id &&
    a.team === b.team &&
    a.readOnly === b.readOnly
  );
}

function Tile(props: {
  evidence: Evidence;
  readOnly: boolean;
  onOpen: (id: string) => void;
  onRemove: (e: Evidence) => void;
}) {
  const { evidence: e, readOnly, onOpen, onRemove } = props;
  const { t } = useTranslation('evidence');
  return (
    <div role="listitem" data-testid="attachment-tile" data-evidence-id={e.id} style={{ position: 'relative' }}>
      <UnstyledButton onClick={() => onOpen(e.id)} aria-label={t('panel.view', { name: e.originalName })} w="100%">
        <Stack gap={4} align="center">
          <Thumb evidence={e} size={96} />
          <Text size="xs" truncate="end" maw="100%" title={e.originalName}>
            {e.originalName}
          </Text>
          <Text size="xs" c="dimmed" lh={1}>
            {formatBytes(e.size)}
          </Text>
        </Stack>
      </UnstyledButton>
      {!readOnly && (
        <Tooltip label={t('panel.remove')}>
          <ActionIcon
            variant="default"
            size="sm"
            radius="xl"
            aria-label={t('panel.removeNamed', { name: e.originalName })}
            onClick={() => onRemove(e)}
            style={{ position: 'absolute', top: -4, right: -4 }}
          >
            <IconX size={12} />
          </ActionIcon>
        </Tooltip>
      )}
    </div>
  );
}
