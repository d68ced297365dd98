import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { Document, ImageRun, Packer, Paragraph, TextRun } from 'docx';
import { selfIssuedCertificate } from '#core/signing/certificate';

/** A 1×1 PNG, so the document has a media part as reports do. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

/** A real DOCX written by the `docx` package: two paragraphs and a picture. */
export async function sampleDocx(): Promise<Buffer> {
  const doc = new Document({
    creator: 'Fieldwork tests',
    sections: [
      {
        children: [
          new Paragraph({ children: [new TextRun('Audit report for Acme Ltd')] }),
          new Paragraph({ children: [new TextRun('The second paragraph, which a test changes.')] }),
          new Paragraph({
            children: [new ImageRun({ type: 'png', data: PNG, transformation: { width: 20, height: 20 } })],
          }),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

export interface TestSigner {
  certificateDer: Buffer;
  privateKey: KeyObject;
  signingTime: Date;
}

/** A signer with a fresh self-issued certificate (RSA 2048 keeps tests quick; the app uses 3072). */
export function testSigner(kind: 'rsa' | 'ec' = 'rsa', name = 'Lena Lead'): TestSigner {
  const { publicKey, privateKey } =
    kind === 'rsa'
      ? generateKeyPairSync('rsa', { modulusLength: 2048 })
      : generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const now = new Date();
  const certificateDer = selfIssuedCertificate({
    subject: { commonName: name, organisation: 'Example Certification Ltd', email: 'lena@example.org' },
    publicKey,
    privateKey,
    notBefore: now,
    notAfter: new Date(now.getTime() + 365 * 86_400_000),
  });
  return { certificateDer, privateKey, signingTime: new Date('2026-11-28T10:00:00Z') };
}
