import type { Result } from '#shared/api/result';
import { SaveQueue } from './saveQueue';

/**
 * The saves of one open record, through the one save queue: one after
 * another, each built when it is sent from the record as the server last
 * returned it. A record's drawer saves twice — the fields form and the
 * autosaved long text — and each sends the whole record, so in order and
 * built at send time, neither save can put back what the other just wrote.
 */
export class RecordSaves<T extends { id: string; updatedAt: string }, P extends object> {
  private latest: T | null;
  private readonly queue: SaveQueue<T, Partial<P>>;

  constructor(
    record: T | null,
    /** The update of the record's every field (`whole`), with `patch` laid over them. */
    update: (server: T, patch: Partial<P>) => Promise<Result<T>>,
  ) {
    this.latest = record;
    this.queue = new SaveQueue<T, Partial<P>>(
      (_id, patch) => {
        const server = this.latest;
        if (!server) throw new Error('The record is not saved yet');
        return update(server, patch);
      },
      (saved) => {
        this.latest = saved;
      },
    );
  }

  /** A copy of the record from a reload; an older one than a save's answer is ignored. */
  seen(record: T | null): void {
    if (record && (!this.latest || record.updatedAt >= this.latest.updatedAt)) this.latest = record;
  }

  /** Saves `patch` after the saves before it; resolves with the backend's answer. */
  send(patch: Partial<P>): Promise<Result<T>> {
    const id = this.latest?.id;
    if (!id) return Promise.reject(new Error('The record is not saved yet'));
    return this.queue.send(id, patch);
  }
}
