import { Button, Chip, Group, NativeSelect, Stack, Switch, Text } from '@mantine/core';
import { IconFilterOff } from '@tabler/icons-react';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { TeamMember } from '#shared/domain/audit';
import { RESULTS } from '#shared/domain/checklist';
import type { ItemGroup } from '../../lib/checklistGroups';
import { groupHeading } from './groupHeading';
import { isFiltered, NO_FILTERS, UNASSIGNED, type Filters } from './filters';
import { RESULT_COLORS } from '../../lib/checklistResults';

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
  const { t } = useTranslation('checklist');
  const set = (patch: Partial<Filters>) => onChange({ ...filters, ...patch });
  const teamOptions = team.map((m) => ({ value: m.id, label: m.name }));
  const groupOptions = (['clause', 'theme', 'topic'] as const)
    .map((kind) => ({
      group: t(`groupKind.${kind}`),
      items: groups.filter((g) => g.kind === kind).map((g) => ({ value: g.id, label: groupHeading(t, g) })),
    }))
    .filter((g) => g.items.length > 0);

  // Two short lines: results and counts, then the selects in their compact size; the "I am" explanation is the
  // select's tooltip, not a line of its own.
  const meHint = me === null ? t('filters.meHintNone') : t('filters.meHint');
  return (
    <Stack gap={6}>
      <Group gap={6} role="group" aria-label={t('filters.result')}>
        <Text size="sm" fw={500} mr={4}>
          {t('filters.result')}
        </Text>
        <Chip.Group multiple value={filters.results} onChange={(v) => set({ results: v })}>
          {RESULTS.map((r) => (
            <Chip
              key={r}
              value={r}
              size="xs"
              color={RESULT_COLORS[r]}
              title={t(`labels:result.${r}`)}
              variant="outline"
            >
              {t(`resultShort.${r}`)}
            </Chip>
          ))}
        </Chip.Group>
        <Text size="sm" c="dimmed" ml="auto" aria-live="polite">
          {shown === total ? t('filters.items', { count: total }) : t('filters.showing', { shown, count: total })}
        </Text>
      </Group>
      <Group align="center" gap="sm" role="search" aria-label={t('filters.label')}>
        <NativeSelect
          aria-label={t('filters.assignedAuditor')}
          size="xs"
          data={[
            { value: ANY, label: t('filters.anyone') },
            { value: UNASSIGNED, label: t('filters.unassigned') },
            ...teamOptions,
          ]}
          value={filters.assignee ?? ANY}
          onChange={(e) => set({ assignee: e.currentTarget.value || null })}
          w={170}
        />
        <NativeSelect
          aria-label={t('filters.group')}
          size="xs"
          data={[{ value: ANY, label: t('filters.allGroups') }, ...groupOptions]}
          value={filters.group ?? ANY}
          onChange={(e) => set({ group: e.currentTarget.value || null })}
          w={240}
        />
        <Switch
          size="xs"
          label={t('filters.notAudited')}
          checked={filters.notAudited}
          onChange={(e) => set({ notAudited: e.currentTarget.checked })}
        />
        <Switch
          size="xs"
          label={t('filters.mine')}
          checked={filters.mine && me !== null}
          disabled={me === null}
          onChange={(e) => set({ mine: e.currentTarget.checked })}
        />
        <NativeSelect
          aria-label={t('filters.iAm')}
          title={meHint}
          size="xs"
          leftSection={
            <Text size="xs" c="dimmed" aria-hidden>
              {t('filters.iAm')}
            </Text>
          }
          leftSectionWidth={40}
          data={[{ value: ANY, label: t('filters.chooseYourself') }, ...teamOptions]}
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
            {t('filters.clear')}
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
