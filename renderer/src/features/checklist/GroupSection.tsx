import { Progress, Text } from '@mantine/core';
import { IconChevronDown } from '@tabler/icons-react';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChecklistItem } from '#shared/domain/checklist';
import classes from './checklist.module.css';
import { ItemRow } from './ItemRow';

interface GroupSectionProps {
  id: string;
  title: string;
  /** Progress over the whole group, whatever the filters show (numbers, so memo compares them). */
  audited: number;
  total: number;
  /** The group's items that pass the filters. */
  items: ChecklistItem[];
  expanded: boolean;
  /** The selected item's id when it is in this group, else null (keeps other groups from rendering). */
  selectedId: string | null;
  tabbableId: string | null;
  names: ReadonlyMap<string, string>;
  onSelect: (id: string) => void;
  onToggle: (groupId: string) => void;
}

/** A row's usual height, so the space of a not-yet-rendered group is about right. */
const ROW_ESTIMATE_PX = 54;

export const GroupSection = memo(function GroupSection(props: GroupSectionProps) {
  const { id, title, audited, total, items, expanded, selectedId, tabbableId, names, onSelect, onToggle } = props;
  const { t } = useTranslation('checklist');
  const percent = total === 0 ? 0 : Math.floor((audited / total) * 100);
  const headingId = `group-${id}`;
  const count = t('audited', { audited, total });
  return (
    <section aria-labelledby={headingId} data-group-id={id}>
      <div className={classes.groupBar}>
        <h3 style={{ margin: 0, flex: 1, minWidth: 0 }}>
          <button
            type="button"
            id={headingId}
            className={classes.groupHeader}
            aria-expanded={expanded}
            aria-controls={`${headingId}-items`}
            onClick={() => onToggle(id)}
          >
            <IconChevronDown size={16} className={classes.chevron} data-collapsed={!expanded} aria-hidden />
            <Text component="span" fw={600} size="sm" style={{ flex: 1 }}>
              {title}
            </Text>
            <Text component="span" size="xs" c="dimmed" data-group-count>
              {count}
            </Text>
          </button>
        </h3>
        <Progress
          value={percent}
          w={90}
          size="sm"
          color={percent === 100 ? 'teal' : 'indigo'}
          aria-label={t('list.progressOf', { title })}
        />
      </div>
      {expanded && (
        <div
          role="listbox"
          id={`${headingId}-items`}
          aria-label={title}
          className={classes.groupItems}
          style={{ containIntrinsicSize: `auto ${items.length * ROW_ESTIMATE_PX}px` }}
        >
          {items.map((item) => (
            <ItemRow
              key={item.id}
              item={item}
              selected={item.id === selectedId}
              tabbable={item.id === tabbableId}
              assignee={item.assigneeId ? names.get(item.assigneeId) : undefined}
              onSelect={onSelect}
            />
          ))}
        </div>
      )}
    </section>
  );
});
