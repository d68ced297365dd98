import { createHash } from 'node:crypto';

/** Keys that differ between two builds of the same audit data: left out of the hash. */
const VOLATILE = new Set(['reportNumber', 'version', 'signOff', 'generatedAt', 'path', 'fileKey']);

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .filter((k) => !VOLATILE.has(k))
        .sort()
        .map((k) => [k, canonical((value as Record<string, unknown>)[k])]),
    );
  }
  return value;
}

/**
 * SHA-256 of the data a document is built from, so the app can tell whether
 * the audit changed since a version was issued (and a new version is due).
 */
export function contentHash(model: unknown): string {
  return createHash('sha256')
    .update(JSON.stringify(canonical(model)))
    .digest('hex');
}
