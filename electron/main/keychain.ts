import { randomBytes } from 'node:crypto';
import type { OpName } from '#shared/api/ops';
import { fail, type Result } from '#shared/api/result';
import { isKeychainRequest, type KeychainAnswer } from './host-unlock';

/** The part of Electron's safeStorage this glue uses (the OS keychain / DPAPI / libsecret behind it). */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plain: string): Buffer;
  decryptString(encrypted: Buffer): string;
}

export interface KeychainDeps {
  safeStorage: SafeStorageLike;
  /** The backend's API. */
  call(op: OpName, input: unknown): Promise<Result<unknown>>;
}

/**
 * Answers the backend process's keychain requests for the data folder's key (host-unlock.ts): safeStorage wraps
 * the key's bytes (as base64 text, the form safeStorage takes). Null when there is no keychain or it cannot unwrap.
 * Anything else is not a keychain request: undefined, for the caller's other listeners.
 */
export function answerKeychainRequest(safeStorage: SafeStorageLike, message: unknown): KeychainAnswer | undefined {
  if (!isKeychainRequest(message)) return undefined;
  const answer = (data: Uint8Array | null): KeychainAnswer => ({ type: 'keychain-answer', id: message.id, data });
  if (!safeStorage.isEncryptionAvailable()) return answer(null);
  try {
    if (message.op === 'encrypt') {
      return answer(new Uint8Array(safeStorage.encryptString(Buffer.from(message.data).toString('base64'))));
    }
    return answer(new Uint8Array(Buffer.from(safeStorage.decryptString(Buffer.from(message.data)), 'base64')));
  } catch {
    return answer(null);
  }
}

const NO_KEYCHAIN = 'No OS keychain is available on this computer; choose a passphrase.';

const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const isKeychain = (x: unknown): boolean => isRecord(x) && x.kind === 'os_keychain';

/**
 * Answers the OS-keychain choice for the backend, which never sees the
 * keychain: a new identity's key is sealed with a random secret that
 * safeStorage wraps (the backend stores only the wrapped form), and signing
 * with it (an issued report, a team package) unwraps that secret here and
 * hands it on as the passphrase.
 * Anything that is not exactly such an input goes to the backend untouched,
 * which validates every input itself.
 */
export function createKeychainGlue(deps: KeychainDeps) {
  const newProtection = (): Result<Record<string, string>> => {
    if (!deps.safeStorage.isEncryptionAvailable()) return fail('unavailable', NO_KEYCHAIN);
    const secret = randomBytes(32).toString('base64');
    const wrapped = deps.safeStorage.encryptString(secret).toString('base64');
    return { ok: true, value: { kind: 'wrapped', secret, wrapped } };
  };

  const unwrap = async (identityId: unknown): Promise<Result<string>> => {
    const found = await deps.call('signing.keyWrap', { id: identityId });
    if (!found.ok) return found;
    const { wrapped } = found.value as { wrapped: string | null };
    if (wrapped === null) {
      return fail('invalid_input', 'This signing key is protected by a passphrase, not the OS keychain: enter it.');
    }
    if (!deps.safeStorage.isEncryptionAvailable()) return fail('unavailable', NO_KEYCHAIN);
    try {
      return { ok: true, value: deps.safeStorage.decryptString(Buffer.from(wrapped, 'base64')) };
    } catch {
      return fail(
        'wrong_passphrase',
        'The OS keychain could not unlock this signing key (it was created for another user or computer). Nothing was signed.',
      );
    }
  };

  return async (op: OpName, input: unknown): Promise<Result<unknown>> => {
    // The wrapped secret is for this process only.
    if (op === 'signing.keyWrap') return fail('forbidden', 'Only the desktop app itself may read a wrapped key.');
    if ((op === 'signing.create' || op === 'signing.importPkcs12') && isRecord(input) && isKeychain(input.protection)) {
      const protection = newProtection();
      if (!protection.ok) return protection;
      return deps.call(op, { ...input, protection: protection.value });
    }
    if (op === 'exports.start' && isRecord(input) && isRecord(input.issue) && isKeychain(input.issue.unlock)) {
      const secret = await unwrap(input.issue.identityId);
      if (!secret.ok) return secret;
      return deps.call(op, {
        ...input,
        issue: { ...input.issue, unlock: { kind: 'passphrase', passphrase: secret.value } },
      });
    }
    // A team package is signed the same way (issue 13); its unlock sits at the top level.
    if (op === 'team.export' && isRecord(input) && isKeychain(input.unlock)) {
      const secret = await unwrap(input.identityId);
      if (!secret.ok) return secret;
      return deps.call(op, { ...input, unlock: { kind: 'passphrase', passphrase: secret.value } });
    }
    return deps.call(op, input);
  };
}
