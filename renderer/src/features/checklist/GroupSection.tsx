import { Progress } from '@mantine/core';
import { IconChevronDown } from '@tabler/icons-react';
import { memo, type CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChecklistItem } from '#shared/domain/checklist';
import classes from './checklist.module.css';
import { ItemRow } from './ItemRow';
import type { RowLabels } from './rowLabels';

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
  labels: RowLabels;
  onSelect: (id: string) => void;
  onToggle: (groupId: string) => void;
}

/** A row's usual height, so the space of a not-yet-rendered group is about right. */
const ROW_ESTIMATE_PX = 54;

/**
 * <Progress size="sm" w={90}> as plain elements with Mantine's own classes: a dozen groups render with the list on
 * every visit, and the component resolves its props, styles and context on each (as do <Text>s, hence spans).
 */
const PROGRESS_ROOT = `${Progress.classes.root} mantine-Progress-root ${classes.groupProgress}`;
const PROGRESS_SECTION = `${Progress.classes.section} mantine-Progress-section`;

export const GroupSection = memo(function GroupSection(props: GroupSectionProps) {
  const { id, title, audited, total, items, expanded, selectedId, tabbableId, names, labels, onSelect, onToggle } =
    props;
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
            <span className={classes.groupTitle}>{title}</span>
            <span className={classes.groupCount} data-group-count>
              {count}
            </span>
          </button>
        </h3>
        <div className={PROGRESS_ROOT}>
          <div
            className={PROGRESS_SECTION}
            role="progressbar"
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={percent}
            aria-valuetext={`${percent}%`}
            aria-label={t('list.progressOf', { title })}
            style={
              {
                '--progress-section-size': `${percent}%`,
                '--progress-section-color': `var(--mantine-color-${percent === 100 ? 'teal' : 'indigo'}-filled)`,
              } as CSSProperties
            }
          />
        </div>
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
              labels={labels}
              onSelect={onSelect}
            />
          ))}
        </div>
      )}
    </section>
  );
});
