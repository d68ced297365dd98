import { randomUUID } from 'node:crypto';
import type { Db } from '../db/open';
import { lightTransaction } from '../db/light-transaction';

/**
 * Keeps evidence collection (in this process or another) from deleting the
 * files a backup is copying: each digest is claimed in evidence_placements,
 * as an add does (evidence/store.ts), until the backup ends. On release the
 * digests are queued for collection, which keeps every file a row still uses.
 * Like the store's claims, no fsync: they matter only while this process runs.
 */
export class BackupClaims {
  private readonly ids: { id: string; sha256: string }[] = [];
  private readonly held = new Set<string>();

  constructor(private readonly db: Db) {}

  claim(digests: Iterable<string>): void {
    const fresh = [...digests].filter((d) => !this.held.has(d));
    if (fresh.length === 0) return;
    const insert = this.db.prepare('INSERT INTO evidence_placements (id, sha256, placed_at) VALUES (?, ?, ?)');
    const now = Date.now();
    lightTransaction(this.db, () => {
      for (const sha256 of fresh) {
        const id = randomUUID();
        insert.run(id, sha256, now);
        this.ids.push({ id, sha256 });
        this.held.add(sha256);
      }
    });
  }

  /** The digests every attachment uses now. */
  liveDigests(): string[] {
    return this.db.prepare('SELECT DISTINCT sha256 FROM evidence').pluck().all() as string[];
  }

  release(): void {
    if (this.ids.length === 0) return;
    try {
      const drop = this.db.prepare('DELETE FROM evidence_placements WHERE id = ?');
      const queue = this.db.prepare('INSERT OR IGNORE INTO evidence_gc (sha256) VALUES (?)');
      lightTransaction(this.db, () => {
        for (const { id, sha256 } of this.ids) {
          drop.run(id);
          queue.run(sha256);
        }
      });
    } catch {
      // The backend closed meanwhile: the claims expire after an hour and collection then looks at their files.
    }
    this.ids.length = 0;
    this.held.clear();
  }
}
