import { execFileSync } from 'node:child_process';
import { createPrivateKey } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { signPackage } from '#core/signing/package-sign';
import { sampleDocx } from './fixtures';

export interface Stranger {
  /** The certificate as PEM and as DER files, made by the openssl CLI. */
  pemFile: string;
  derFile: string;
  /** The SHA-256 fingerprint as `openssl x509 -fingerprint -sha256` prints it. */
  fingerprint: string;
  /** A real DOCX signed with the stranger's key by our own signer. */
  docx: Buffer;
}

/**
 * Someone who is not the data folder's Amelia Hartmann makes a key and a
 * certificate that says "Amelia Hartmann" (with openssl, as anyone can) and
 * signs a document with it.
 */
export async function strangerSignedDocx(dir: string, commonName = 'Amelia Hartmann'): Promise<Stranger> {
  const keyFile = join(dir, 'stranger-key.pem');
  const pemFile = join(dir, 'stranger.pem');
  const derFile = join(dir, 'stranger.der');
  const openssl = (...args: string[]) => execFileSync('openssl', args, { encoding: 'utf8', stdio: 'pipe' });
  openssl('genpkey', '-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:2048', '-out', keyFile);
  openssl(
    'req',
    '-x509',
    '-new',
    '-key',
    keyFile,
    '-subj',
    `/CN=${commonName}/O=Stranger Ltd`,
    '-days',
    '30',
    '-out',
    pemFile,
  );
  openssl('x509', '-in', pemFile, '-outform', 'DER', '-out', derFile);
  const fingerprint = openssl('x509', '-in', pemFile, '-noout', '-fingerprint', '-sha256').trim().split('=')[1]!;
  const docx = await signPackage(await sampleDocx(), {
    certificateDer: readFileSync(derFile),
    privateKey: createPrivateKey(readFileSync(keyFile)),
    signingTime: new Date('2026-11-28T10:00:00Z'),
  });
  writeFileSync(join(dir, 'stranger.docx'), docx);
  return { pemFile, derFile, fingerprint, docx };
}
