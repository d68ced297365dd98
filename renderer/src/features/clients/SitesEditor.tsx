import {
  ActionIcon,
  Button,
  Fieldset,
  Grid,
  Group,
  NumberInput,
  Stack,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { IconMapPin, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { newSiteRow, type ClientFormValues } from './clientFormValues';

/** One fieldset per site ("Site 2"), so every input has a clear name in context. */
export function SitesEditor({ form }: { form: UseFormReturnType<ClientFormValues> }) {
  const { t } = useTranslation('clients');
  const rows = form.values.sites;
  return (
    <Stack gap="sm">
      {rows.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('siteRows.empty')}
        </Text>
      )}
      {rows.map((row, i) => (
        <Fieldset key={row.key} legend={t('siteRows.legend', { n: i + 1 })} variant="filled" radius="md">
          <Grid>
            <Grid.Col span={{ base: 12, sm: 5 }}>
              <TextInput
                label={t('siteRows.name')}
                withAsterisk
                placeholder={t('siteRows.namePlaceholder')}
                {...form.getInputProps(`sites.${i}.name`)}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 5 }}>
              <TextInput label={t('siteRows.address')} {...form.getInputProps(`sites.${i}.address`)} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 2 }}>
              <NumberInput
                label={t('siteRows.headcount')}
                withAsterisk
                min={0}
                allowDecimal={false}
                allowNegative={false}
                thousandSeparator=" "
                {...form.getInputProps(`sites.${i}.headcount`)}
              />
            </Grid.Col>
            <Grid.Col span={12}>
              <Textarea
                label={t('siteRows.processes')}
                autosize
                minRows={2}
                maxRows={6}
                placeholder={t('siteRows.processesPlaceholder')}
                {...form.getInputProps(`sites.${i}.processes`)}
              />
            </Grid.Col>
          </Grid>
          <Group justify="flex-end" mt="xs">
            <ActionIcon
              variant="subtle"
              color="red"
              aria-label={t('siteRows.remove', { n: i + 1 })}
              onClick={() => form.removeListItem('sites', i)}
            >
              <IconTrash size={18} />
            </ActionIcon>
          </Group>
        </Fieldset>
      ))}
      <Group>
        <Button
          variant="light"
          size="xs"
          leftSection={<IconMapPin size={16} />}
          onClick={() => form.insertListItem('sites', newSiteRow())}
        >
          {t('siteRows.add')}
        </Button>
      </Group>
    </Stack>
  );
}
