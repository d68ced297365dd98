import type { Db } from './open';

/**
 * A short write transaction without an fsync, for evidence claims: they matter only while their process runs,
 * and after a power loss none does. Other processes see the commit at once (visibility does not wait for the disk).
 */
export function lightTransaction(db: Db, fn: () => void): void {
  const level = db.pragma('synchronous', { simple: true }) as number;
  db.pragma('synchronous = NORMAL');
  try {
    db.transaction(fn).immediate();
  } finally {
    db.pragma(`synchronous = ${level}`);
  }
}
