import { Badge, Button, Card, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { modals } from '@mantine/modals';
import { IconGitMerge, IconTrash } from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import type { ConflictCandidate, ConflictResolveInput, ConflictView } from '#shared/domain/team';
import { formatTimestamp } from '../../lib/format';
import { CombineModal } from './CombineModal';
import { fieldLabel, isTextField, kindLabel, shortId, valueInWords } from './labels';

type Choice = ConflictResolveInput['choice'];

interface Props {
  conflict: ConflictView;
  busy: boolean;
  onResolve: (choice: Choice) => Promise<boolean>;
}

const whoAndWhen = (c: ConflictCandidate, t: TFunction<'team'>) =>
  t('card.whoAndWhen', {
    author: c.author || t('card.unknownAuthor'),
    folder: shortId(c.device),
    at: formatTimestamp(c.at),
  });

/** One open conflict: its candidates side by side, and the ways to decide it. */
export function ConflictCard({ conflict, busy, onResolve }: Props) {
  const { t } = useTranslation('team');
  const [combining, setCombining] = useState(false);
  const deletion = conflict.field === null;
  const what = deletion ? t('card.deletedEdited') : fieldLabel(conflict.field ?? '');
  const shown = conflict.candidates.at(-1)?.clock;
  const textual =
    isTextField(conflict.field) && conflict.candidates.every((c) => !c.deleted && typeof c.value === 'string');

  const confirmDelete = () =>
    modals.openConfirmModal({
      title: t('card.deleteTitle'),
      children: (
        <Text size="sm">
          <Trans t={t} i18nKey="card.deleteText" components={{ record: <b>{conflict.label}</b> }} />
        </Text>
      ),
      labels: { confirm: t('card.delete'), cancel: t('card.keepForNow') },
      confirmProps: { color: 'red' },
      onConfirm: () => void onResolve({ kind: 'delete' }),
    });

  return (
    <Card withBorder component="article" aria-label={t('card.label', { label: conflict.label, what })}>
      <Stack gap="sm">
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <div>
            <Text fw={600}>{conflict.label}</Text>
            <Text size="sm" c="dimmed">
              {what}
            </Text>
          </div>
          <Badge variant="light" color="gray">
            {kindLabel(conflict.kind)}
          </Badge>
        </Group>
        <SimpleGrid cols={{ base: 1, sm: Math.min(conflict.candidates.length, 3) }}>
          {conflict.candidates.map((c) => (
            <Card
              key={c.clock}
              withBorder
              padding="sm"
              role="group"
              aria-label={t(c.deleted ? 'card.deletionOf' : 'card.versionOf', {
                author: c.author || t('card.unknown'),
              })}
            >
              <Stack gap="xs" h="100%" justify="space-between">
                <Stack gap={4}>
                  <Group gap="xs">
                    <Text size="xs" c="dimmed">
                      {whoAndWhen(c, t)}
                    </Text>
                    {c.clock === shown && (
                      <Badge size="xs" variant="outline">
                        {t('card.shownNow')}
                      </Badge>
                    )}
                  </Group>
                  {c.deleted ? (
                    <Text size="sm" fs="italic" c="red">
                      {t('card.deletedRecord')}
                    </Text>
                  ) : (
                    <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                      {valueInWords(conflict.table, conflict.field, c.value)}
                    </Text>
                  )}
                </Stack>
                {!deletion && (
                  <Button
                    size="xs"
                    variant="light"
                    disabled={busy}
                    onClick={() =>
                      void onResolve({ kind: 'value', value: c.value as string | number | boolean | null })
                    }
                    aria-label={t('card.keepValueOf', {
                      author: c.author || t('card.unknownAuthorLower'),
                      at: formatTimestamp(c.at),
                    })}
                  >
                    {t('card.keepValue')}
                  </Button>
                )}
              </Stack>
            </Card>
          ))}
        </SimpleGrid>
        {(deletion || textual) && (
          <Group gap="sm">
            {deletion && (
              <>
                <Button size="xs" variant="light" disabled={busy} onClick={() => void onResolve({ kind: 'keep' })}>
                  {t('card.keepRecord')}
                </Button>
                <Button
                  size="xs"
                  variant="light"
                  color="red"
                  leftSection={<IconTrash size={14} />}
                  disabled={busy}
                  onClick={confirmDelete}
                >
                  {t('card.delete')}
                </Button>
              </>
            )}
            {textual && (
              <Button
                size="xs"
                variant="default"
                leftSection={<IconGitMerge size={14} />}
                disabled={busy}
                onClick={() => setCombining(true)}
              >
                {t('card.combine')}
              </Button>
            )}
          </Group>
        )}
      </Stack>
      {combining && (
        <CombineModal
          conflict={conflict}
          onClose={() => setCombining(false)}
          onSave={(text) => onResolve({ kind: 'value', value: text })}
        />
      )}
    </Card>
  );
}
