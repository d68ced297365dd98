import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import JSZip from 'jszip';

/** Rebuilds a zip with one entry changed (or removed, or added); every other entry keeps its bytes. */
export async function rezip(
  docx: Buffer,
  edit: (name: string, bytes: Buffer) => Buffer | null,
  add: Record<string, Buffer> = {},
): Promise<Buffer> {
  const src = await JSZip.loadAsync(docx);
  const out = new JSZip();
  for (const entry of Object.values(src.files)) {
    if (entry.dir) continue;
    const bytes = edit(entry.name, await entry.async('nodebuffer'));
    if (bytes) out.file(entry.name, bytes);
  }
  for (const [name, bytes] of Object.entries(add)) out.file(name, bytes);
  return out.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

export async function entryNames(docx: Buffer): Promise<string[]> {
  return Object.values((await JSZip.loadAsync(docx)).files)
    .filter((e) => !e.dir)
    .map((e) => e.name);
}

/** Flips the low bit of one character of `s`'s first match of `re` (group 1 marks the character). */
export function flipIn(bytes: Buffer, re: RegExp): Buffer {
  const m = new RegExp(re.source, `${re.flags}d`).exec(bytes.toString('latin1'));
  const at = m?.indices?.[1]?.[0];
  if (at === undefined) throw new Error(`nothing to change (${re.source})`);
  const copy = Buffer.from(bytes);
  copy[at] = copy[at]! ^ 1;
  return copy;
}

/**
 * Changes the base64 character of `bytes`'s first match of `re` (group 1) to
 * another base64 character: flipping a bit could make it no base64 at all
 * ('A' → '@'), which readers refuse as unreadable before checking anything.
 */
export function changeBase64In(bytes: Buffer, re: RegExp): Buffer {
  const m = new RegExp(re.source, `${re.flags}d`).exec(bytes.toString('latin1'));
  const at = m?.indices?.[1]?.[0];
  if (at === undefined) throw new Error(`nothing to change (${re.source})`);
  const copy = Buffer.from(bytes);
  copy[at] = copy[at] === 0x41 ? 0x42 : 0x41; // 'A', or 'B' where it was 'A'
  return copy;
}

/** Changes one byte in the middle of a part. */
export function flipMiddle(bytes: Buffer): Buffer {
  const copy = Buffer.from(bytes);
  const at = Math.floor(copy.length / 2);
  copy[at] = copy[at]! ^ 1;
  return copy;
}

const LO_VERIFY = fileURLToPath(new URL('../../helpers/lo_verify.py', import.meta.url));

export interface LoSignature {
  valid: boolean;
  certificateStatus: number;
  signer: string | null;
}

/** LibreOffice's own verdict on each file (one headless soffice for all of them). */
export function libreOfficeVerify(files: string[]): Map<string, LoSignature[]> {
  const r = spawnSync('/usr/bin/python3', [LO_VERIFY, ...files], { encoding: 'utf8', timeout: 240_000 });
  const lines = r.stdout
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as { file?: string; signatures?: LoSignature[]; error?: string });
  const failure = lines.find((l) => l.error);
  if (r.status !== 0 || failure) throw new Error(`LibreOffice could not verify: ${failure?.error ?? r.stderr}`);
  return new Map(lines.map((l) => [l.file!, l.signatures!]));
}

/**
 * xmlsec1 (libxmlsec with OpenSSL — LibreOffice uses its NSS side) verifies
 * SignedInfo, the Objects, SignedProperties and every Manifest reference,
 * relationship transform included; each part URI is mapped to the unpacked file.
 */
export async function xmlsecVerify(docx: Buffer, workDir: string): Promise<{ ok: boolean; output: string }> {
  const { mkdirSync, writeFileSync } = await import('node:fs');
  const path = await import('node:path');
  const zip = await JSZip.loadAsync(docx);
  for (const entry of Object.values(zip.files)) {
    if (entry.dir) continue;
    const file = path.join(workDir, entry.name);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, await entry.async('nodebuffer'));
  }
  const sig = await zip.file('_xmlsignatures/sig1.xml')!.async('string');
  const maps = [...sig.matchAll(/<Reference URI="(\/[^"]+)"/g)].flatMap((m) => {
    const uri = m[1]!.replace(/&amp;/g, '&');
    return [`--url-map:${uri}`, path.join(workDir, decodeURI(uri.split('?')[0]!))];
  });
  const args = ['--verify', '--insecure', '--id-attr:Id', 'Object'];
  args.push('--id-attr:Id', 'http://uri.etsi.org/01903/v1.3.2#:SignedProperties');
  const sigFile = path.join(workDir, '_xmlsignatures', 'sig1.xml');
  const r = spawnSync('xmlsec1', [...args, ...maps, sigFile], { encoding: 'utf8', timeout: 60_000 });
  const output = `${r.stdout}${r.stderr}`;
  // xmlsec1 leaves Manifest references to the application: a failed one shows only in the counts.
  const manifest = /Manifests References \(ok\/all\): (\d+)\/(\d+)/.exec(output);
  return { ok: r.status === 0 && !!manifest && manifest[1] === manifest[2], output };
}
