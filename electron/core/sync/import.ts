import { createHash, X509Certificate } from 'node:crypto';
import { existsSync } from 'node:fs';
import { open, rm } from 'node:fs/promises';
import { DomainError } from '#shared/api/result';
import { RECORD_KINDS, type ImportPreview, type KindCounts } from '#shared/domain/team';
import { applyPackage, checkPackage, splitFresh, type MergePackage } from '#shared/rules/merge/index';
import { evidenceService } from '../evidence/service';
import { BlobWriter } from '../evidence/ingest';
import { describe } from '../evidence/media';
import { makeTx } from '../handlers/types';
import { SealedChunkRefused, SealedReader } from '../crypto/sealed-reader';
import type { ZipSource } from '../files/unzip-file';
import { readPackage, type ReadPackageResult } from '../packages/read';
import { refused } from '../packages/refusals';
import type { RepoContext } from '../repos/context';
import { importTrustedCertificate } from '../repos/trusted-certs';
import { clockStore } from './clock-store';
import { checkDestination, checkRecords, checkSigner } from './import-checks';
import { adoptMeetingIds, fullyLogged, logUnloggedRows } from './before-log';
import { loadState, persistMerge, refsOf, rowScopes } from './merge-rows';
import type { ImportOptions } from './types';

/** Thrown to roll a preview's merge back, carrying what it would have done. */
class DryRun extends Error {
  constructor(readonly preview: ImportPreview) {
    super('dry run');
  }
}

/**
 * Imports a team package (issue 13): reads and verifies it (nothing written),
 * checks it is for this data folder and its signer is known or confirmed,
 * places its evidence files in the store, then merges it in ONE transaction
 * with the pure rules of shared/rules/merge (applyPackage), so the tables
 * follow exactly what the property tests prove. dryRun does all of it but
 * placing files, then rolls the transaction back: the preview. `file` is a
 * path, or a sealed upload and its key (an encrypted folder's: read sealed).
 */
export async function importTeamPackage(
  ctx: RepoContext,
  file: ZipSource,
  opts: ImportOptions,
): Promise<ImportPreview> {
  // An import streams every evidence file (placing the ones missing here), each checked as it goes.
  const [read, digest] = await Promise.allSettled([
    readPackage(file, undefined, undefined, { evidenceHashesLater: !opts.dryRun }),
    fileDigest(file, opts),
  ]);
  // The reader's refusal, in words, comes first (a missing file also fails the digest, plainly).
  if (read.status === 'rejected') throw read.reason;
  if (digest.status === 'rejected') throw digest.reason;
  const pkg = read.value;
  const whole = digest.value;
  // Team tab jobs (sync/team-jobs.ts, Helper B): a cancel lands between steps and chunks, never inside the transaction.
  opts.signal?.throwIfAborted();
  const m = pkg.manifest;
  // Bases in one order, as the log stores them (the parsed entries are this import's own: sorted in place).
  for (const e of pkg.changes) if (e.replaces.length > 1) e.replaces.sort();
  for (const e of pkg.tombstones) if (e.replaces.length > 1) e.replaces.sort();
  const { changes, tombstones } = pkg;
  checkRecords(changes, tombstones);
  const tx = makeTx(ctx.db, ctx.deviceId);

  const already =
    ctx.db.prepare("SELECT 1 FROM team_exchanges WHERE package_id = ? AND direction = 'received'").get(m.packageId) !==
    undefined;
  const base = (summary: ImportPreview['summary'], known: boolean): ImportPreview => ({
    packageId: m.packageId,
    kind: m.kind,
    auditId: m.auditId,
    auditLabel: auditLabel(ctx, m.auditId),
    senderName: m.senderName,
    senderDevice: m.senderDevice,
    evidenceFiles: pkg.evidence.length,
    signer: { name: pkg.signer.name, fingerprint: pkg.signer.fingerprint, known },
    summary,
  });
  if (already) {
    const known = checkSigner(ctx, pkg.signer, opts.acceptFingerprint, false).known;
    return base({ added: 0, changed: 0, conflicts: 0, alreadyImported: true, byKind: [] }, known);
  }
  // Cheap refusals before any file is placed (they are made again inside the transaction).
  checkDestination(ctx, m);
  checkSigner(ctx, pkg.signer, opts.acceptFingerprint, !opts.dryRun);

  const claims = opts.dryRun ? [] : await placeEvidence(ctx, pkg, opts);
  const store = evidenceService(ctx).store;
  // Team tab jobs (Helper B): the last moment to cancel; the merge's transaction is not cancellable.
  if (opts.signal?.aborted) {
    for (const c of claims) store.release(c.claim, c.sha256);
    opts.signal.throwIfAborted();
  }
  opts.onProgress?.({ stage: 'merging', done: 0, total: 1 });
  try {
    return tx((_: { by: string }) => {
      if (
        ctx.db.prepare("SELECT 1 FROM team_exchanges WHERE package_id = ? AND direction = 'received'").get(m.packageId)
      ) {
        return base({ added: 0, changed: 0, conflicts: 0, alreadyImported: true, byKind: [] }, true);
      }
      const role = checkDestination(ctx, m);
      const trust = checkSigner(ctx, pkg.signer, opts.acceptFingerprint, !opts.dryRun);
      let latest = m.createdAt;
      for (const e of changes) if (e.clock > latest) latest = e.clock;
      for (const e of tombstones) if (e.clock > latest) latest = e.clock;
      clockStore(ctx.db, ctx.deviceId).receive(latest, Date.now());

      const refs = refsOf(changes, tombstones);
      // Records from before their table was logged (before-log.ts): one id for a meeting both laptops recorded,
      // and the fields of a record held here logged, so the merge compares them instead of overwriting them.
      adoptMeetingIds(ctx.db, ctx.deviceId, m.auditId);
      let earlier = rowScopes(ctx.db, refs);
      let before = loadState(ctx.db, ctx.deviceId, refs);
      const unlogged = refs.filter(
        (r) => earlier.get(r.table)?.has(r.rowId) && !fullyLogged(r.table, before.history[r.key ?? '']),
      );
      if (unlogged.length > 0 && logUnloggedRows(ctx.db, unlogged) > 0) {
        before = loadState(ctx.db, ctx.deviceId, refs);
        earlier = rowScopes(ctx.db, refs);
      }
      const merge: MergePackage = {
        packageId: m.packageId,
        sender: m.senderDevice,
        vv: m.versionVector,
        changes,
        tombstones,
      };
      checkPackage(merge);
      // Rows new here with one value a field (most of a large return) skip the histories: their views are plain.
      const { fresh, rest } = splitFresh(before, merge);
      const { state: after } = applyPackage(before, rest);
      // A return may touch the audit and the client it has here; only the lead's send can move it to another client.
      const clientBefore = clientOf(ctx, m.auditId);
      const result = persistMerge(
        ctx.db,
        before,
        after,
        refs,
        () => {
          const clientAfter = clientOf(ctx, m.auditId);
          if (m.kind === 'return' && clientAfter !== clientBefore) {
            throw new DomainError(
              'invalid_input',
              "A team member's package cannot move the audit to another client; it was refused and nothing was imported.",
            );
          }
          return new Set([m.auditId, ...(clientAfter ? [clientAfter] : [])]);
        },
        m.auditId,
        fresh,
        earlier,
      );
      if (!ctx.db.prepare('SELECT 1 FROM audits WHERE id = ?').get(m.auditId)) {
        throw new DomainError('invalid_input', 'The package does not hold its audit; nothing was imported.');
      }
      if (role === 'new_member') {
        ctx.db
          .prepare("INSERT INTO team_audits (audit_id, role, lead_folder_id, created_at) VALUES (?, 'member', ?, ?)")
          .run(m.auditId, m.leadFolderId, ctx.now());
      }
      if (trust.accept) {
        importTrustedCertificate(
          ctx,
          {
            certificateBase64: '',
            fingerprint: pkg.signer.fingerprint,
            name: pkg.signer.name,
            note: 'Team package signer',
          },
          new X509Certificate(pkg.signer.certificateDer),
        );
      }
      const byKind: KindCounts[] = RECORD_KINDS.flatMap((k) => {
        const c = result.counts.get(k);
        return c && (c.added || c.changed || c.conflicts) ? [c] : [];
      });
      const summary = {
        added: result.added,
        changed: result.changed,
        conflicts: result.conflicts,
        alreadyImported: false,
        byKind,
      };
      ctx.db
        .prepare(
          `INSERT INTO team_exchanges (package_id, audit_id, direction, kind, peer_name, device_id, signer_name,
             signer_fingerprint, sha256, size, at, version_vector, added, changed, conflicts)
           VALUES (?, ?, 'received', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          m.packageId,
          m.auditId,
          m.kind,
          m.senderName,
          m.senderDevice,
          pkg.signer.name,
          pkg.signer.fingerprint,
          whole.sha256,
          whole.size,
          ctx.now(),
          JSON.stringify(m.versionVector),
          summary.added,
          summary.changed,
          summary.conflicts,
        );
      for (const c of claims) {
        if (ctx.db.prepare('SELECT 1 FROM evidence WHERE sha256 = ?').get(c.sha256)) {
          store.settle(c.claim, c.sha256);
          c.settled = true;
        }
      }
      const preview = base(summary, trust.known || trust.accept);
      if (opts.dryRun) throw new DryRun(preview);
      return preview;
    })({ by: opts.by });
  } catch (e) {
    for (const c of claims) c.settled = false;
    if (e instanceof DryRun) return e.preview;
    throw e;
  } finally {
    for (const c of claims) if (!c.settled) store.release(c.claim, c.sha256);
  }
}

/** The audit's client here (undefined while the audit is not here). */
const clientOf = (ctx: RepoContext, auditId: string): string | undefined =>
  ctx.db.prepare('SELECT client_id FROM audits WHERE id = ?').pluck().get(auditId) as string | undefined;

function auditLabel(ctx: RepoContext, auditId: string): string {
  const r = ctx.db
    .prepare(
      'SELECT c.name AS client, a.start_date AS start, a.end_date AS end FROM audits a JOIN clients c ON c.id = a.client_id WHERE a.id = ?',
    )
    .get(auditId) as { client: string; start: string; end: string } | undefined;
  return r ? `${r.client}, ${r.start} – ${r.end}` : 'A new team audit';
}

const WRITE_BATCH_BYTES = 1024 * 1024;

interface Claim {
  sha256: string;
  claim: string;
  settled: boolean;
}

/**
 * Streams the package's evidence files the store lacks into it, each claimed
 * until its row exists; the ones it has are read through too. Every file is
 * hashed on the way (the reader refuses one that does not match the manifest):
 * readPackage left that to this single pass.
 */
async function placeEvidence(
  ctx: RepoContext,
  pkg: ReadPackageResult,
  opts: Pick<ImportOptions, 'signal' | 'onProgress'> = {},
): Promise<Claim[]> {
  const service = evidenceService(ctx);
  const store = service.store;
  if (pkg.evidence.length === 0) return [];
  const claims: Claim[] = [];
  // The renames are made durable together, once, before the rows that use the files are written.
  const renamed = new Set<string>();
  const reader = await pkg.openEvidence();
  const batch = Buffer.allocUnsafe(WRITE_BATCH_BYTES);
  try {
    for (const [i, e] of pkg.evidence.entries()) {
      opts.onProgress?.({ stage: 'evidence', done: i, total: pkg.evidence.length }); // Team tab jobs (Helper B)
      opts.signal?.throwIfAborted();
      if (existsSync(store.blobPath(e.sha256))) {
        for await (const _ of reader.chunks(e.sha256)); // checked, not kept: the store's copy is the same file
        continue;
      }
      const writer = await BlobWriter.create(store);
      try {
        // Small chunks are gathered: written 1 MiB at a time, a file costs a few writes, not thousands.
        let filled = 0;
        // The writer hashes what it writes: that digest, compared below, is the check (no second hash).
        for await (const chunk of reader.chunks(e.sha256, { hashedByCaller: true })) {
          opts.signal?.throwIfAborted();
          if (filled === 0 && chunk.length >= batch.length) {
            await writer.write(chunk); // a full-sized read goes as it is, not copied
            continue;
          }
          for (let at = 0; at < chunk.length;) {
            const n = chunk.copy(batch, filled, at);
            filled += n;
            at += n;
            if (filled === batch.length) {
              await writer.write(batch);
              filled = 0;
            }
          }
        }
        if (filled > 0) await writer.write(batch, filled);
      } catch (err) {
        await writer.discard();
        throw err;
      }
      const received = await writer.finish();
      if (received.sha256 !== e.sha256) {
        await rm(received.tempPath, { force: true });
        throw reader.mismatch(e.sha256);
      }
      const claim = store.claim(e.sha256);
      claims.push({ sha256: e.sha256, claim, settled: false });
      await store.place(received.tempPath, store.blobPath(e.sha256), renamed);
      // The preview image the app shows for photos; the row's facts come from the package.
      await describe(store, e.sha256, '', '', received.head).catch(() => undefined);
    }
    await store.syncDirs(renamed);
  } catch (err) {
    for (const c of claims) store.release(c.claim, c.sha256);
    throw err;
  } finally {
    await reader.close();
  }
  return claims;
}

/** SHA-256 and size of the package file (a sealed one's plaintext): what the report's provenance names. */
async function fileDigest(
  file: ZipSource,
  opts: Pick<ImportOptions, 'signal' | 'onProgress'> = {},
): Promise<{ sha256: string; size: number }> {
  const hash = createHash('sha256');
  let size = 0;
  const source = typeof file === 'string' ? await plainSource(file) : await SealedReader.open(file.path, file.key);
  try {
    const total = opts.onProgress ? source.size : 0; // Team tab jobs (Helper B)
    // 1 MiB reads into ONE buffer: the package is mostly evidence, tens of MB, and a fresh buffer a read (a
    // stream's) costs the kernel a page fault per 4 KiB it fills — more CPU than hashing the bytes.
    const buffer = Buffer.allocUnsafe(1024 * 1024);
    for (;;) {
      const bytesRead = await source.readInto(buffer, 0, buffer.length, size);
      if (bytesRead === 0) break;
      hash.update(buffer.subarray(0, bytesRead));
      size += bytesRead;
      opts.signal?.throwIfAborted();
      opts.onProgress?.({ stage: 'checking', done: size, total });
    }
  } catch (e) {
    throw e instanceof SealedChunkRefused ? refused.sealedDamaged() : e;
  } finally {
    await source.close();
  }
  return { sha256: hash.digest('hex'), size };
}

/** A plain package file read the way SealedReader reads a sealed one. */
async function plainSource(path: string): Promise<Pick<SealedReader, 'size' | 'readInto' | 'close'>> {
  const handle = await open(path, 'r');
  try {
    const { size } = await handle.stat();
    return {
      size,
      readInto: async (buffer, offset, length, position) =>
        (await handle.read(buffer, offset, length, position)).bytesRead,
      close: () => handle.close(),
    };
  } catch (e) {
    await handle.close();
    throw e;
  }
}
