import type { IncomingMessage, ServerResponse } from 'node:http';
import { fail, type Result } from '#shared/api/result';
import type { Backend } from './server';
import { byteStatus, parseByteUrl } from '#shared/domain/bytes';
import { hasToken } from './guards';

/** Headers every answer of the host carries (server.ts), passed in to keep one list. */
type Headers = Record<string, string>;

/**
 * The preview's byte channel, `/bytes/<id>`: PUT streams a request body into
 * an upload's chunk at `?offset=` (the session counts what actually arrives,
 * whatever Content-Length says); GET streams a download's file out. No base64
 * and no JSON on the bytes; only the small answers are JSON envelopes.
 */
export async function handleBytes(
  req: IncomingMessage,
  res: ServerResponse,
  backend: Backend,
  token: string,
  headers: Headers,
): Promise<void> {
  const refuse = (result: Result<never>, status?: number) => {
    // An unread body is not drained: the connection closes once the answer is out.
    res.on('finish', () => {
      if (!req.complete) req.socket?.destroy();
    });
    res.setHeader('Connection', 'close');
    sendEnvelope(res, result, headers, status ?? (result.ok ? 200 : byteStatus(result.error.code)));
  };
  if (!hasToken(req, token)) return refuse(fail('unauthorized', 'Missing or wrong access token.'));
  const target = parseByteUrl(new URL(req.url ?? '/', 'http://127.0.0.1'));
  if (!target) return refuse(fail('not_found', 'No such upload or download.'));

  if (req.method === 'PUT') {
    const result = await backend.bytes.put(target.id, target.offset, pieces(req));
    if (!result.ok) return refuse(result);
    return sendEnvelope(res, result, headers, 200);
  }
  if (req.method === 'GET' || req.method === 'HEAD') {
    const file = backend.bytes.file(target.id);
    if (!file.ok) return refuse(file);
    res.writeHead(200, {
      ...headers,
      'Content-Type': 'application/octet-stream',
      'Content-Length': String(file.value.size),
      'Cache-Control': 'no-store',
    });
    if (req.method === 'HEAD' || file.value.size === 0) return void res.end();
    // A file shorter than recorded ends the stream early: the client sees a broken download, never wrong bytes.
    file.value
      .stream()
      .on('error', () => res.destroy())
      .pipe(res);
    return;
  }
  refuse(fail('invalid_input', 'Use PUT to send bytes and GET to read them.'), 405);
}

/**
 * A request body in pieces of about 1 MiB: Node hands it over in 64 KiB
 * reads, and one write (a thread-pool round trip) per 64 KiB costs more than
 * the copy that joins them.
 */
export const PIECE_BYTES = 1024 * 1024;
async function* pieces(body: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
  let held: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    held.push(chunk);
    size += chunk.length;
    if (size >= PIECE_BYTES) {
      yield Buffer.concat(held, size);
      held = [];
      size = 0;
    }
  }
  if (size > 0) yield Buffer.concat(held, size);
}

function sendEnvelope(res: ServerResponse, result: Result<unknown>, headers: Headers, status: number) {
  res.writeHead(status, {
    ...headers,
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
  });
  res.end(JSON.stringify(result));
}
