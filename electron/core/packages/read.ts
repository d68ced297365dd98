import { createHash } from 'node:crypto';
import type { z } from 'zod';
import { DomainError } from '#shared/api/result';
import { PACKAGE_FORMAT_VERSION, PackageManifest, PackageSignature, type PackageEntry } from '#shared/domain/package';
import { MergeChange, MergeTombstone } from '#shared/rules/merge/index';
import { ZipRefused, type ZipEntry } from '../files/unzip';
import { SealedChunkRefused } from '../crypto/sealed-reader';
import { openZipFile, type ZipFile, type ZipSource } from '../files/unzip-file';
import { checkEntryName } from './entry-names';
import { quickChange, quickTombstone } from './record-check';
import { ChangeDecoder, LayoutError } from './record-layout';
import { refused } from './refusals';
import { verifyManifest, type Signer } from './signature';

export interface PackageLimits {
  entries: number;
  /** Uncompressed bytes of the whole package, as declared (and enforced while inflating). */
  unpackedBytes: number;
  /** One evidence file. */
  evidenceBytes: number;
  /** manifest.json, signature.json, changes.jsonl, tombstones.jsonl: each read into memory. */
  metadataBytes: number;
}

const MB = 1024 * 1024;
export const PACKAGE_LIMITS: PackageLimits = {
  entries: 50_000,
  unpackedBytes: 4096 * MB,
  evidenceBytes: 1024 * MB,
  metadataBytes: 256 * MB,
};
/** A clock more than this ahead of now is a wrong system date, and would win every later merge. */
export const MAX_CLOCK_AHEAD_MS = 86_400_000;

export interface ReadPackageResult {
  manifest: PackageManifest;
  signer: Signer;
  changes: MergeChange[];
  tombstones: MergeTombstone[];
  /** The evidence entries, verified (unless their hashes were left to the caller). */
  evidence: PackageEntry[];
  /** Re-opens the package to stream evidence to the store; each file is checked against its SHA-256 again. */
  openEvidence(): Promise<EvidenceReader>;
}

export interface EvidenceReader {
  /**
   * The file's bytes in chunks, each a view of one reused buffer: valid only
   * until the next chunk is asked for (copy what must be kept); throws the
   * hash refusal at the end if they no longer match. `hashedByCaller`: the caller hashes every byte itself (the
   * evidence store's writer does) and refuses a mismatch with `mismatch()`;
   * the bytes are then not hashed twice.
   */
  chunks(sha256: string, options?: { hashedByCaller?: boolean }): AsyncGenerator<Buffer>;
  /** The refusal of a file whose bytes do not match its SHA-256. */
  mismatch(sha256: string): DomainError;
  close(): Promise<void>;
}

/** ZIP-level refusals in the package's words. */
function translate(e: unknown, limits: PackageLimits): unknown {
  const errno = (e as NodeJS.ErrnoException).code;
  if (errno === 'ENOENT' || errno === 'EISDIR') return refused.noFile();
  if (errno === 'EACCES' || errno === 'EPERM') return refused.unreadable(errno);
  if (e instanceof SealedChunkRefused) return refused.sealedDamaged();
  if (!(e instanceof ZipRefused)) return e;
  if (e.problem === 'too_large') return refused.tooLarge(limits.entries, Math.round(limits.unpackedBytes / MB));
  if (e.problem === 'understated') return refused.bomb();
  if (e.detail === 'not_zip') return refused.notZip();
  if (e.detail === 'truncated') return refused.truncated();
  if (e.detail === 'duplicate_name') return refused.duplicate();
  return refused.damaged();
}

const issue = (error: z.ZodError): string => {
  const first = error.issues[0];
  return first ? `${first.path.join('.') || 'record'}: ${first.message}` : 'invalid';
};

function parseJson(bytes: Buffer | string): unknown {
  try {
    return JSON.parse(typeof bytes === 'string' ? bytes : bytes.toString('utf8')) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * A record's strings equal to the record before it (a row's fields come
 * together, with one clock, device and author) are kept once: a large
 * return's records are held until its merge ends, and the parser's copies
 * then die young instead of being copied through the heap (most of the
 * garbage collector's work in an import).
 */
function shareStrings(before: unknown, record: unknown): void {
  const a = before as Record<SharedKey, unknown>;
  const b = record as Record<SharedKey, unknown>;
  if (b.table === a.table) b.table = a.table;
  if (b.rowId === a.rowId) b.rowId = a.rowId;
  if (b.clock === a.clock) b.clock = a.clock;
  if (b.device === a.device) b.device = a.device;
  if (b.author === a.author) b.author = a.author;
}
type SharedKey = 'table' | 'rowId' | 'clock' | 'device' | 'author';

/** One line's text (its number from 1) turned into records; answers why not, or undefined. */
type LineReader = (text: string, line: number) => string | undefined;

/** Format 1's lines: one record object a line (a change or a tombstone), each checked. */
function objectLines<T>(schema: z.ZodType<T>, quick: (v: unknown) => v is T, records: T[]): LineReader {
  return (text) => {
    const json = parseJson(text);
    if (quick(json)) {
      if (records.length > 0) shareStrings(records[records.length - 1]!, json);
      records.push(json);
      return undefined;
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) return issue(parsed.error);
    records.push(parsed.data);
    return undefined;
  };
}

/** Format 2's changes (record-layout.ts): a record a line, after the declarations of its table and writer. */
function recordLines(records: MergeChange[]): LineReader {
  const decoder = new ChangeDecoder((change) => {
    const parsed = MergeChange.safeParse(change);
    if (!parsed.success) throw new LayoutError(issue(parsed.error));
    return parsed.data;
  });
  return (text) => {
    try {
      decoder.take(parseJson(text), records);
      return undefined;
    } catch (e) {
      if (e instanceof LayoutError) return e.message;
      throw e;
    }
  };
}

/**
 * A JSONL entry's lines, read as its chunks inflate (never the whole entry as
 * one buffer and one string: a large return's 20 MB would be copied twice),
 * each handed to `read`. The entry's SHA-256 is computed on the same pass and
 * judged first, as if it had been read whole: a changed entry is refused as
 * changed, even where a line of it is also not a valid record.
 */
async function parseLines(zip: ZipFile, entry: ZipEntry, listed: PackageEntry, read: LineReader): Promise<void> {
  const hash = createHash('sha256');
  let line = 0;
  let wrong: { line: number; detail: string } | undefined;
  const take = (text: string) => {
    line++;
    if (wrong) return;
    const detail = read(text, line);
    if (detail !== undefined) wrong = { line, detail };
  };
  // The bytes after a chunk's last newline: the start of a line the next chunks finish.
  let carry: Buffer[] = [];
  for await (const chunk of zip.chunks(entry)) {
    hash.update(chunk);
    // A newline byte never occurs inside a multi-byte UTF-8 character: text up to one decodes on its own.
    const last = wrong ? -1 : chunk.lastIndexOf(0x0a);
    if (last < 0) {
      if (!wrong) carry.push(Buffer.from(chunk));
      continue;
    }
    const head = carry.length > 0 ? Buffer.concat([...carry, chunk.subarray(0, last)]) : chunk.subarray(0, last);
    carry = last + 1 < chunk.length ? [Buffer.from(chunk.subarray(last + 1))] : [];
    for (const text of head.toString('utf8').split('\n')) take(text);
  }
  // A last line without its newline is a line too (a final newline ends the last line, it starts none).
  if (carry.length > 0) take(Buffer.concat(carry).toString('utf8'));
  if (hash.digest('hex') !== listed.sha256) throw refused.hash(entry.name);
  if (wrong) throw refused.record(entry.name, wrong.line, wrong.detail);
}

/** Evidence is read 1 MiB at a time into one reused buffer (unzip-file.ts chunksInto). */
const EVIDENCE_READ_BYTES = 1024 * 1024;

/** The wall time of a clock value, in ms. */
const wallTime = (clock: string): number => Number(clock.slice(0, 13));

/**
 * Reads and verifies a team package without writing anything: the ZIP within
 * `limits`, safe entry names, the signature over the manifest, the entries
 * exactly as the manifest lists them (sizes and SHA-256, evidence streamed and
 * hashed, not held), every record against its schema, and no clock more than a
 * day ahead of `now`. Throws a DomainError saying what was refused.
 * `file` is a path, or a sealed upload and its key: read where it lies, each
 * chunk decrypted and checked as the ZIP reader reaches it (never a plain copy).
 */
export async function readPackage(
  file: ZipSource,
  limits: PackageLimits = PACKAGE_LIMITS,
  now: number = Date.now(),
  options: ReadOptions = {},
): Promise<ReadPackageResult> {
  let zip: ZipFile;
  try {
    zip = await openZipFile(file, limits);
  } catch (e) {
    throw translate(e, limits);
  }
  try {
    return await readOpened(file, zip, limits, now, options);
  } catch (e) {
    throw translate(e, limits);
  } finally {
    await zip.close();
  }
}

export interface ReadOptions {
  /**
   * Leave the evidence files' SHA-256 to the caller, who streams every one of
   * them through openEvidence (which checks each at its end): the import
   * reads each file once instead of twice. Sizes and names are still checked.
   */
  evidenceHashesLater?: boolean;
}

async function readOpened(
  file: ZipSource,
  zip: ZipFile,
  limits: PackageLimits,
  now: number,
  options: ReadOptions,
): Promise<ReadPackageResult> {
  const byName = new Map<string, ZipEntry>();
  for (const entry of zip.entries) {
    checkEntryName(entry);
    const max = entry.name.startsWith('evidence/') ? limits.evidenceBytes : limits.metadataBytes;
    if (entry.unpacked > max) throw refused.oversized(entry.name, Math.round(max / MB));
    byName.set(entry.name, entry);
  }
  const manifestEntry = byName.get('manifest.json');
  if (!manifestEntry) throw refused.noManifest();
  const signatureEntry = byName.get('signature.json');
  if (!signatureEntry) throw refused.unsigned();

  const manifestBytes = await zip.read(manifestEntry);
  const raw = parseJson(manifestBytes) as { formatVersion?: unknown } | undefined;
  if (raw === undefined) throw refused.manifest('not JSON');
  // A newer format is named as such before its shape is judged: it may differ.
  const version = raw?.formatVersion;
  if (typeof version === 'number' && Number.isInteger(version) && version > PACKAGE_FORMAT_VERSION) {
    throw refused.newerFormat(version);
  }
  const manifest = PackageManifest.safeParse(raw);
  if (!manifest.success) throw refused.manifest(issue(manifest.error));
  const signatureRecord = PackageSignature.safeParse(parseJson(await zip.read(signatureEntry)));
  if (!signatureRecord.success) throw refused.signatureRecord(issue(signatureRecord.error));
  const signer = verifyManifest(manifestBytes, signatureRecord.data);

  const listed = new Map(manifest.data.entries.map((e) => [e.path, e]));
  if (listed.size !== manifest.data.entries.length) throw refused.manifest('an entry is listed twice');
  for (const e of listed.values()) {
    if (e.path.startsWith('evidence/') && e.path !== `evidence/${e.sha256}`) {
      throw refused.manifest(`${e.path}: not named by its SHA-256`);
    }
  }
  for (const name of byName.keys()) {
    if (name !== 'manifest.json' && name !== 'signature.json' && !listed.has(name)) throw refused.unlisted(name);
  }
  for (const e of listed.values()) {
    const entry = byName.get(e.path);
    if (!entry) throw refused.missing(e.path);
    if (entry.unpacked !== e.size) throw refused.size(e.path);
  }
  const need = (path: string) => {
    const e = listed.get(path);
    if (!e) throw refused.missing(path);
    return e;
  };
  const changes: MergeChange[] = [];
  const tombstones: MergeTombstone[] = [];
  await parseLines(
    zip,
    byName.get('changes.jsonl')!,
    need('changes.jsonl'),
    // Format 1 wrote a change a line; format 2 a record a line (record-layout.ts).
    manifest.data.formatVersion === 1 ? objectLines(MergeChange, quickChange, changes) : recordLines(changes),
  );
  await parseLines(
    zip,
    byName.get('tombstones.jsonl')!,
    need('tombstones.jsonl'),
    objectLines(MergeTombstone, quickTombstone, tombstones),
  );
  let latest = manifest.data.createdAt;
  for (const c of changes) if (c.clock > latest) latest = c.clock;
  for (const t of tombstones) if (t.clock > latest) latest = t.clock;
  if (wallTime(latest) > now + MAX_CLOCK_AHEAD_MS) throw refused.future(new Date(wallTime(latest)).toISOString());

  const evidence = [...listed.values()].filter((e) => e.path.startsWith('evidence/'));
  const buffer = options.evidenceHashesLater ? undefined : Buffer.allocUnsafe(EVIDENCE_READ_BYTES);
  for (const e of buffer ? evidence : []) {
    const hash = createHash('sha256');
    for await (const chunk of zip.chunksInto(byName.get(e.path)!, buffer!)) hash.update(chunk);
    if (hash.digest('hex') !== e.sha256) throw refused.hash(e.path);
  }

  return {
    manifest: manifest.data,
    signer,
    changes,
    tombstones,
    evidence,
    openEvidence: () => evidenceReader(file, limits, new Map(evidence.map((e) => [e.sha256, e]))),
  };
}

async function evidenceReader(
  file: ZipSource,
  limits: PackageLimits,
  verified: Map<string, PackageEntry>,
): Promise<EvidenceReader> {
  let zip: ZipFile;
  try {
    zip = await openZipFile(file, limits);
  } catch (e) {
    throw translate(e, limits);
  }
  const byName = new Map(zip.entries.map((e) => [e.name, e]));
  let buffer: Buffer | undefined;
  async function* chunks(sha256: string, options: { hashedByCaller?: boolean } = {}): AsyncGenerator<Buffer> {
    const listed = verified.get(sha256);
    const entry = listed && byName.get(listed.path);
    if (!listed || !entry) throw new DomainError('not_found', 'This evidence file is not in the team package.');
    const hash = options.hashedByCaller ? null : createHash('sha256');
    try {
      // One buffer for every file (the caller is done with a chunk when it asks for the next).
      for await (const chunk of zip.chunksInto(entry, (buffer ??= Buffer.allocUnsafe(EVIDENCE_READ_BYTES)))) {
        hash?.update(chunk);
        yield chunk;
      }
    } catch (e) {
      throw translate(e, limits);
    }
    // The file changed since it was read: whatever the caller wrote must be discarded.
    if (hash && hash.digest('hex') !== sha256) throw refused.hash(listed.path);
  }
  const mismatch = (sha256: string): DomainError => refused.hash(verified.get(sha256)?.path ?? `evidence/${sha256}`);
  return { chunks, mismatch, close: () => zip.close() };
}
