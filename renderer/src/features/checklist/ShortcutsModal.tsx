import { Kbd, Modal, Table, Text } from '@mantine/core';
import { memo } from 'react';
import { RESULT_KEYS } from '#shared/domain/checklist';
import { resultLabel } from '../../lib/checklistResults';

const SHORTCUTS: [keys: string[], what: string][] = [
  [['↓', 'j'], 'Next item'],
  [['↑', 'k'], 'Previous item'],
  [['Home', 'End'], 'First or last item'],
  ...RESULT_KEYS.map((r, i): [string[], string] => [[String(i)], `Result: ${resultLabel(r)}`]),
  [['Enter'], 'Write notes for the selected item'],
  [['Esc'], 'Back from the notes to the list'],
  [['?'], 'This list'],
];

export const ShortcutsModal = memo(function ShortcutsModal({
  opened,
  onClose,
}: {
  opened: boolean;
  onClose: () => void;
}) {
  return (
    <Modal opened={opened} onClose={onClose} title="Keyboard shortcuts" centered>
      <Text size="sm" c="dimmed" mb="sm">
        They work while the checklist has the focus, not while you type in a field.
      </Text>
      <Table highlightOnHover={false} verticalSpacing={4} aria-label="Keyboard shortcuts">
        <Table.Tbody>
          {SHORTCUTS.map(([keys, what]) => (
            <Table.Tr key={what}>
              <Table.Td w={120}>
                {keys.map((k, i) => (
                  <span key={k}>
                    {i > 0 && ' '}
                    <Kbd>{k}</Kbd>
                  </span>
                ))}
              </Table.Td>
              <Table.Td>
                <Text size="sm">{what}</Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Modal>
  );
});
