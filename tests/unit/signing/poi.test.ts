import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signPackage } from '#core/signing/package-sign';
import { verifyPackage } from '#core/signing/package-verify';
import { poiVerify, type PoiSignature } from '../../helpers/poi/poi';
import { sampleDocx, testSigner } from './fixtures';
import { changeBase64In, entryNames, flipIn, flipMiddle, rezip } from './tamper';

const dir = mkdtempSync(path.join(tmpdir(), 'fw-poi-sign-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('Apache POI (an independent reader) and our package signature', { timeout: 300_000 }, () => {
  let unsigned: Buffer;
  let signed: Buffer;
  const files: Record<string, string> = {};
  let poi: ReturnType<typeof poiVerify>;
  const save = (key: string, bytes: Buffer) => {
    files[key] = path.join(dir, `${key.replace(/\W/g, '_')}.docx`);
    writeFileSync(files[key], bytes);
  };
  const sigs = (key: string): PoiSignature[] => {
    const r = poi.get(files[key]!);
    if (!r || 'error' in r) throw new Error(`POI could not check ${key}: ${r?.error}`);
    return r.signatures;
  };

  beforeAll(async () => {
    unsigned = await sampleDocx();
    signed = await signPackage(unsigned, testSigner('rsa'));
    save('rsa', signed);
    save('ec', await signPackage(unsigned, testSigner('ec')));
    save('document', await rezip(signed, (n, b) => (n === 'word/document.xml' ? flipMiddle(b) : b)));
    save('image', await rezip(signed, (n, b) => (n === 'word/media/image1.png' ? flipMiddle(b) : b)));
    save('rels', await rezip(signed, (n, b) => (n === 'word/_rels/document.xml.rels' ? flipIn(b, /Target="(.)/) : b)));
    save(
      'signature',
      await rezip(signed, (n, b) => (n === '_xmlsignatures/sig1.xml' ? changeBase64In(b, /<SignatureValue>(.)/) : b)),
    );
    poi = poiVerify(Object.values(files));
  }, 300_000);

  it('finds the RSA and the ECDSA signature valid, naming the signer', () => {
    for (const key of ['rsa', 'ec']) {
      expect(sigs(key), key).toHaveLength(1);
      expect(sigs(key)[0]!.valid, key).toBe(true);
      expect(sigs(key)[0]!.signer, key).toContain('CN=Lena Lead');
    }
  });

  it('finds a one-byte change invalid: text, picture, relationship, signature value', () => {
    for (const key of ['document', 'image', 'rels', 'signature']) {
      // A checked, failed signature (not an exception before checking).
      expect(sigs(key), key).toEqual([{ valid: false, signer: null }]);
    }
  });

  it('the core properties (which POI and Word never sign) are left out, and every remaining part is signed', async () => {
    expect(await entryNames(unsigned)).toContain('docProps/core.xml');
    const parts = await entryNames(signed);
    expect(parts).not.toContain('docProps/core.xml');
    const JSZip = (await import('jszip')).default;
    const zip = await JSZip.loadAsync(signed);
    expect(await zip.file('_rels/.rels')!.async('string')).not.toContain('core-properties');
    expect(await zip.file('[Content_Types].xml')!.async('string')).not.toContain('/docProps/core.xml');
    const xml = await zip.file('_xmlsignatures/sig1.xml')!.async('string');
    const covered = [...xml.matchAll(/<Reference URI="(\/[^"?]+)\?ContentType=/g)].map((m) => m[1]).sort();
    const expected = parts
      .filter((e) => e !== '[Content_Types].xml' && !e.startsWith('_xmlsignatures/'))
      .map((e) => `/${e}`)
      .sort();
    expect(covered).toEqual(expected);
    expect((await verifyPackage(signed)).status).toBe('valid');
  });
});
