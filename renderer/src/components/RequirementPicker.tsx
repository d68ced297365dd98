import {
  Badge,
  Group,
  MultiSelect,
  Text,
  Tooltip,
  type ComboboxItem,
  type ComboboxParsedItem,
  type OptionsFilter,
} from '@mantine/core';
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { matchesRequirement } from '#shared/domain/requirement-ref';
import { groupHeading } from '../lib/checklistGroups';
import { itemLabel, itemShort, type AuditRefs } from '../lib/useAuditRefs';

interface RequirementPickerProps {
  refs: AuditRefs;
  value: string[];
  onChange: (ids: string[]) => void;
  label?: string;
  readOnly?: boolean;
  error?: string;
}

/**
 * The checklist items a record supports, searchable by number or title: "7.2" finds clause 7.2 and control
 * A.7.2, "clause 7.2" only the clause, "A.7.2" only the control, "access" every title with the word.
 */
export function RequirementPicker({ refs, value, onChange, label, ...rest }: RequirementPickerProps) {
  const { t } = useTranslation('components');
  const { items, itemById } = refs;
  const data = useMemo(() => {
    const groups = new Map<string, { value: string; label: string }[]>();
    for (const i of items ?? []) {
      const heading = groupHeading({ id: i.groupId, title: i.groupTitle, kind: i.groupKind });
      const list = groups.get(heading) ?? [];
      list.push({ value: i.id, label: itemLabel(i) });
      groups.set(heading, list);
    }
    // Ids no longer in the checklist stay choosable, so saving does not drop them silently.
    const unknown = value
      .filter((id) => !itemById.has(id))
      .map((id) => ({ value: id, label: t('requirements.removed') }));
    const grouped = [...groups].map(([group, list]) => ({ group, items: list }));
    return unknown.length ? [...grouped, { group: t('requirements.other'), items: unknown }] : grouped;
  }, [items, itemById, value, t]);

  const filter = useCallback<OptionsFilter>(
    ({ options, search }) => {
      const hit = (o: ComboboxItem) => {
        const item = itemById.get(o.value);
        return item ? matchesRequirement(search, item) : o.label.toLowerCase().includes(search.trim().toLowerCase());
      };
      return options.flatMap((o): ComboboxParsedItem[] => {
        if ('group' in o) {
          const kept = o.items.filter(hit);
          return kept.length ? [{ ...o, items: kept }] : [];
        }
        return hit(o) ? [o] : [];
      });
    },
    [itemById],
  );

  const noChecklist = items !== undefined && items.length === 0;
  return (
    <MultiSelect
      label={label ?? t('requirements.label')}
      description={noChecklist ? t('requirements.noChecklist') : t('requirements.hint')}
      placeholder={rest.readOnly || value.length ? undefined : t('requirements.placeholder')}
      data={data}
      value={value}
      onChange={onChange}
      searchable
      filter={filter}
      clearable={!rest.readOnly}
      readOnly={rest.readOnly}
      disabled={items === undefined || noChecklist}
      nothingFoundMessage={t('requirements.nothingFound')}
      maxDropdownHeight={320}
      error={rest.error}
      comboboxProps={{ withinPortal: true }}
    />
  );
}

/** Linked requirement numbers as badges, with the item's title on hover. */
export function RequirementBadges({ refs, itemIds, max = 6 }: { refs: AuditRefs; itemIds: string[]; max?: number }) {
  const { t } = useTranslation('components');
  if (itemIds.length === 0)
    return (
      <Text span size="sm" c="dimmed">
        —
      </Text>
    );
  // In checklist order, whatever order they were picked in.
  const position = (id: string) => refs.itemById.get(id)?.position ?? Number.MAX_SAFE_INTEGER;
  const shown = [...itemIds].sort((a, b) => position(a) - position(b)).slice(0, max);
  return (
    <Group gap={4} wrap="wrap">
      {shown.map((id) => {
        const item = refs.itemById.get(id);
        return (
          <Tooltip key={id} label={item ? itemLabel(item) : t('requirements.removed')} openDelay={300}>
            <Badge variant="light" size="sm" radius="sm" tt="none" data-requirement={item ? itemShort(item) : ''}>
              {item ? itemShort(item) : '?'}
            </Badge>
          </Tooltip>
        );
      })}
      {itemIds.length > max && (
        <Badge variant="default" size="sm" radius="sm">
          +{itemIds.length - max}
        </Badge>
      )}
    </Group>
  );
}
