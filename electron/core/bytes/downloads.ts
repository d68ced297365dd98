import { randomUUID } from 'node:crypto';
import { DomainError } from '#shared/api/result';
import type { Readable } from 'node:stream';
import { fileStream, readRange, type ReadableFile } from './read';

/**
 * A file an operation decided may be read: the transports stream it by the ticket's id, through `stream()`
 * (decrypted when the file is sealed, so a transport never reads a stored file's bytes itself).
 */
export type DownloadFile = ReadableFile & { stream(): Readable };

/** A ticket nobody read from for this long is forgotten (the file itself stays where it is). */
export const DOWNLOAD_IDLE_MS = 10 * 60 * 1000;
/** Tickets are tiny, but a runaway client must not grow the map without end: the oldest go first. */
export const MAX_DOWNLOADS = 256;

interface Ticket {
  file: DownloadFile;
  timer: NodeJS.Timeout;
}

const gone = () =>
  new DomainError('not_found', 'This download no longer exists (it timed out or the app restarted); open it again.');

/**
 * Downloads offered by operations (`bytes.download`): dispatch decides what
 * may be read and registers the file here; the transports then stream it
 * by id, with no base64 and no JSON on the bytes.
 */
export class DownloadTickets {
  private readonly tickets = new Map<string, Ticket>();

  constructor(private readonly idleMs = DOWNLOAD_IDLE_MS) {}

  offer(file: ReadableFile): { downloadId: string; size: number } {
    if (this.tickets.size >= MAX_DOWNLOADS) {
      const oldest = this.tickets.keys().next().value;
      if (oldest !== undefined) this.forget(oldest);
    }
    const downloadId = randomUUID();
    this.tickets.set(downloadId, { file: { ...file, stream: () => fileStream(file) }, timer: this.expiry(downloadId) });
    return { downloadId, size: file.size };
  }

  /** The file behind a ticket (the preview host streams it from disk itself). */
  file(downloadId: string): DownloadFile {
    const t = this.tickets.get(downloadId);
    if (!t) throw gone();
    clearTimeout(t.timer);
    t.timer = this.expiry(downloadId);
    return t.file;
  }

  /** Up to `length` bytes at `offset` (the desktop app's protocol asks piece by piece). */
  async read(downloadId: string, offset: number, length: number): Promise<Buffer> {
    const file = this.file(downloadId);
    return readRange(file, offset, length);
  }

  close(): void {
    for (const id of [...this.tickets.keys()]) this.forget(id);
  }

  private expiry(id: string): NodeJS.Timeout {
    const timer = setTimeout(() => this.forget(id), this.idleMs);
    timer.unref();
    return timer;
  }

  private forget(id: string): void {
    const t = this.tickets.get(id);
    if (!t) return;
    clearTimeout(t.timer);
    this.tickets.delete(id);
  }
}
