import { rm } from 'node:fs/promises';
import type { Evidence, EvidenceTarget } from '#shared/domain/evidence';
import { requireEditableAudit } from '../repos/checklist';
import type { RepoContext } from '../repos/context';
import { addEvidence, checkTargets, type NewEvidence } from '../repos/evidence';
import type { ReceivedFile } from './ingest';
import { describe } from './media';
import { emptyFileError } from './names';
import { EvidenceStore, type DirSink } from './store';
import { folderCipher } from '../crypto/file-cipher-folder';
import { sealPlainReports } from '../export/jobs';
import { byteChannel } from '../bytes/channel';
import { Uploads, type EvidenceAdder } from './uploads';
import { commitThenSync } from './wal-sync';
import { logQuietRows, quietAllowed, silence } from './quiet-rows';
import { isFindingTarget } from '../repos/findings/attachments';
import { clockStore, type ClockStore } from '../sync/clock-store';
import { stmt } from '../db/statements';

/**
 * Files of a group placed and described at once: renames and type sniffing
 * overlap, and at most this many images are decoded for previews together.
 */
const PLACE_IN_FLIGHT = 4;

export interface AddRequest {
  auditId: string;
  file: ReceivedFile;
  /** Already made safe (names.ts). */
  name: string;
  /** The sender's guess at the media type ('' if none). */
  hint: string;
  links: readonly EvidenceTarget[];
  description: string;
  addedBy: string;
}

export interface AddResult {
  evidence: Evidence;
  duplicate: boolean;
}

/** A file placed in the store, its row ready to write; its digest is claimed (store.claim) until settled or released. */
export interface Prepared {
  row: NewEvidence;
  links: readonly EvidenceTarget[];
  /** The open claim's id; null once the row is written or the claim released. */
  claim: string | null;
}

/**
 * The evidence store of one open backend: the files, the uploads in progress,
 * and the step that turns a received file into an attachment. One per
 * RepoContext (see evidenceService), shared by the handlers, the backend's
 * collection after each operation, and path imports.
 */
export class EvidenceService implements EvidenceAdder {
  readonly store: EvidenceStore;
  readonly uploads: Uploads;
  /** New rows' log and search entries made set-wise (commit); false writes them through the triggers (tests). */
  writeQuietly = true;
  private readonly clock: ClockStore;

  constructor(private readonly ctx: RepoContext) {
    this.store = new EvidenceStore(ctx.dataDir, ctx.db, folderCipher(ctx));
    this.clock = clockStore(ctx.db, ctx.deviceId);
    this.uploads = new Uploads(this, byteChannel(ctx).uploads);
  }

  checkAudit(auditId: string, links: readonly EvidenceTarget[] = []): void {
    requireEditableAudit(this.ctx, auditId);
    checkTargets(this.ctx, auditId, links);
  }

  /**
   * Places the received file in the store, learns its type, date and preview,
   * then writes the row in one transaction. The digest stays claimed from
   * before the file is placed until the row exists, so collection (in any
   * process) never takes a file that is about to be referenced; if the add
   * fails, release queues the file for collection. The temp file is gone
   * afterwards in every case.
   */
  async add(req: AddRequest): Promise<AddResult> {
    const prepared = await this.prepare(req);
    try {
      const [result] = this.commit([prepared]);
      if (result instanceof Error) throw result;
      return result!;
    } finally {
      this.release(prepared);
    }
  }

  /**
   * The slow, file-side half of add: on success the digest is claimed until
   * commit() writes its row or release() gives it up. With `syncLater` the caller fsyncs the folders it collects
   * before commit (store.place).
   */
  async prepare(req: AddRequest, syncLater?: DirSink): Promise<Prepared> {
    const { file } = req;
    if (file.size === 0) {
      await rm(file.tempPath, { force: true });
      throw emptyFileError(req.name);
    }
    let claim: string | null = null;
    try {
      claim = this.store.claim(file.sha256);
    } catch (e) {
      await rm(file.tempPath, { force: true }).catch(() => undefined);
      throw e;
    }
    return this.placeClaimed(req, claim, syncLater);
  }

  /**
   * prepare() for a group (uploads committed together): the digests are
   * claimed in one transaction, then the files placed and described a few at
   * a time. An item that fails answers its Error in its place, its temp file
   * and claim gone; a failed claim transaction fails them all.
   */
  async prepareMany(reqs: readonly AddRequest[], syncLater?: DirSink): Promise<(Prepared | Error)[]> {
    const out = new Array<Prepared | Error>(reqs.length);
    const todo: number[] = [];
    for (const [i, req] of reqs.entries()) {
      if (req.file.size > 0) todo.push(i);
      else out[i] = emptyFileError(req.name);
    }
    let claims: string[];
    try {
      claims = this.store.claimMany(todo.map((i) => reqs[i]!.file.sha256));
    } catch (e) {
      claims = [];
      for (const i of todo) out[i] = e instanceof Error ? e : new Error(String(e));
    }
    const temps = reqs.filter((_, i) => out[i] !== undefined).map((r) => r.file.tempPath);
    await Promise.all(temps.map((t) => rm(t, { force: true }).catch(() => undefined)));
    let next = 0;
    const worker = async () => {
      for (let k = next++; k < claims.length; k = next++) {
        const i = todo[k]!;
        out[i] = await this.placeClaimed(reqs[i]!, claims[k]!, syncLater).catch((e: unknown) =>
          e instanceof Error ? e : new Error(String(e)),
        );
      }
    };
    await Promise.all(Array.from({ length: PLACE_IN_FLIGHT }, worker));
    return out;
  }

  /** Places a file whose digest this process has claimed, and describes it; on failure the claim is released. */
  private async placeClaimed(req: AddRequest, claim: string, syncLater?: DirSink): Promise<Prepared> {
    const { file } = req;
    try {
      await this.store.place(file.tempPath, this.store.blobPath(file.sha256), syncLater);
      const facts = await describe(this.store, file.sha256, req.name, req.hint, file.head);
      const row: NewEvidence = {
        auditId: req.auditId,
        sha256: file.sha256,
        originalName: req.name,
        size: file.size,
        addedBy: req.addedBy,
        description: req.description,
        ...facts,
      };
      return { row, links: req.links, claim };
    } catch (e) {
      await rm(file.tempPath, { force: true }).catch(() => undefined);
      this.store.release(claim, file.sha256);
      throw e;
    }
  }

  /**
   * Writes prepared attachments in ONE transaction (a bulk import commits
   * what is ready together: one disk flush instead of one per file). Each
   * runs in its own savepoint, so one refused item leaves the others; its
   * error is answered in its place. Each row settles its claim in the same
   * savepoint.
   *
   * A new attachment linked to no finding is written with the log and search
   * triggers silent, and its entries are made set-wise (quiet-rows.ts): the
   * same entries, in the same order, as the triggers'. Pending ones are made
   * before any row written with the triggers, and all inside this
   * transaction, so a failure leaves none of it.
   */
  commit(items: readonly Prepared[]): (AddResult | Error)[] {
    const db = this.ctx.db;
    const quiet = this.writeQuietly && quietAllowed(db);
    const existing = stmt(db, 'SELECT 1 FROM evidence WHERE audit_id = ? AND sha256 = ?').pluck();
    let pending: string[] = [];
    const flush = () => {
      logQuietRows(db, pending);
      pending = [];
    };
    const one = db.transaction((p: Prepared, silent: boolean) => {
      if (p.claim) this.store.settle(p.claim, p.row.sha256);
      if (!silent) return addEvidence(this.ctx, p.row, p.links);
      // Reset inside the savepoint: a refused row's rollback undoes the switch with everything else.
      silence(db, true);
      const result = addEvidence(this.ctx, p.row, p.links);
      silence(db, false);
      return result;
    });
    const outermost = !db.inTransaction;
    let results: (AddResult | Error)[] = [];
    const write = db.transaction(() => {
      // Its own clock step, as every write operation's (handlers/types.ts makeTx): without it the rows' log
      // entries took the clock of the last write before them, which a colleague's package may already cover.
      if (outermost) this.clock.tick(Date.now(), commonAuthor(items));
      const out = items.map((p) => {
        const silent =
          quiet && !p.links.some(isFindingTarget) && existing.get(p.row.auditId, p.row.sha256) === undefined;
        if (!silent) flush();
        try {
          const result = one(p, silent);
          if (silent) pending.push(result.evidence.id);
          return result;
        } catch (e) {
          return e instanceof Error ? e : new Error(String(e));
        }
      });
      flush();
      results = out;
      // Nothing but the clock step was written: undone, as makeTx undoes it.
      if (outermost && out.every((r) => r instanceof Error)) throw NOTHING_WRITTEN;
    });
    try {
      write.immediate();
    } catch (e) {
      if (e !== NOTHING_WRITTEN) throw e;
    }
    // Committed: the claims of written rows are gone with them.
    results.forEach((r, i) => {
      if (!(r instanceof Error)) items[i]!.claim = null;
    });
    return results;
  }

  /**
   * commit() that answers once the rows are on disk, without holding the
   * backend's thread for the disk's flush (wal-sync.ts): bulk imports and
   * uploads go on reading, hashing and writing files meanwhile.
   */
  commitDurably(items: readonly Prepared[]): Promise<(AddResult | Error)[]> {
    return commitThenSync(this.ctx.db, () => this.commit(items));
  }

  /** Gives up the claim of an item whose row was not written; nothing for one that was. */
  release(p: Prepared): void {
    if (!p.claim) return;
    const claim = p.claim;
    p.claim = null;
    this.store.release(claim, p.row.sha256);
  }

  /** Deletes files no attachment uses any more; never fails the operation that triggered it. */
  collect(): void {
    // Asked for after the backend closed (a one-shot command ending): the next start collects instead.
    if (!this.ctx.db.open) return;
    try {
      this.store.collect();
    } catch (e) {
      process.stderr.write(`fieldwork: evidence collection failed (${e instanceof Error ? e.name : typeof e})\n`);
    }
  }

  /** Start-up: the store's folders, and its sweep (store.ts) when this process alone uses the data folder. */
  startUp(sweep: boolean): void {
    if (sweep) {
      this.store.sweep();
      // An encrypted folder's issued copies left plain (it was a plain folder until now) are sealed too.
      sealPlainReports(this.ctx, this.store.tmpDir);
    } else this.store.ensureDirs();
  }
}

const NOTHING_WRITTEN = new Error('nothing written');

/** The log's author of a batch: the person who added its files, when one did; else none, as for the CLI. */
function commonAuthor(items: readonly Prepared[]): string {
  const first = items[0]?.row.addedBy ?? '';
  return items.every((p) => p.row.addedBy === first) ? first : '';
}

const services = new WeakMap<RepoContext, EvidenceService>();

/** The one evidence service of a backend (its context), created on first use. */
export function evidenceService(ctx: RepoContext): EvidenceService {
  let service = services.get(ctx);
  if (!service) {
    service = new EvidenceService(ctx);
    services.set(ctx, service);
  }
  return service;
}
