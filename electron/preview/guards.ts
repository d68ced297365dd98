import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/**
 * Against DNS rebinding: a page on another site that resolves its own name to
 * 127.0.0.1 still sends its own Host and Origin, so both must name us exactly.
 */
export function isLoopbackRequest(req: IncomingMessage, port: number): boolean {
  const allowedHosts = [`127.0.0.1:${port}`, `localhost:${port}`];
  const host = req.headers.host;
  if (!host || !allowedHosts.includes(host.toLowerCase())) return false;
  const origin = req.headers.origin;
  if (origin === undefined) return true;
  return allowedHosts.some((h) => origin.toLowerCase() === `http://${h}`);
}

/**
 * Node keeps only the first of several Host headers (req.headers.host), so a
 * second one would go unchecked while a proxy or the browser may honour it:
 * the raw list is counted instead.
 */
export function hostHeaderCount(req: IncomingMessage): number {
  let count = 0;
  for (let i = 0; i < req.rawHeaders.length; i += 2) if (req.rawHeaders[i]!.toLowerCase() === 'host') count++;
  return count;
}

/** The declared body size: a number, null when absent (chunked), NaN when unreadable. */
export function declaredLength(req: IncomingMessage): number | null {
  const raw = req.headers['content-length'];
  if (raw === undefined) return null;
  return /^\d{1,16}$/.test(raw) ? Number(raw) : Number.NaN;
}

/** Constant-time comparison, so the token cannot be guessed byte by byte. */
export function hasToken(req: IncomingMessage, token: string): boolean {
  const given = req.headers['x-fieldwork-token'];
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}
