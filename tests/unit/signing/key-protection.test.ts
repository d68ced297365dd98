import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSPHRASE } from '#core/demo/reports';
import { openKey, sealKey } from '#core/signing/key-protection';
import { SigningIdentityCreate } from '#shared/domain/signing';
import { sealedAtOldCost } from './sealed-v1';

const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
const der = (k: { export: (o: { type: 'pkcs8'; format: 'der' }) => Buffer }) =>
  k.export({ type: 'pkcs8', format: 'der' });

describe('key sealing', { timeout: 60_000 }, () => {
  it('seals new keys with scrypt at N = 2^17 or more, r = 8, and opens them with the passphrase only', () => {
    const sealed = sealKey(privateKey, 'correct horse battery');
    const params = JSON.parse(sealed) as { n: number; r: number; tag: string };
    expect(params.n).toBeGreaterThanOrEqual(2 ** 17);
    expect(params.r).toBe(8);
    expect(Buffer.from(params.tag, 'base64')).toHaveLength(16);
    expect(der(openKey(sealed, 'correct horse battery')!)).toEqual(der(privateKey));
    expect(openKey(sealed, 'correct horse batterY')).toBeNull();
  });

  it('still opens a key sealed at the old cost (N = 2^15): the parameters travel with the key', () => {
    const old = sealedAtOldCost(privateKey, 'old but gold 2019');
    expect(der(openKey(old, 'old but gold 2019')!)).toEqual(der(privateKey));
    expect(openKey(old, 'old but gold 2020')).toBeNull();
  });

  it('refuses a truncated authentication tag even with the right passphrase (GCM tag pinned to 16 bytes)', () => {
    const sealed = JSON.parse(sealedAtOldCost(privateKey, 'old but gold 2019')) as { tag: string };
    for (const bytes of [4, 12]) {
      const short = { ...sealed, tag: Buffer.from(sealed.tag, 'base64').subarray(0, bytes).toString('base64') };
      expect(() => openKey(JSON.stringify(short), 'old but gold 2019'), `${bytes} bytes`).toThrow(
        'Unknown key sealing format',
      );
    }
  });

  it('refuses parameters that would make scrypt use more than 1 GiB', () => {
    const sealed = JSON.parse(sealedAtOldCost(privateKey, 'old but gold 2019')) as object;
    for (const p of [
      { n: 2 ** 21, r: 8 },
      { n: 2 ** 20, r: 16 },
    ]) {
      expect(() => openKey(JSON.stringify({ ...sealed, ...p }), 'x')).toThrow('Unknown key sealing format');
    }
  });

  it('the demo passphrase meets the minimum the app asks of everyone', () => {
    const r = SigningIdentityCreate.safeParse({
      name: 'Amelia Hartmann',
      protection: { kind: 'passphrase', passphrase: DEMO_PASSPHRASE },
    });
    expect(r.success).toBe(true);
  });
});
