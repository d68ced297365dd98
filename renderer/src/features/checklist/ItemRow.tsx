import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChecklistItem } from '#shared/domain/checklist';
import classes from './checklist.module.css';
import { ResultBadge } from '../../components/ResultBadge';

interface ItemRowProps {
  item: ChecklistItem;
  selected: boolean;
  /** Only the selected row is in the tab order (roving tabindex). */
  tabbable: boolean;
  assignee: string | undefined;
  onSelect: (id: string) => void;
}

/**
 * One checklist item in the list. Memoised: an edit replaces only its own
 * item object, so only its row renders again.
 */
export const ItemRow = memo(function ItemRow({ item, selected, tabbable, assignee, onSelect }: ItemRowProps) {
  const { t } = useTranslation('checklist');
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
          {t(`labels:result.${item.result}`)}
        </span>
        <div className={classes.title} id={`${id}-t`} translate="no">
          {item.title}
        </div>
        <div id={`${id}-d`}>
          {excluded && (
            <div className={classes.excluded} data-soa-excluded>
              {t('row.notApplicable', { justification: item.soa?.justification || t('row.noJustification') })}
            </div>
          )}
          {hasMeta && (
            <div className={classes.meta}>
              {assignee && <span translate="no">{assignee}</span>}
              {item.needsFinding && <span className={classes.finding}>{t('row.needsFinding')}</span>}
              {item.samples.length > 0 && <span>{t('row.samples', { count: item.samples.length })}</span>}
            </div>
          )}
        </div>
      </div>
      <ResultBadge result={item.result} />
    </div>
  );
});
