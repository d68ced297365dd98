import { ActionIcon, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { IconTrash, IconUserPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { newContactRow, type ClientFormValues } from './clientFormValues';

/** Inline rows; visible labels on the first row, every row a labelled group. */
export function ContactsEditor({ form }: { form: UseFormReturnType<ClientFormValues> }) {
  const { t } = useTranslation('clients');
  const rows = form.values.contacts;
  const field = (label: string, first: boolean) => (first ? { label } : { 'aria-label': label });
  return (
    <Stack gap="xs">
      {rows.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('contactRows.empty')}
        </Text>
      )}
      {rows.map((row, i) => (
        <Group
          key={row.key}
          role="group"
          aria-label={t('contactRows.group', { n: i + 1 })}
          gap="xs"
          align="flex-start"
          wrap="nowrap"
        >
          <TextInput
            {...field(t('contactRows.name'), i === 0)}
            style={{ flex: 2 }}
            {...form.getInputProps(`contacts.${i}.name`)}
          />
          <TextInput
            {...field(t('contactRows.role'), i === 0)}
            placeholder={t('contactRows.rolePlaceholder')}
            style={{ flex: 2 }}
            {...form.getInputProps(`contacts.${i}.role`)}
          />
          <TextInput
            {...field(t('contactRows.email'), i === 0)}
            type="email"
            style={{ flex: 2 }}
            {...form.getInputProps(`contacts.${i}.email`)}
          />
          <TextInput
            {...field(t('contactRows.phone'), i === 0)}
            type="tel"
            style={{ flex: 1.5 }}
            {...form.getInputProps(`contacts.${i}.phone`)}
          />
          <ActionIcon
            variant="subtle"
            color="red"
            size="lg"
            mt={i === 0 ? 25 : 0}
            aria-label={t('contactRows.remove', { n: i + 1 })}
            onClick={() => form.removeListItem('contacts', i)}
          >
            <IconTrash size={18} />
          </ActionIcon>
        </Group>
      ))}
      <Group>
        <Button
          variant="light"
          size="xs"
          leftSection={<IconUserPlus size={16} />}
          onClick={() => form.insertListItem('contacts', newContactRow())}
        >
          {t('contactRows.add')}
        </Button>
      </Group>
    </Stack>
  );
}
