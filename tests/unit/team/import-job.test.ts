import { describe, expect, it, vi } from 'vitest';
import type { Backend } from '#core/backend';
import { packageUploads } from '#core/bytes/packages';
import { importTeamPackage } from '#core/sync/import';
import { TeamJobs } from '#core/sync/team-jobs';
import type { TeamJob } from '#shared/domain/team';
import { dumpDatabase, value } from '../../helpers/backend';
import { exportPackage, leadAudit, upload, useLaptops, type Laptop } from './helpers';

// Several data folders, signing with scrypt-sealed keys: seconds on a busy machine.
vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 });

const laptops = useLaptops();

/** Polls a job until it ends (each poll is an ordinary op, as the Team tab's are), keeping every state seen. */
async function follow(b: Backend, started: TeamJob): Promise<{ job: TeamJob; seen: TeamJob[] }> {
  const seen = [started];
  let job = started;
  while (job.state === 'running') {
    await new Promise((r) => setTimeout(r, 5));
    job = value(await b.call('team.jobStatus', { jobId: job.id }));
    seen.push(job);
  }
  return { job, seen };
}

/** The lead's audit with two photos, sent out: a package whose import places evidence files. */
async function sentWithEvidence(lead: Laptop) {
  const { audit, items } = await leadAudit(lead);
  const b = lead.t.backend;
  for (const fill of [1, 2]) {
    const bytes = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(300_000, fill), Buffer.from('\n%%EOF\n')]);
    const { uploadId } = value(
      await b.call('evidence.uploadBegin', { auditId: audit.id, name: `p${fill}.pdf`, size: bytes.length }),
    );
    value(await b.call('evidence.uploadChunk', { uploadId, offset: 0, dataBase64: bytes.toString('base64') }));
    value(
      await b.call('evidence.uploadCommit', {
        uploadId,
        links: [{ type: 'checklist_item', id: items[0]!.id }],
        addedBy: lead.name,
      }),
    );
  }
  return { audit, sent: await exportPackage(lead, audit.id, laptops.dir(), { includeEvidence: true }) };
}

const uploadGone = async (b: Backend, uploadId: string) =>
  (await b.call('team.uploadAbort', { uploadId })).ok === false;

describe('team preview and import as jobs: progress, and cancel that leaves everything as it was', () => {
  it('a preview job reports its steps and ends with what team.preview says; an import job merges and gives its upload up', async () => {
    const lead = await laptops.make('Lena Lead');
    const arno = await laptops.make('Arno Auditor');
    const { audit, sent } = await sentWithEvidence(lead);
    const b = arno.t.backend;
    const uploadId = await upload(b, sent.bytes);

    const previewed = await follow(b, value(await b.call('team.previewStart', { uploadId })));
    expect(previewed.job).toMatchObject({ kind: 'preview', state: 'done', progress: 1, summary: null, error: null });
    expect(previewed.job.preview).toEqual(value(await b.call('team.preview', { uploadId })));
    const progress = previewed.seen.map((j) => j.progress);
    expect(progress).toEqual([...progress].sort((x, y) => x - y));

    const before = dumpDatabase(b.db);
    const imported = await follow(
      b,
      value(await b.call('team.importStart', { uploadId, acceptFingerprint: lead.fingerprint, by: arno.name })),
    );
    expect(imported.job.state).toBe('done');
    expect(imported.job.summary).toMatchObject({ added: previewed.job.preview!.summary.added, alreadyImported: false });
    expect(dumpDatabase(b.db)).not.toEqual(before);
    expect(value(await b.call('audits.get', { id: audit.id })).id).toBe(audit.id);
    expect(await uploadGone(b, uploadId)).toBe(true);
  });

  it('a cancelled import commits nothing and gives its upload up; cancelling a finished job changes nothing', async () => {
    const lead = await laptops.make('Lena Lead');
    const arno = await laptops.make('Arno Auditor');
    const { sent } = await sentWithEvidence(lead);
    const b = arno.t.backend;
    const uploadId = await upload(b, sent.bytes);
    const before = dumpDatabase(b.db);

    const started = value(await b.call('team.importStart', { uploadId, acceptFingerprint: lead.fingerprint, by: '' }));
    const asked = value(await b.call('team.jobCancel', { jobId: started.id }));
    expect(asked.stage).toBe('Cancelling');
    const { job } = await follow(b, asked);
    expect(job).toMatchObject({ state: 'cancelled', summary: null, error: null, cancellable: false });
    expect(dumpDatabase(b.db)).toEqual(before);
    expect(await uploadGone(b, uploadId)).toBe(true);
    expect(value(await b.call('team.jobCancel', { jobId: job.id }))).toEqual(job);
  });

  it('a cancel while evidence files are placed releases their claims, writes no record and queues the placed file for clean-up', async () => {
    const lead = await laptops.make('Lena Lead');
    const arno = await laptops.make('Arno Auditor');
    const { sent } = await sentWithEvidence(lead);
    const b = arno.t.backend;
    const uploadId = await upload(b, sent.bytes);
    const file = await packageUploads(b.context).file(uploadId);
    const before = dumpDatabase(b.db);

    // The job runner itself, cancelled the moment the first file is in place (the second is next).
    const jobs = new TeamJobs();
    const steps: string[] = [];
    let id = '';
    const started = jobs.start('import', uploadId, async ({ signal, onProgress }) => ({
      preview: null,
      summary: (
        await importTeamPackage(b.context, file, {
          by: '',
          acceptFingerprint: lead.fingerprint,
          signal,
          onProgress: (p) => {
            steps.push(`${p.stage} ${p.done}/${p.total}`);
            onProgress(p);
            if (p.stage === 'evidence' && p.done === 1) jobs.cancel(id);
          },
        })
      ).summary,
    }));
    id = started.id;
    let job = started;
    while (job.state === 'running') {
      await new Promise((r) => setTimeout(r, 5));
      job = jobs.status(id);
    }
    expect(steps.filter((s) => !s.startsWith('checking'))).toEqual(['evidence 0/2', 'evidence 1/2']);
    expect(job.state).toBe('cancelled');
    expect(b.db.prepare('SELECT count(*) FROM evidence_placements').pluck().get()).toBe(0);
    // The one file already placed is queued for the store's clean-up (as after a failed import); nothing else moved.
    const { evidence_gc: queued, ...after } = dumpDatabase(b.db);
    const { evidence_gc: _none, ...rest } = before;
    expect(after).toEqual(rest);
    expect(queued).toHaveLength(1);
    value(await b.call('team.uploadAbort', { uploadId }));
  });
});
