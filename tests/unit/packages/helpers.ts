import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Backend } from '#core/backend';
import { unlockSigningKey } from '#core/repos/signing';
import { value } from '../../helpers/backend';

/** Every file and folder under `dir` with its size and modification time: "nothing written" is this unchanged. */
export function listing(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((name) => {
      const s = statSync(join(dir, name));
      return `${name} ${s.isDirectory() ? 'dir' : s.size} ${s.mtimeMs}`;
    })
    .sort();
}

const PASSPHRASE = 'correct horse battery';

/** A real signing identity of the data folder, made through the backend's op, and its unlocked key. */
export async function identity(backend: Backend, name: string, keyAlgorithm: 'ecdsa-p256' | 'rsa-3072') {
  const id = value(
    await backend.call('signing.create', {
      name,
      email: 'auditor@example.org',
      organisation: 'Example Certification Ltd',
      keyAlgorithm,
      validityDays: 30,
      protection: { kind: 'passphrase', passphrase: PASSPHRASE },
    }),
  );
  const key = unlockSigningKey(backend.context, id.id, { kind: 'passphrase', passphrase: PASSPHRASE });
  return { id, privateKey: key.privateKey, certificateDer: key.certificateDer };
}
