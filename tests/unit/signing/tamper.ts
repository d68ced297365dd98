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
