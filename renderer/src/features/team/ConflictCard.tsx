import { Badge, Button, Card, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { modals } from '@mantine/modals';
import { IconGitMerge, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import type { ConflictCandidate, ConflictResolveInput, ConflictView } from '#shared/domain/team';
import { formatTimestamp } from '../../lib/format';
import { CombineModal } from './CombineModal';
import { fieldLabel, isTextField, KIND_LABELS, shortId, valueInWords } from './labels';

type Choice = ConflictResolveInput['choice'];

interface Props {
  conflict: ConflictView;
  busy: boolean;
  onResolve: (choice: Choice) => Promise<boolean>;
}

const whoAndWhen = (c: ConflictCandidate) =>
  `${c.author || 'Unknown author'} · data folder ${shortId(c.device)} · ${formatTimestamp(c.at)}`;

/** One open conflict: its candidates side by side, and the ways to decide it. */
export function ConflictCard({ conflict, busy, onResolve }: Props) {
  const [combining, setCombining] = useState(false);
  const deletion = conflict.field === null;
  const what = deletion ? 'Deleted on one side, edited on the other' : fieldLabel(conflict.field ?? '');
  const shown = conflict.candidates.at(-1)?.clock;
  const textual =
    isTextField(conflict.field) && conflict.candidates.every((c) => !c.deleted && typeof c.value === 'string');

  const confirmDelete = () =>
    modals.openConfirmModal({
      title: 'Delete this record?',
      children: (
        <Text size="sm">
          <b>{conflict.label}</b> will be deleted here, and on the other computers when they import your next package.
          The edits made to it stay readable in the history.
        </Text>
      ),
      labels: { confirm: 'Delete it', cancel: 'Keep it for now' },
      confirmProps: { color: 'red' },
      onConfirm: () => void onResolve({ kind: 'delete' }),
    });

  return (
    <Card withBorder component="article" aria-label={`Conflict: ${conflict.label} — ${what}`}>
      <Stack gap="sm">
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <div>
            <Text fw={600}>{conflict.label}</Text>
            <Text size="sm" c="dimmed">
              {what}
            </Text>
          </div>
          <Badge variant="light" color="gray">
            {KIND_LABELS[conflict.kind]}
          </Badge>
        </Group>
        <SimpleGrid cols={{ base: 1, sm: Math.min(conflict.candidates.length, 3) }}>
          {conflict.candidates.map((c) => (
            <Card
              key={c.clock}
              withBorder
              padding="sm"
              role="group"
              aria-label={`${c.author || 'Unknown'}’s ${c.deleted ? 'deletion' : 'version'}`}
            >
              <Stack gap="xs" h="100%" justify="space-between">
                <Stack gap={4}>
                  <Group gap="xs">
                    <Text size="xs" c="dimmed">
                      {whoAndWhen(c)}
                    </Text>
                    {c.clock === shown && (
                      <Badge size="xs" variant="outline">
                        Shown now
                      </Badge>
                    )}
                  </Group>
                  {c.deleted ? (
                    <Text size="sm" fs="italic" c="red">
                      Deleted the record
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
                    aria-label={`Keep this value (${c.author || 'unknown author'}, ${formatTimestamp(c.at)})`}
                  >
                    Keep this value
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
                  Keep the record
                </Button>
                <Button
                  size="xs"
                  variant="light"
                  color="red"
                  leftSection={<IconTrash size={14} />}
                  disabled={busy}
                  onClick={confirmDelete}
                >
                  Delete it
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
                Combine…
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
