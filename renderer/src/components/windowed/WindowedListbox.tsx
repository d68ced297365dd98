import { useEffect, type ReactNode } from 'react';
import { useWindow } from './useWindow';

/** Options this close to the last one loaded ask for the next page. */
const LOAD_AHEAD = 10;

/** The DOM id of option `index` of listbox `id`: what the combobox's aria-activedescendant names. */
export const optionId = (id: string, index: number) => `${id}-option-${index}`;

/**
 * Where a list key moves the active option of `count` loaded ones (`page`
 * options fit in view), or undefined for a key the list does not take. The
 * end of what is loaded is the end: moving near it loads the next page, and
 * the same key goes on once it has arrived.
 */
export function listKeyTarget(key: string, current: number, count: number, page: number): number | undefined {
  if (count === 0) return undefined;
  const to: Record<string, number> = {
    ArrowDown: current + 1,
    ArrowUp: current - 1,
    PageDown: current + page,
    PageUp: current - page,
    Home: 0,
    End: count - 1,
  };
  const target = to[key];
  return target === undefined ? undefined : Math.max(0, Math.min(count - 1, target));
}

/**
 * The listbox of a combobox over a paged list, rendering only the options in
 * view (the rest stand as empty space, so the scroll bar keeps its length).
 * Focus stays in the combobox's text field — one tab stop — which moves the
 * active option with its keys (listKeyTarget) and names it with
 * aria-activedescendant (optionId); screen readers hear each option's place
 * in all `total` through aria-posinset/aria-setsize, though few are in the
 * page. The active option is scrolled into view; nearing the end of the
 * loaded ones (scrolled or moved there) calls `onNearEnd`.
 */
export function WindowedListbox<T>({
  id,
  label,
  rows,
  total,
  rowKey,
  rowHeight,
  height,
  active,
  onActiveChange,
  onOpen,
  onNearEnd,
  renderRow,
}: {
  id: string;
  label: string;
  rows: readonly T[];
  total: number;
  rowKey: (row: T) => string;
  rowHeight: number;
  /** Pixels at most; the list is shorter when its options are fewer. */
  height: number;
  active: number;
  onActiveChange: (index: number) => void;
  onOpen: (row: T) => void;
  onNearEnd: () => void;
  renderRow: (row: T, active: boolean) => ReactNode;
}) {
  const { ref, start, end, padTop, padBottom, scrollToIndex } = useWindow({ count: rows.length, rowHeight });

  useEffect(() => {
    if (end >= rows.length - LOAD_AHEAD) onNearEnd();
  }, [end, rows.length, onNearEnd]);

  useEffect(() => {
    if (active < rows.length) scrollToIndex(active, 0);
  }, [active, rows.length, scrollToIndex]);

  return (
    <div
      ref={ref}
      id={id}
      role="listbox"
      aria-label={label}
      style={{ maxHeight: height, overflowY: 'auto', overscrollBehavior: 'contain' }}
    >
      {padTop > 0 && <div aria-hidden style={{ height: padTop }} />}
      {rows.slice(start, end).map((row, i) => {
        const index = start + i;
        const isActive = index === active;
        return (
          <div
            key={rowKey(row)}
            id={optionId(id, index)}
            role="option"
            aria-selected={isActive}
            aria-posinset={index + 1}
            aria-setsize={Math.max(total, rows.length)}
            data-index={index}
            // The field keeps the focus (and the caret) while the pointer picks.
            onMouseDown={(e) => e.preventDefault()}
            onMouseMove={() => !isActive && onActiveChange(index)}
            onClick={() => onOpen(row)}
            style={{ height: rowHeight, overflow: 'hidden', cursor: 'pointer' }}
          >
            {renderRow(row, isActive)}
          </div>
        );
      })}
      {padBottom > 0 && <div aria-hidden style={{ height: padBottom }} />}
    </div>
  );
}
