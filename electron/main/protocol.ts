import { protocol } from 'electron';
import { readFile, stat } from 'node:fs/promises';
import { CONTENT_SECURITY_POLICY } from './csp';
import { cacheControlFor, contentTypeFor, resolveStaticPath } from '#core/static-files';
import { APP_HOST, APP_SCHEME } from './protocol-path';
import { BYTES_PATH, parseByteUrl, type ByteRequest } from '#shared/domain/bytes';

/**
 * Must run before app 'ready': gives app:// an origin, fetch and secure-context rights, and V8's code cache (the
 * renderer's hashed chunks are compiled once, not at every start).
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    // stream: request and response bodies of the byte channel (`/bytes/`) flow as they arrive.
    {
      scheme: APP_SCHEME,
      privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true, codeCache: true },
    },
  ]);
}

const baseHeaders = (): Record<string, string> => ({
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Cache-Control': 'no-cache',
});

const notFound = (): Response =>
  new Response('Not found', {
    status: 404,
    headers: { ...baseHeaders(), 'Content-Type': 'text/plain; charset=utf-8' },
  });

/** The byte channel's handler (byte-relay.ts), for `/bytes/<id>` requests. */
export type BytesHandler = (request: Request, target: ByteRequest) => Promise<Response>;

/**
 * Serves files of the built renderer in `root`, and the byte channel under
 * `/bytes/` when given; anything else is a 404. Only our own page reaches
 * app:// (navigation.ts keeps every other page out of the window), and an
 * upload or download id is a random capability an operation handed out.
 */
export function createAppRequestHandler(root: string, bytes?: BytesHandler): (request: Request) => Promise<Response> {
  return async (request) => {
    let url: URL;
    try {
      url = new URL(request.url);
    } catch {
      return notFound();
    }
    if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return notFound();
    if (url.pathname.startsWith(BYTES_PATH)) {
      const target = bytes ? parseByteUrl(url) : null;
      return target && bytes ? bytes(request, target) : notFound();
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return new Response('Method not allowed', { status: 405, headers: { ...baseHeaders(), Allow: 'GET, HEAD' } });
    }
    const file = resolveStaticPath(root, url.pathname);
    if (file === null) return notFound();
    try {
      if (!(await stat(file)).isFile()) return notFound();
      const body = request.method === 'HEAD' ? null : await readFile(file);
      return new Response(body, {
        status: 200,
        headers: {
          ...baseHeaders(),
          'Content-Type': contentTypeFor(file),
          'Cache-Control': cacheControlFor(url.pathname),
        },
      });
    } catch {
      return notFound();
    }
  };
}

/** Call after app 'ready'. */
export function handleAppProtocol(root: string, bytes?: BytesHandler): void {
  protocol.handle(APP_SCHEME, createAppRequestHandler(root, bytes));
}

/** The headers every app:// answer carries, for the byte relay's. */
export const appHeaders = baseHeaders;
