import { Kbd, Modal, Table, Text } from '@mantine/core';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { RESULT_KEYS } from '#shared/domain/checklist';

export const ShortcutsModal = memo(function ShortcutsModal({
  opened,
  onClose,
}: {
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation('checklist');
  // The list is a component of its own: the modal renders it only while open, so the checklist's first render
  // does not build (and look up the words of) a table nobody sees.
  return (
    <Modal opened={opened} onClose={onClose} title={t('shortcuts.title')} centered>
      <ShortcutList />
    </Modal>
  );
});

function ShortcutList() {
  const { t } = useTranslation('checklist');
  // Key caps stay as printed on the keys; only what they do is translated.
  const shortcuts: [keys: string[], what: string][] = [
    [['↓', 'j'], t('shortcuts.next')],
    [['↑', 'k'], t('shortcuts.previous')],
    [['Home', 'End'], t('shortcuts.firstLast')],
    ...RESULT_KEYS.map((r, i): [string[], string] => [
      [String(i)],
      t('shortcuts.result', { label: t(`labels:result.${r}`) }),
    ]),
    [['Enter'], t('shortcuts.notes')],
    [['Esc'], t('shortcuts.back')],
    [['?'], t('shortcuts.thisList')],
  ];
  return (
    <>
      <Text size="sm" c="dimmed" mb="sm">
        {t('shortcuts.intro')}
      </Text>
      <Table highlightOnHover={false} verticalSpacing={4} aria-label={t('shortcuts.title')}>
        <Table.Tbody>
          {shortcuts.map(([keys, what]) => (
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
    </>
  );
}
