import { ActionIcon, Button, Group, Input, Select, Stack, Text, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { IconTrash, IconUserPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { TEAM_ROLES, type TeamRole } from '#shared/domain/audit';
import { newTeamRow, type AuditFormValues } from './auditFormValues';

/**
 * One row per team member. Visible labels on the first row only; every row is
 * a labelled group ("Team member 2") so each input still has a unique name.
 */
export function TeamEditor({ form }: { form: UseFormReturnType<AuditFormValues> }) {
  const { t } = useTranslation('audits');
  const roleOptions = TEAM_ROLES.map((r) => ({ value: r, label: t(`labels:teamRole.${r}`) }));
  const rows = form.values.team;
  const teamError = form.errors.team;
  const field = (label: string, first: boolean) => (first ? { label } : { 'aria-label': label });

  return (
    <Input.Wrapper
      label={t('team.label')}
      description={t('team.hint')}
      error={teamError}
      labelElement="div"
      inputWrapperOrder={['label', 'description', 'error', 'input']}
      id="audit-team"
    >
      <Stack gap="xs" mt="xs">
        {rows.map((row, i) => (
          <Group
            key={row.key}
            role="group"
            aria-label={t('team.member', { n: i + 1 })}
            align="flex-start"
            gap="xs"
            wrap="nowrap"
          >
            <TextInput
              {...field(t('team.name'), i === 0)}
              placeholder={t('team.namePlaceholder')}
              style={{ flex: 2 }}
              {...form.getInputProps(`team.${i}.name`)}
            />
            <TextInput
              {...field(t('team.email'), i === 0)}
              type="email"
              placeholder={t('team.emailPlaceholder')}
              style={{ flex: 2 }}
              {...form.getInputProps(`team.${i}.email`)}
            />
            <Select
              {...field(t('team.role'), i === 0)}
              data={roleOptions}
              allowDeselect={false}
              style={{ flex: 1.4 }}
              {...form.getInputProps(`team.${i}.role`)}
              onChange={(v: TeamRole | null) => {
                form.setFieldValue(`team.${i}.role`, v ?? 'auditor');
                form.clearFieldError('team');
              }}
            />
            <ActionIcon
              variant="subtle"
              color="red"
              size="lg"
              mt={i === 0 ? 25 : 0}
              aria-label={t('team.remove', { n: i + 1 })}
              onClick={() => form.removeListItem('team', i)}
            >
              <IconTrash size={18} />
            </ActionIcon>
          </Group>
        ))}
        {rows.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('team.empty')}
          </Text>
        )}
        <Group>
          <Button
            variant="light"
            size="xs"
            leftSection={<IconUserPlus size={16} />}
            onClick={() => form.insertListItem('team', newTeamRow(rows.length === 0 ? 'lead_auditor' : 'auditor'))}
          >
            {t('team.add')}
          </Button>
        </Group>
      </Stack>
    </Input.Wrapper>
  );
}
