import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { DownloadTickets, MAX_DOWNLOADS } from '#core/bytes/downloads';
import { UPLOAD_IDLE_MS, UploadSessions, type Sink, type UploadKind } from '#core/bytes/uploads';

/** A sink that keeps what it was given, and can be told to fail. */
class Kept implements Sink {
  chunks: Buffer[] = [];
  discarded = false;
  failNext = false;
  write(bytes: Uint8Array) {
    if (this.failNext) return Promise.reject(new Error('disk full'));
    this.chunks.push(Buffer.from(bytes));
    return Promise.resolve();
  }
  discard() {
    this.discarded = true;
    return Promise.resolve();
  }
  get text() {
    return Buffer.concat(this.chunks).toString();
  }
}

const KIND: UploadKind = { maxOpen: 2, gone: 'gone (test kind)', busy: 'busy (test kind)' };
const OTHER: UploadKind = { maxOpen: 2, gone: 'gone (other kind)', busy: 'busy (other kind)' };
const b = (s: string) => Buffer.from(s);

async function* slowly(...parts: string[]) {
  for (const p of parts) {
    await new Promise((resolve) => setImmediate(resolve));
    yield b(p);
  }
}

describe('upload sessions', () => {
  it('takes chunks in order, piece by piece, and hands the complete sink over once', async () => {
    const sessions = new UploadSessions();
    const sink = new Kept();
    const id = sessions.open(KIND, 10, sink);
    // Sent without waiting: each is checked when its turn comes.
    const sent = await Promise.all([sessions.put(id, 0, slowly('12', '34')), sessions.put(id, 4, [b('567')])]);
    expect(sent).toEqual([{ received: 4 }, { received: 7 }]);
    await expect(sessions.complete(id, KIND)).rejects.toThrow('The upload is incomplete: 7 of 10 bytes arrived.');
    await sessions.put(id, 7, [b('890')]);
    // Another kind's id is as unknown as a made-up one.
    await expect(sessions.take(id, OTHER)).rejects.toThrow('gone (other kind)');
    const taken = await sessions.take<Kept>(id, KIND);
    expect([taken.sink.text, taken.size, sink.discarded]).toEqual(['1234567890', 10, false]);
    await expect(sessions.put(id, 10, [b('x')])).rejects.toThrow(/no longer exists/);
    await expect(sessions.abort(id, KIND)).rejects.toThrow('gone (test kind)');
  });

  it('refuses out of order, beyond the size, and more open sessions than the kind allows', async () => {
    const sessions = new UploadSessions();
    const sink = new Kept();
    const id = sessions.open(KIND, 5, sink);
    await expect(sessions.put(id, 1, [b('x')])).rejects.toThrow('Chunk out of order: expected offset 0, got 1.');
    // The over-long piece is refused before it is written; what came before it stays.
    await expect(sessions.put(id, 0, slowly('123', '456'))).rejects.toThrow(
      'The upload is larger than the 5 bytes announced; nothing more was added.',
    );
    expect(sink.text).toBe('123');
    expect(await sessions.put(id, 3, [b('45')])).toEqual({ received: 5 });
    sessions.open(KIND, 1, new Kept());
    const third = new Kept();
    expect(() => sessions.open(KIND, 1, third)).toThrow('busy (test kind)');
    expect(third.discarded).toBe(true);
    // Other kinds count on their own.
    sessions.open(OTHER, 1, new Kept());
  });

  it('gives an upload up when its sink fails, and when it is aborted mid-chunk', async () => {
    const sessions = new UploadSessions();
    const failing = new Kept();
    const id = sessions.open(KIND, 5, failing);
    failing.failNext = true;
    await expect(sessions.put(id, 0, [b('12')])).rejects.toThrow('disk full');
    expect(failing.discarded).toBe(true);
    await expect(sessions.put(id, 0, [b('12')])).rejects.toThrow(/no longer exists/);

    const sink = new Kept();
    const other = sessions.open(KIND, 5, sink);
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    async function* stalled() {
      yield b('12');
      await held;
      yield b('34');
    }
    const sending = sessions.put(other, 0, stalled());
    await vi.waitFor(() => expect(sink.text).toBe('12'));
    const aborting = sessions.abort(other, KIND);
    release();
    await expect(sending).rejects.toThrow('gone (test kind)');
    await aborting;
    expect([sink.text, sink.discarded]).toEqual(['12', true]);
  });

  it('expires an idle upload; each piece starts the clock again; close discards the rest', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const sessions = new UploadSessions();
    const sink = new Kept();
    try {
      const id = sessions.open(KIND, 10, sink);
      vi.advanceTimersByTime(UPLOAD_IDLE_MS - 1000);
      await sessions.put(id, 0, [b('1')]);
      vi.advanceTimersByTime(UPLOAD_IDLE_MS - 1000);
      await sessions.put(id, 1, [b('2')]);
      vi.advanceTimersByTime(UPLOAD_IDLE_MS + 1);
      await vi.waitFor(() => expect(sink.discarded).toBe(true));
      await expect(sessions.put(id, 2, [b('3')])).rejects.toThrow(/no longer exists/);
    } finally {
      vi.useRealTimers();
    }
    const open = new Kept();
    sessions.open(KIND, 3, open);
    await sessions.close();
    expect(open.discarded).toBe(true);
  });
});

describe('download tickets', () => {
  const dir = mkdtempSync(join(tmpdir(), 'fieldwork-tickets-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reads a ticket’s file in ranges, refuses a damaged one, and forgets the oldest past the limit', async () => {
    const path = join(dir, 'a.bin');
    writeFileSync(path, 'hello world');
    const tickets = new DownloadTickets();
    const { downloadId, size } = tickets.offer({ path, size: 11 });
    expect(size).toBe(11);
    expect((await tickets.read(downloadId, 6, 100)).toString()).toBe('world');
    await expect(tickets.read(downloadId, 12, 1)).rejects.toThrow(
      'The read starts past the end of the file (11 bytes).',
    );
    const damaged = tickets.offer({ path, size: 20 });
    await expect(tickets.read(damaged.downloadId, 0, 20)).rejects.toThrow(/missing or damaged/);
    for (let i = 0; i < MAX_DOWNLOADS; i++) tickets.offer({ path, size: 11 });
    expect(() => tickets.file(downloadId)).toThrow(/no longer exists/);
    tickets.close();
  });
});
