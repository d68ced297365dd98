import { useCallback, useLayoutEffect, useRef, useState } from 'react';

/**
 * Which rows of a long list of fixed-height rows are in view of a scrolling
 * container, plus a few either side: only those are rendered, the rest stand
 * as empty space above and below (so the scroll bar keeps its true length).
 * Few either side: every one is rendered before the screen's first paint.
 */
export function useWindow({ count, rowHeight, overscan = 5 }: { count: number; rowHeight: number; overscan?: number }) {
  const ref = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [height, setHeight] = useState(800);

  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const onScroll = () => setScrollTop(el.scrollTop);
    const sized = new ResizeObserver(() => setHeight(el.clientHeight || 800));
    sized.observe(el);
    el.addEventListener('scroll', onScroll, { passive: true });
    return () => {
      sized.disconnect();
      el.removeEventListener('scroll', onScroll);
    };
  }, []);

  const start = Math.max(0, Math.min(count, Math.floor(scrollTop / rowHeight) - overscan));
  const end = Math.min(count, Math.ceil((scrollTop + height) / rowHeight) + overscan);

  /** Scrolls just enough for row `index` to be in view (the sticky header height aside). */
  const scrollToIndex = useCallback(
    (index: number, headerHeight: number) => {
      const el = ref.current;
      if (!el) return;
      const top = index * rowHeight;
      if (top < el.scrollTop) el.scrollTop = top;
      else if (top + rowHeight + headerHeight > el.scrollTop + el.clientHeight) {
        el.scrollTop = top + rowHeight + headerHeight - el.clientHeight;
      }
    },
    [rowHeight],
  );

  return { ref, start, end, padTop: start * rowHeight, padBottom: (count - end) * rowHeight, scrollToIndex };
}
