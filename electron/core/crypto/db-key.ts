import { hkdfSync } from 'node:crypto';
import type Database from 'better-sqlite3';

/**
 * The database's own key, derived from the folder's data key with HKDF-SHA256 (the evidence files derive theirs
 * under other labels, crypto/file-cipher.ts): one key per use, none reused for two ciphers.
 */
export function databaseKey(dataKey: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', dataKey, Buffer.alloc(0), 'fieldwork sqlcipher database v1', 32));
}

/**
 * Keys a connection before its first statement reads a page: SQLite3 Multiple Ciphers' SQLCipher scheme with
 * `legacy=4`, i.e. SQLCipher 4's page format (4096-byte pages, AES-256-CBC, HMAC-SHA512 per page), so
 * `sqlcipher` 4 opens the file with `PRAGMA key = "x'…'"`. The key is raw (x'64 hex digits'): no KDF runs per
 * open, the scrypt of the passphrase already did that work once (crypto/key-file.ts).
 */
export function keyConnection(db: Database.Database, dataKey: Buffer): void {
  for (const statement of keyStatements(dataKey)) db.exec(statement);
}

/** The statements that key a connection, for a worker thread that opens its own. */
export const keyStatements = (dataKey: Buffer): string[] => [
  `PRAGMA cipher = 'sqlcipher'`,
  'PRAGMA legacy = 4',
  `PRAGMA key = "x'${databaseKey(dataKey).toString('hex')}'"`,
];

/**
 * The renderer's draft journal key (IndexedDB, AES-GCM in WebCrypto), from the folder's data key — or, in a plain
 * folder, from its drafts secret (crypto/draft-secret.ts) — under a label of its own, so it opens nothing else.
 */
export function draftJournalKey(secret: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', secret, Buffer.alloc(0), 'fieldwork draft journal v1', 32));
}
