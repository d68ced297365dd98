import { ActionIcon, Button, Group, Input, Select, Stack, Text, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { IconTrash, IconUserPlus } from '@tabler/icons-react';
import { TEAM_ROLES, TEAM_ROLE_LABELS, type TeamRole } from '#shared/domain/audit';
import { newTeamRow, type AuditFormValues } from './auditFormValues';

const roleOptions = TEAM_ROLES.map((r) => ({ value: r, label: TEAM_ROLE_LABELS[r] }));

/**
 * One row per team member. Visible labels on the first row only; every row is
 * a labelled group ("Team member 2") so each input still has a unique name.
 */
export function TeamEditor({ form }: { form: UseFormReturnType<AuditFormValues> }) {
  const rows = form.values.team;
  const teamError = form.errors.team;
  const field = (label: string, first: boolean) => (first ? { label } : { 'aria-label': label });

  return (
    <Input.Wrapper
      label="Audit team"
      description="Exactly one lead auditor; add auditors, technical experts and observers as needed."
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
            aria-label={`Team member ${i + 1}`}
            align="flex-start"
            gap="xs"
            wrap="nowrap"
          >
            <TextInput
              {...field('Name', i === 0)}
              placeholder="Full name"
              style={{ flex: 2 }}
              {...form.getInputProps(`team.${i}.name`)}
            />
            <TextInput
              {...field('E-mail', i === 0)}
              type="email"
              placeholder="name@example.com"
              style={{ flex: 2 }}
              {...form.getInputProps(`team.${i}.email`)}
            />
            <Select
              {...field('Role', i === 0)}
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
              aria-label={`Remove team member ${i + 1}`}
              onClick={() => form.removeListItem('team', i)}
            >
              <IconTrash size={18} />
            </ActionIcon>
          </Group>
        ))}
        {rows.length === 0 && (
          <Text size="sm" c="dimmed">
            No one on the team yet. Add the lead auditor first.
          </Text>
        )}
        <Group>
          <Button
            variant="light"
            size="xs"
            leftSection={<IconUserPlus size={16} />}
            onClick={() => form.insertListItem('team', newTeamRow(rows.length === 0 ? 'lead_auditor' : 'auditor'))}
          >
            Add team member
          </Button>
        </Group>
      </Stack>
    </Input.Wrapper>
  );
}
