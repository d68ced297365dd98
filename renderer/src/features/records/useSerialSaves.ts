import { useCallback, useEffect, useRef } from 'react';
import type { Result } from '#shared/api/result';

/**
 * Saves of one record, one after another, each built from the record as the
 * server last returned it. Two saves run on an open record — the fields form
 * and the autosaved long text — and each sends the whole record: the Patch
 * schemas fill absent fields with their defaults, so a partial patch would
 * blank the fields it leaves out. In order, and built at send time, neither
 * save can put back what the other just wrote.
 */
export function useSerialSaves<T extends { id: string; updatedAt: string }>(record: T | null) {
  const latest = useRef(record);
  const chain = useRef<Promise<unknown>>(Promise.resolve());
  useEffect(() => {
    // A reload may bring an older copy than a save's answer: keep the newer one.
    if (record && (!latest.current || record.updatedAt >= latest.current.updatedAt)) latest.current = record;
  }, [record]);

  return useCallback(<R extends Result<T>>(build: (server: T) => Promise<R>): Promise<R> => {
    const run = chain.current.then(() => {
      const server = latest.current;
      if (!server) throw new Error('The record is not saved yet');
      return build(server);
    });
    chain.current = run.then(
      (result) => {
        if (result.ok) latest.current = result.value;
      },
      () => undefined,
    );
    return run;
  }, []);
}
