/**
 * Characters XML 1.0 cannot carry at all (control characters other than tab
 * and line breaks, U+FFFE/U+FFFF, unpaired surrogates). One of them pasted
 * into a note would make the whole document unreadable, so they are dropped.
 */
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

export const xmlSafe = (s: string): string => s.replace(NOT_XML, '');

/** A copy of a JSON value with every string made safe for XML. */
export function xmlSafeDeep<T>(value: T): T {
  if (typeof value === 'string') return xmlSafe(value) as T;
  if (Array.isArray(value)) return value.map(xmlSafeDeep) as T;
  // Bytes are not text: a photo's file key (an encrypted folder's) must reach the worker's reader as it is.
  if (ArrayBuffer.isView(value)) return value;
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, xmlSafeDeep(v)])) as T;
  }
  return value;
}
