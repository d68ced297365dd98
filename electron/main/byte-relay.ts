import { fail, type Result } from '#shared/api/result';
import { byteStatus, type ByteRequest } from '#shared/domain/bytes';
import type { HostBytesBody } from './backend-messages';

/** Sends one byte request to the backend process (backend-client's `bytes`). */
export type SendBytes = (request: HostBytesBody) => Promise<Result<unknown>>;

/**
 * Bytes per message to and from the backend process: large enough that the
 * per-message cost vanishes, small enough that a relayed file never sits in
 * main's memory whole.
 */
export const RELAY_PIECE_BYTES = 4 * 1024 * 1024;

const isRead = (v: unknown): v is { size: number; data: Uint8Array } =>
  typeof v === 'object' && v !== null && 'data' in v && v.data instanceof Uint8Array && 'size' in v;

/**
 * The desktop app's byte channel, `app://fieldwork/bytes/<id>` (protocol.ts):
 * the request body is relayed to the backend process in binary pieces as it
 * arrives, and a download is streamed back piece by piece. The backend's
 * channel decides everything (ordering, limits, what may be read); this only
 * moves bytes between the renderer and it.
 */
export function createByteRelay(send: SendBytes, headers: () => Record<string, string>) {
  const envelope = (result: Result<unknown>, status: number) =>
    new Response(JSON.stringify(result), {
      status,
      headers: { ...headers(), 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' },
    });
  const refused = (result: Result<unknown>) => envelope(result, result.ok ? 500 : byteStatus(result.error.code));

  async function upload(request: Request, target: ByteRequest): Promise<Response> {
    const reader = (request.body as ReadableStream<Uint8Array> | null)?.getReader();
    let offset = target.offset;
    let held: Uint8Array[] = [];
    let heldBytes = 0;
    let sent = false;
    let last: Result<unknown> = { ok: true, value: { received: offset } };
    const flush = async () => {
      const data = new Uint8Array(heldBytes);
      let at = 0;
      for (const part of held) {
        data.set(part, at);
        at += part.length;
      }
      held = [];
      heldBytes = 0;
      sent = true;
      last = await send({ bytes: 'put', uploadId: target.id, offset, data });
      offset += data.length;
      return last.ok;
    };
    try {
      for (;;) {
        if (!reader) break;
        const next = await reader.read();
        if (next.done) break;
        held.push(next.value);
        heldBytes += next.value.length;
        if (heldBytes >= RELAY_PIECE_BYTES && !(await flush())) {
          await reader?.cancel();
          break;
        }
      }
      // An empty body still asks the channel, so an unknown upload or a wrong offset is said.
      if (last.ok && (heldBytes > 0 || !sent)) await flush();
    } catch {
      return refused(fail('invalid_input', 'The bytes stopped arriving before the chunk was complete.'));
    }
    return last.ok ? envelope(last, 200) : refused(last);
  }

  async function download(request: Request, target: ByteRequest): Promise<Response> {
    const head = request.method === 'HEAD';
    const first = await send({ bytes: 'read', downloadId: target.id, offset: 0, length: head ? 0 : RELAY_PIECE_BYTES });
    if (!first.ok) return refused(first);
    if (!isRead(first.value)) return refused(fail('internal', 'The backend answered a read with no bytes.'));
    const { size, data } = first.value;
    let offset = data.length;
    const body = head
      ? null
      : new ReadableStream<Uint8Array>({
          start(controller) {
            if (data.length > 0) controller.enqueue(data);
            if (offset >= size) controller.close();
          },
          async pull(controller) {
            const next = await send({ bytes: 'read', downloadId: target.id, offset, length: RELAY_PIECE_BYTES });
            if (!next.ok || !isRead(next.value) || next.value.data.length === 0) {
              // Ending early would hand out a shorter file as if complete.
              controller.error(new Error('The file could not be read to its end.'));
              return;
            }
            controller.enqueue(next.value.data);
            offset += next.value.data.length;
            if (offset >= size) controller.close();
          },
        });
    return new Response(body, {
      status: 200,
      headers: {
        ...headers(),
        'Content-Type': 'application/octet-stream',
        'Content-Length': String(size),
        'Cache-Control': 'no-store',
      },
    });
  }

  return (request: Request, target: ByteRequest): Promise<Response> => {
    if (request.method === 'PUT') return upload(request, target);
    if (request.method === 'GET' || request.method === 'HEAD') return download(request, target);
    return Promise.resolve(envelope(fail('invalid_input', 'Use PUT to send bytes and GET to read them.'), 405));
  };
}
