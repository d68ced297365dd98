import { Table, Text } from '@mantine/core';
import { useEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { useWindow } from './useWindow';

export interface Column<T> {
  header: ReactNode;
  cell: (row: T) => ReactNode;
  width?: number | string;
  /** Props for the header cell (aria-sort, say). */
  th?: Record<string, unknown>;
}

const CELL = { whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' } as const;

/** Rows this close to the last one loaded ask for the next page. */
const LOAD_AHEAD = 30;

/**
 * A table of a paged list that renders only the rows in view. Keyboard first:
 * Tab reaches the focused row (one tab stop for the whole list), arrow keys,
 * Page Up/Down, Home and End move between rows, Enter opens one. Screen readers
 * hear the full size through aria-rowcount and each row's place through
 * aria-rowindex, though most rows are not in the page.
 */
export function WindowedTable<T>({
  label,
  rows,
  total,
  rowKey,
  columns,
  onOpen,
  onNearEnd,
  rowHeight = 44,
  maxHeight = 'calc(100vh - 280px)',
  minWidth = 720,
  footer,
}: {
  label: string;
  rows: T[];
  total: number;
  rowKey: (row: T) => string;
  columns: Column<T>[];
  onOpen: (row: T) => void;
  onNearEnd: () => void;
  rowHeight?: number;
  maxHeight?: string;
  minWidth?: number;
  footer?: ReactNode;
}) {
  const { ref: scroller, start, end, padTop, padBottom, scrollToIndex } = useWindow({ count: rows.length, rowHeight });
  const head = useRef<HTMLTableSectionElement>(null);
  const [active, setActive] = useState(0);
  const [focusWanted, setFocusWanted] = useState(false);

  useEffect(() => {
    if (end >= rows.length - LOAD_AHEAD) onNearEnd();
  }, [end, rows.length, onNearEnd]);

  // A new list (other filters) starts at its first row.
  const current = Math.min(active, Math.max(0, rows.length - 1));

  // Focus follows the active row once it is rendered (it may have just scrolled into the window).
  const body = useRef<HTMLTableSectionElement>(null);
  useEffect(() => {
    if (!focusWanted) return;
    const row = body.current?.querySelector<HTMLElement>(`[data-index="${current}"]`);
    if (row) {
      row.focus();
      setFocusWanted(false);
    }
  }, [focusWanted, current, start]);

  const move = (to: number) => {
    const index = Math.max(0, Math.min(rows.length - 1, to));
    setActive(index);
    setFocusWanted(true);
    scrollToIndex(index, head.current?.offsetHeight ?? 0);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLTableSectionElement>) => {
    const page = Math.max(1, Math.floor((scroller.current?.clientHeight ?? rowHeight * 10) / rowHeight) - 1);
    const keys: Record<string, number> = {
      ArrowDown: current + 1,
      ArrowUp: current - 1,
      PageDown: current + page,
      PageUp: current - page,
      Home: 0,
      End: rows.length - 1,
    };
    const to = keys[e.key];
    if (to !== undefined && (e.target as HTMLElement).dataset.index !== undefined) {
      e.preventDefault();
      move(to);
    } else if (e.key === 'Enter' && (e.target as HTMLElement).dataset.index !== undefined) {
      e.preventDefault();
      onOpen(rows[current]!);
    }
  };

  const spacer = (height: number) =>
    height > 0 && (
      <tr aria-hidden style={{ height }}>
        <td colSpan={columns.length} style={{ padding: 0, border: 0 }} />
      </tr>
    );

  return (
    <>
      <div ref={scroller} style={{ maxHeight, overflow: 'auto' }}>
        <Table
          aria-label={label}
          aria-rowcount={total + 1}
          miw={minWidth}
          stickyHeader
          style={{ tableLayout: 'fixed' }}
        >
          <Table.Thead ref={head}>
            <Table.Tr aria-rowindex={1}>
              {columns.map((c, i) => (
                <Table.Th key={i} w={c.width} {...c.th}>
                  {c.header}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody ref={body} onKeyDown={onKeyDown}>
            {spacer(padTop)}
            {rows.slice(start, end).map((row, i) => {
              const index = start + i;
              // Plain elements with the table's own classes and the theme's row border and hover cue: a
              // Table.Tr/Td costs a props and styles lookup each, hundreds per first paint and scroll step.
              return (
                <tr
                  key={rowKey(row)}
                  className={Table.classes.tr}
                  data-with-row-border
                  data-hover
                  data-index={index}
                  aria-rowindex={index + 2}
                  tabIndex={index === current ? 0 : -1}
                  onFocus={() => setActive(index)}
                  onClick={() => onOpen(row)}
                  style={{ height: rowHeight, cursor: 'pointer' }}
                >
                  {columns.map((c, j) => (
                    <td key={j} className={Table.classes.td} style={CELL}>
                      {c.cell(row)}
                    </td>
                  ))}
                </tr>
              );
            })}
            {spacer(padBottom)}
          </Table.Tbody>
        </Table>
      </div>
      {footer && (
        <Text size="xs" c="dimmed" px="md" py="xs" aria-live="polite">
          {footer}
        </Text>
      )}
    </>
  );
}
