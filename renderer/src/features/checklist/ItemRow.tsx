import { memo } from 'react';
import type { ChecklistItem } from '#shared/domain/checklist';
import classes from './checklist.module.css';
import { ResultBadgeOf } from '../../components/ResultBadge';
import type { RowLabels } from './rowLabels';

interface ItemRowProps {
  item: ChecklistItem;
  selected: boolean;
  /** Only the selected row is in the tab order (roving tabindex). */
  tabbable: boolean;
  assignee: string | undefined;
  /** The rows' words in the UI language, one object for all rows (no lookup or language subscription per row). */
  labels: RowLabels;
  onSelect: (id: string) => void;
}

/**
 * One checklist item in the list. Memoised: an edit replaces only its own
 * item object, so only its row renders again.
 */
export const ItemRow = memo(function ItemRow({ item, selected, tabbable, assignee, labels, onSelect }: ItemRowProps) {
  const excluded = item.soa && !item.soa.applicable;
  const id = `item-${item.id}`;
  const hasMeta = assignee || item.needsFinding || item.samples.length > 0;
  return (
    <div
      role="option"
      id={id}
      // A screen reader announces number, title and result (in words, not the badge's abbreviation), then the rest.
      aria-labelledby={`${id}-n ${id}-t ${id}-r`}
      aria-describedby={excluded || hasMeta ? `${id}-d` : undefined}
      data-item-id={item.id}
      data-ref={item.ref}
      aria-selected={selected}
      tabIndex={tabbable ? 0 : -1}
      className={classes.row}
      onClick={() => onSelect(item.id)}
    >
      <span className={classes.number} id={`${id}-n`}>
        {item.number || '•'}
      </span>
      <div className={classes.main}>
        <span hidden id={`${id}-r`}>
          {labels.result[item.result]}
        </span>
        <div className={classes.title} id={`${id}-t`} translate="no">
          {item.title}
        </div>
        <div id={`${id}-d`}>
          {excluded && (
            <div className={classes.excluded} data-soa-excluded>
              {labels.notApplicable(item.soa?.justification)}
            </div>
          )}
          {hasMeta && (
            <div className={classes.meta}>
              {assignee && <span translate="no">{assignee}</span>}
              {item.needsFinding && <span className={classes.finding}>{labels.needsFinding}</span>}
              {item.samples.length > 0 && <span>{labels.samples(item.samples.length)}</span>}
            </div>
          )}
        </div>
      </div>
      <ResultBadgeOf result={item.result} word={labels.result[item.result]} short={labels.short[item.result]} />
    </div>
  );
});
