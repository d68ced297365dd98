import { randomBytes } from 'node:crypto';
import { createReadStream, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ErrorCode, Result } from '#shared/api/result';
import { fail } from '#shared/api/result';
import { isOpName, isRendererOp } from '#shared/api/ops';
import { CONTENT_SECURITY_POLICY } from '#shared/security';
import type { Backend as FullBackend } from '#core/backend';
import { BYTES_PATH } from '#shared/domain/bytes';
import { cacheControlFor, contentTypeFor, resolveStaticPath } from '#core/static-files';
import { handleBytes } from './bytes';
import { declaredLength, hasToken, hostHeaderCount, isLoopbackRequest } from './guards';

/**
 * Large enough for any form, a base64-encoded Statement of Applicability (5 MB of
 * file is ~6.7 MB encoded) and one base64 upload chunk (4 MiB, ~5.6 MB encoded).
 * Files travel through the streamed byte route instead (`/bytes/<id>`, bytes.ts),
 * whose uploads are limited by what their session announced.
 */
export const MAX_BODY_BYTES = 8 * 1024 * 1024;

/**
 * How long a client may take to send a request's headers, and the whole
 * request. Node's defaults (60 s, 300 s) let a stalled client hold a socket
 * for five minutes. The largest request is a byte-route chunk (16 MiB) over
 * loopback, so a minute is generous even on a busy machine.
 */
export const HEADERS_TIMEOUT_MS = 10_000;
export const REQUEST_TIMEOUT_MS = 60_000;

/**
 * The host answers before it loads the code of operations not yet used
 * (Backend.warm): once no request has been in flight for this long, so the
 * loading never delays the page's first requests, and a later first use of
 * an area (the report, signing) does not wait for its imports.
 */
export const WARM_AFTER_IDLE_MS = 300;

/** What the host serves: a backend, or the lockable session over one (`fieldwork serve`, crypto/session.ts). */
export type Backend = Pick<FullBackend, 'dispatch' | 'bytes' | 'warm'>;

export interface PreviewOptions {
  backend: Backend;
  staticDir: string;
  port?: number;
  token?: string;
  /** Tests pass small values; see HEADERS_TIMEOUT_MS and REQUEST_TIMEOUT_MS. */
  timeouts?: { headersMs: number; requestMs: number };
}

export interface PreviewServer {
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

const SECURITY_HEADERS = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

const STATUS: Partial<Record<ErrorCode, number>> = { unauthorized: 401, forbidden: 403, too_large: 413 };

/**
 * 413, and the rest of the body is not read: the connection is closed once
 * the answer is out (Node would otherwise read and discard all of it to reuse
 * the connection).
 */
function refuseTooLarge(req: IncomingMessage, res: ServerResponse) {
  res.on('finish', () => {
    if (!req.complete) req.socket.destroy();
  });
  res.setHeader('Connection', 'close');
  sendJson(res, fail('too_large', `Request larger than ${MAX_BODY_BYTES} bytes.`));
}

/** Serves the built renderer and the backend's handler map on 127.0.0.1 only. */
export async function startPreviewServer(opts: PreviewOptions): Promise<PreviewServer> {
  const token = opts.token ?? randomBytes(24).toString('base64url');
  let port = 0;
  const headersMs = opts.timeouts?.headersMs ?? HEADERS_TIMEOUT_MS;
  const requestMs = opts.timeouts?.requestMs ?? REQUEST_TIMEOUT_MS;
  const server: Server = createServer(
    // Node checks the timeouts only this often (30 s by default).
    { connectionsCheckingInterval: Math.max(10, Math.min(1000, Math.floor(headersMs / 4))) },
    (req, res) => handleRequest(req, res),
  );
  server.headersTimeout = headersMs;
  server.requestTimeout = requestMs;
  const warm = warmWhenIdle(opts.backend);
  const handleRequest = (req: IncomingMessage, res: ServerResponse) => {
    warm.busy(res);
    if (hostHeaderCount(req) !== 1)
      return sendJson(res, fail('invalid_input', 'Exactly one Host header, please.'), 400);
    if (!isLoopbackRequest(req, port))
      return sendJson(res, fail('forbidden', 'Request refused: foreign host or origin.'));
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    // Streamed, so the body limit below does not apply: an upload's session limits what it takes.
    if (path.startsWith(BYTES_PATH)) return void handleBytes(req, res, opts.backend, token, SECURITY_HEADERS);
    // Refused on the declaration, before a byte of the body is read.
    const declared = declaredLength(req);
    if (Number.isNaN(declared)) return sendJson(res, fail('invalid_input', 'Unreadable Content-Length.'), 400);
    if (declared !== null && declared > MAX_BODY_BYTES) return refuseTooLarge(req, res);
    if (path.startsWith('/api/')) return void handleApi(req, res, path.slice(5), opts.backend, token);
    if (req.method !== 'GET' && req.method !== 'HEAD') return sendText(res, 405, 'Method not allowed');
    serveStatic(res, opts.staticDir, path, req.method === 'HEAD');
  };
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  warm.idle();
  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    port,
    token,
    // A browser tab keeps keep-alive connections open; without dropping them
    // close() would wait for the tab, and a stopped host would never exit.
    close: () =>
      new Promise((resolve) => {
        warm.stop();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** Calls backend.warm once, when WARM_AFTER_IDLE_MS pass with no request in flight. */
function warmWhenIdle(backend: Backend) {
  let inFlight = 0;
  let done = false;
  let timer: NodeJS.Timeout | undefined;
  const idle = () => {
    clearTimeout(timer);
    if (done || inFlight > 0) return;
    timer = setTimeout(() => {
      done = true;
      // A failed import is not fatal here: the operation that needs it reports it when called.
      backend.warm().catch(() => undefined);
    }, WARM_AFTER_IDLE_MS);
    timer.unref();
  };
  return {
    idle,
    busy(res: ServerResponse) {
      inFlight++;
      clearTimeout(timer);
      res.once('close', () => {
        inFlight--;
        idle();
      });
    },
    stop() {
      done = true;
      clearTimeout(timer);
    },
  };
}

async function handleApi(req: IncomingMessage, res: ServerResponse, op: string, backend: Backend, token: string) {
  if (!hasToken(req, token)) return sendJson(res, fail('unauthorized', 'Missing or wrong access token.'));
  if (req.method !== 'POST') return sendJson(res, fail('invalid_input', 'Use POST for API calls.'), 405);
  const body = await readBody(req);
  if (body === null) return refuseTooLarge(req, res);
  let input: unknown;
  try {
    input = body.length === 0 ? {} : JSON.parse(body);
  } catch {
    return sendJson(res, fail('invalid_input', 'The request body is not valid JSON.'));
  }
  // A path names a file on this computer: only the desktop app's main process may ask the backend to read one.
  if (isOpName(op) && !isRendererOp(op)) {
    return sendJson(res, fail('forbidden', 'This operation is only available in the desktop app.'));
  }
  // Op names are plain ASCII; an encoded one is simply unknown to dispatch.
  sendJson(res, await backend.dispatch(op, input));
}

/** The body as text, or null as soon as it passes the limit (reading stops there; see the 'finish' handler). */
function readBody(req: IncomingMessage): Promise<string | null> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (c: Buffer) => {
      size += c.length;
      if (size <= MAX_BODY_BYTES) return void chunks.push(c);
      req.off('data', onData);
      req.pause();
      resolve(null);
    };
    req.on('data', onData);
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    // An aborted request: the answer goes nowhere, an empty body is harmless.
    req.on('error', () => resolve(null));
  });
}

function serveStatic(res: ServerResponse, root: string, path: string, headOnly: boolean) {
  const file = resolveStaticPath(root, path);
  const size = file ? fileSize(file) : null;
  if (!file || size === null) return sendText(res, 404, 'Not found');
  res.writeHead(200, {
    ...SECURITY_HEADERS,
    'Content-Type': contentTypeFor(file),
    'Content-Length': size,
    'Cache-Control': cacheControlFor(path),
  });
  if (headOnly) return void res.end();
  createReadStream(file)
    .on('error', () => res.destroy())
    .pipe(res);
}

function fileSize(file: string): number | null {
  try {
    const st = statSync(file);
    return st.isFile() ? st.size : null;
  } catch {
    return null;
  }
}

function sendJson(res: ServerResponse, result: Result<unknown>, status?: number) {
  const code = result.ok ? 200 : (status ?? STATUS[result.error.code] ?? 200);
  const body = JSON.stringify(result);
  res.writeHead(code, {
    ...SECURITY_HEADERS,
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
  });
  res.end(body);
}

function sendText(res: ServerResponse, status: number, text: string) {
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' });
  res.end(text);
}
