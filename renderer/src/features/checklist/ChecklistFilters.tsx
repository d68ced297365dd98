import { Button, Chip, Group, NativeSelect, Stack, Switch, Text } from '@mantine/core';
import { IconFilterOff } from '@tabler/icons-react';
import { memo } from 'react';
import type { TeamMember } from '#shared/domain/audit';
import { RESULTS } from '#shared/domain/checklist';
import { GROUP_KIND_LABELS, groupHeading, type ItemGroup } from '../../lib/checklistGroups';
import { isFiltered, NO_FILTERS, UNASSIGNED, type Filters } from './filters';
import { RESULT_COLORS, RESULT_SHORT, resultLabel } from '../../lib/checklistResults';

interface ChecklistFiltersProps {
  filters: Filters;
  onChange: (f: Filters) => void;
  groups: readonly Pick<ItemGroup, 'id' | 'title' | 'kind'>[];
  team: readonly TeamMember[];
  me: string | null;
  onMe: (id: string | null) => void;
  shown: number;
  total: number;
}

const ANY = '';

/**
 * Filters as native selects and chips: light enough to render with the
 * checklist on every visit, and fully keyboard-operable as they are.
 */
export const ChecklistFilters = memo(function ChecklistFilters(props: ChecklistFiltersProps) {
  const { filters, onChange, groups, team, me, onMe, shown, total } = props;
  const set = (patch: Partial<Filters>) => onChange({ ...filters, ...patch });
  const teamOptions = team.map((m) => ({ value: m.id, label: m.name }));
  const groupOptions = (['clause', 'theme', 'topic'] as const)
    .map((kind) => ({
      group: GROUP_KIND_LABELS[kind],
      items: groups.filter((g) => g.kind === kind).map((g) => ({ value: g.id, label: groupHeading(g) })),
    }))
    .filter((g) => g.items.length > 0);

  // Two short lines: results and counts, then the selects in their compact size; the "I am" explanation is the
  // select's tooltip, not a line of its own.
  const meHint =
    me === null
      ? '“Mine” shows the items assigned to you: say who you are under “I am” first. Fieldwork has no sign-in, so this computer remembers the choice for this audit.'
      : '“I am” is remembered on this computer for this audit.';
  return (
    <Stack gap={6}>
      <Group gap={6} role="group" aria-label="Result">
        <Text size="sm" fw={500} mr={4}>
          Result
        </Text>
        <Chip.Group multiple value={filters.results} onChange={(v) => set({ results: v })}>
          {RESULTS.map((r) => (
            <Chip key={r} value={r} size="xs" color={RESULT_COLORS[r]} title={resultLabel(r)} variant="outline">
              {RESULT_SHORT[r]}
            </Chip>
          ))}
        </Chip.Group>
        <Text size="sm" c="dimmed" ml="auto" aria-live="polite">
          {shown === total ? `${total} items` : `Showing ${shown} of ${total} items`}
        </Text>
      </Group>
      <Group align="center" gap="sm" role="search" aria-label="Filter the checklist">
        <NativeSelect
          aria-label="Assigned auditor"
          size="xs"
          data={[
            { value: ANY, label: 'Assigned to anyone' },
            { value: UNASSIGNED, label: 'Unassigned' },
            ...teamOptions,
          ]}
          value={filters.assignee ?? ANY}
          onChange={(e) => set({ assignee: e.currentTarget.value || null })}
          w={170}
        />
        <NativeSelect
          aria-label="Clause or theme"
          size="xs"
          data={[{ value: ANY, label: 'All clauses and themes' }, ...groupOptions]}
          value={filters.group ?? ANY}
          onChange={(e) => set({ group: e.currentTarget.value || null })}
          w={240}
        />
        <Switch
          size="xs"
          label="Not yet audited"
          checked={filters.notAudited}
          onChange={(e) => set({ notAudited: e.currentTarget.checked })}
        />
        <Switch
          size="xs"
          label="Mine"
          checked={filters.mine && me !== null}
          disabled={me === null}
          onChange={(e) => set({ mine: e.currentTarget.checked })}
        />
        <NativeSelect
          aria-label="I am"
          title={meHint}
          size="xs"
          leftSection={
            <Text size="xs" c="dimmed" aria-hidden>
              I am
            </Text>
          }
          leftSectionWidth={40}
          data={[{ value: ANY, label: 'choose yourself' }, ...teamOptions]}
          value={me ?? ANY}
          onChange={(e) => onMe(e.currentTarget.value || null)}
          w={190}
        />
        {isFiltered(filters) && (
          <Button
            variant="subtle"
            size="xs"
            leftSection={<IconFilterOff size={14} />}
            onClick={() => onChange(NO_FILTERS)}
          >
            Clear filters
          </Button>
        )}
      </Group>
    </Stack>
  );
}, sameProps);

/** The group list is rebuilt on every edit; it only matters when the groups themselves differ. */
function sameProps(a: ChecklistFiltersProps, b: ChecklistFiltersProps): boolean {
  const keys = Object.keys(a) as (keyof ChecklistFiltersProps)[];
  return keys.every((k) =>
    k === 'groups'
      ? a.groups.length === b.groups.length &&
        a.groups.every((g, i) => g.id === b.groups[i]?.id && g.title === b.groups[i]?.title)
      : a[k] === b[k],
  );
}
