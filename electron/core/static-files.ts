import path from 'node:path';

// Encoded '.', '/', '\' and NUL never appear in the built renderer's file
// names; refusing them outright closes every double-decoding trick.
const FORBIDDEN_ENCODED = /%(2e|2f|5c|00)/i;
// After the single decode: backslash, NUL and other control chars, ':' (Windows
// drives, alternate data streams) and '%' (a name that was double-encoded).
// eslint-disable-next-line no-control-regex -- refusing control characters is the point
const FORBIDDEN_DECODED = /[\\\u0000-\u001f\u007f:%]/;

/**
 * Maps the raw (still percent-encoded) path of a URL (app:// in Electron,
 * http:// in the preview host) to an absolute
 * file path inside `root`, or null when the path is unsafe or malformed.
 * Pure: never touches the file system; the caller answers 404 on null.
 */
export function resolveStaticPath(root: string, rawPathname: string, pathApi: path.PlatformPath = path): string | null {
  if (typeof rawPathname !== 'string' || rawPathname.length > 1024) return null;
  if (!rawPathname.startsWith('/') || FORBIDDEN_ENCODED.test(rawPathname)) return null;
  let decoded: string;
  try {
    decoded = decodeURIComponent(rawPathname);
  } catch {
    return null; // malformed escape such as %E0%A4%A
  }
  if (FORBIDDEN_DECODED.test(decoded)) return null;
  const segments = decoded.split('/').slice(1);
  if (segments.some((s) => s === '.' || s === '..')) return null;
  // Empty segments ('//') would be collapsed by normalisation; refuse them
  // instead of guessing, except a single trailing slash on the root.
  const relative = decoded === '/' ? 'index.html' : segments.join('/');
  if (relative === '' || segments.slice(0, -1).some((s) => s === '') || relative.endsWith('/')) return null;

  const absRoot = pathApi.resolve(root);
  const target = pathApi.resolve(absRoot, ...relative.split('/'));
  const rel = pathApi.relative(absRoot, target);
  if (rel === '' || rel.startsWith('..') || pathApi.isAbsolute(rel)) return null;
  return target;
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
};

/** Content type by extension; unknown files are served as opaque bytes. */
export function contentTypeFor(filePath: string): string {
  return CONTENT_TYPES[path.extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}

/** A built file whose name carries its content's hash (`assets/start-BwjL8Kix.js`): the same URL is the same bytes. */
const HASHED_ASSET = /^\/assets\/[\w.-]+-[\w-]{8}\.(?:js|css|woff2?|svg|png|webp)$/;

/**
 * How long a browser may keep a file of the renderer. The hashed files are kept for good, which lets Chromium keep
 * their compiled code too (V8's code cache lives beside the HTTP cache): a start then compiles none of its 1.2 MB
 * of JavaScript again. The page itself (naming this build's files) is asked for again each time. API answers,
 * which carry client data, are never stored (each host's own header).
 */
export function cacheControlFor(rawPathname: string): string {
  return HASHED_ASSET.test(rawPathname) ? 'public, max-age=31536000, immutable' : 'no-cache';
}
