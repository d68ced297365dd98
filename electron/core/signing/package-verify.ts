import { X509Certificate } from 'node:crypto';
import { DomainError } from '#shared/api/result';
import type { PackageVerification } from '#shared/domain/signing';
import { NOT_DOCX, PART, REL_TYPE } from './names';
import { isSignaturePart } from './package-sign';
import { ContentTypes, partName, readPackage, readRelationships, type Package } from './opc';
import { checkSignature, type SignatureCheck } from './signature-check';

/** Resolves a relationship target against the folder of the part that holds the relationship. */
function resolveTarget(sourceEntry: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const base = sourceEntry.includes('/') ? sourceEntry.slice(0, sourceEntry.lastIndexOf('/') + 1) : '';
  const segments: string[] = [];
  for (const s of (base + target).split('/')) {
    if (s === '..') segments.pop();
    else if (s !== '.' && s !== '') segments.push(s);
  }
  return segments.join('/');
}

/** The rels part of `entry`: word/document.xml → word/_rels/document.xml.rels. */
const relsOf = (entry: string): string => {
  const slash = entry.lastIndexOf('/');
  return `${entry.slice(0, slash + 1)}_rels/${entry.slice(slash + 1)}.rels`;
};

/** Finds the signature parts through the origin relationship, noting what is broken on the way. */
function signatureEntries(pkg: Package, problems: string[]): string[] {
  let originEntry: string | undefined;
  try {
    const origin = readRelationships(pkg.parts.get(PART.packageRels)!).find((r) => r.type === REL_TYPE.origin);
    if (origin) originEntry = resolveTarget('', origin.target);
  } catch {
    throw new DomainError('invalid_input', NOT_DOCX);
  }
  if (!originEntry) {
    problems.push('The package no longer points to its signature (the signature origin relationship was removed)');
    return [];
  }
  const originRels = pkg.parts.get(relsOf(originEntry));
  if (!pkg.parts.has(originEntry) || !originRels) {
    problems.push(`Part ${partName(originEntry)} was removed after signing`);
    return [];
  }
  try {
    const sigs = readRelationships(originRels)
      .filter((r) => r.type === REL_TYPE.signature)
      .map((r) => resolveTarget(originEntry, r.target));
    const missing = sigs.filter((s) => !pkg.parts.has(s));
    for (const m of missing) problems.push(`The signature part ${partName(m)} is missing`);
    if (sigs.length === 0) problems.push('The signature origin lists no signature');
    return sigs.filter((s) => pkg.parts.has(s));
  } catch {
    problems.push(`Part ${partName(relsOf(originEntry))} is unreadable`);
    return [];
  }
}

/** Every part the signature must cover: all but [Content_Types].xml and the signature parts. */
function unsignedPartSet(pkg: Package): Set<string> {
  return new Set(
    [...pkg.parts.keys()].filter((e) => e !== PART.contentTypes && !isSignaturePart(e)).map((e) => partName(e)),
  );
}

/**
 * Checks an OOXML package signature as a careful reader should: the signature
 * value over SignedInfo with the embedded certificate, every reference and
 * Manifest digest, the content types, that the signed parts are exactly the
 * parts present, and that XAdES names the embedded certificate.
 */
export async function verifyPackage(docx: Buffer): Promise<PackageVerification> {
  const pkg = await readPackage(docx);
  const hasSignatureParts = [...pkg.parts.keys()].some(isSignaturePart);
  let origin = false;
  try {
    origin = readRelationships(pkg.parts.get(PART.packageRels)!).some((r) => r.type === REL_TYPE.origin);
  } catch {
    throw new DomainError('invalid_input', NOT_DOCX);
  }
  let types: ContentTypes | null = null;
  try {
    types = new ContentTypes(pkg.parts.get(PART.contentTypes)!);
  } catch {
    if (!origin && !hasSignatureParts) throw new DomainError('invalid_input', NOT_DOCX);
  }
  if (!origin && !hasSignatureParts) return { status: 'unsigned', signer: null, signedAt: null, problems: [] };

  const problems: string[] = [];
  if (!types) problems.push('Part [Content_Types].xml was changed after signing and is unreadable');
  const checks: SignatureCheck[] = signatureEntries(pkg, problems).map((entry) => checkSignature(pkg, entry, types));
  const present = unsignedPartSet(pkg);
  for (const check of checks) {
    problems.push(...check.problems);
    for (const part of present) if (!check.covered.has(part)) problems.push(`Part ${part} was added after signing`);
    for (const part of check.covered) if (!present.has(part)) problems.push(`Part ${part} was removed after signing`);
  }
  const first = checks[0];
  return {
    status: problems.length === 0 && checks.length > 0 ? 'valid' : 'invalid',
    signer: first?.certificate ? signerOf(first.certificate) : null,
    signedAt: first?.signedAt ?? null,
    problems: [...new Set(problems)],
  };
}

export function signerOf(cert: X509Certificate): NonNullable<PackageVerification['signer']> {
  const lines = cert.subject.split('\n').filter(Boolean);
  const cn = lines.find((l) => l.startsWith('CN='))?.slice(3) ?? '';
  return { name: cn, subject: lines.join(', '), fingerprint: cert.fingerprint256 };
}
