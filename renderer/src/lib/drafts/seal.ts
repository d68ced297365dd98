/**
 * Sealing a draft's text for IndexedDB: AES-256-GCM in WebCrypto under the key the backend derives for the draft
 * journal (`security.draftKey`), imported non-extractable, so script in the page can use it but not read it, and
 * nothing stores it. Plain TypeScript over `crypto.subtle` (the browser's, or Node's in unit tests).
 */

/**
 * A WebCrypto key, named through `crypto.subtle` rather than the DOM's global type: the journal also compiles
 * (and is unit-tested) under Node's types.
 */
export type JournalKey = Awaited<ReturnType<typeof globalThis.crypto.subtle.importKey>>;

/** What a journal row holds in place of its text: a fresh 12-byte IV per write, the ciphertext with its tag. */
export interface SealedText {
  v: 1;
  iv: Uint8Array<ArrayBuffer>;
  data: ArrayBuffer;
}

/** What is sealed: the typed text and the server value the edit started from. */
export interface DraftTexts {
  text: string;
  baseText: string;
}

/** The row's identity, bound to the ciphertext (AES-GCM additional data): a row moved or redated fails to open. */
export interface SealedIdentity {
  key: string;
  auditId: string;
  updatedAt: string;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: true });
const subtle = () => globalThis.crypto.subtle;
const aad = (id: SealedIdentity) => encoder.encode(`${id.key}\n${id.auditId}\n${id.updatedAt}`);

/** The backend's answer (32 bytes, base64) as a key this page can use but never export. */
export async function importDraftKey(base64: string): Promise<JournalKey> {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  try {
    return await subtle().importKey('raw', bytes, { name: 'AES-GCM' }, false, ['encrypt', 'decrypt']);
  } finally {
    bytes.fill(0);
  }
}

export async function sealTexts(key: JournalKey, id: SealedIdentity, texts: DraftTexts): Promise<SealedText> {
  const iv = globalThis.crypto.getRandomValues(new Uint8Array(12));
  const plain = encoder.encode(JSON.stringify([texts.text, texts.baseText]));
  const data = await subtle().encrypt({ name: 'AES-GCM', iv, additionalData: aad(id) }, key, plain);
  return { v: 1, iv, data };
}

/** The texts, or null when they do not open: another key (another data folder), or altered bytes. */
export async function openTexts(key: JournalKey, id: SealedIdentity, sealed: SealedText): Promise<DraftTexts | null> {
  try {
    if (sealed.v !== 1) return null;
    const plain = await subtle().decrypt({ name: 'AES-GCM', iv: sealed.iv, additionalData: aad(id) }, key, sealed.data);
    const parsed: unknown = JSON.parse(decoder.decode(plain));
    if (!Array.isArray(parsed) || typeof parsed[0] !== 'string' || typeof parsed[1] !== 'string') return null;
    return { text: parsed[0], baseText: parsed[1] };
  } catch {
    return null;
  }
}
