import { useCallback, useRef } from 'react';

/**
 * Hands back last render's array for a key when it holds the same elements,
 * so memoised children that receive it skip rendering after an unrelated edit.
 */
export function useStableLists<T>(): (key: string, next: T[]) => T[] {
  const cache = useRef(new Map<string, T[]>());
  return useCallback((key: string, next: T[]) => {
    const prev = cache.current.get(key);
    if (prev && prev.length === next.length && prev.every((x, i) => x === next[i])) return prev;
    cache.current.set(key, next);
    return next;
  }, []);
}
