import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempBackend, value } from '../../helpers/backend';
import { readDocx } from '../../helpers/docx';
import { finishExport } from '../../helpers/export-jobs';
import { issueFinding, resolveNc, stage2InProgress } from '../programme/helpers';

/**
 * The NC list DOCX as exported through the door (exports.start), from a real
 * data folder: a closed nonconformity must read closed, with the day it was
 * closed taken from the database (the report model does not carry it).
 */
let t: ReturnType<typeof tempBackend>;
let out: string;
let rows: string[][];

beforeAll(async () => {
  t = tempBackend();
  out = mkdtempSync(join(tmpdir(), 'fw-nc-docx-'));
  const b = t.backend;
  value(await b.call('branding.update', { name: 'Example Certification Ltd', reportNumberPattern: 'EC-{year}-{seq}' }));
  const { audit } = await stage2InProgress(b);
  await issueFinding(b, audit.id, 'major', 'A.8.13');
  const minor = await issueFinding(b, audit.id, 'minor', 'A.5.18');
  await resolveNc(b, minor.id, audit.id, { until: 'closed', on: '2026-04-01' });
  const job = await finishExport(
    b,
    value(await b.call('exports.start', { auditId: audit.id, kind: 'nc_list', format: 'docx' })),
  );
  expect(job.state, job.error?.message).toBe('done');
  const parts: Buffer[] = [];
  for (let offset = 0; ;) {
    const part = value(await b.call('exports.read', { jobId: job.id, offset, length: 1024 * 1024 }));
    const bytes = Buffer.from(part.dataBase64, 'base64');
    parts.push(bytes);
    offset += bytes.length;
    if (part.eof) break;
  }
  writeFileSync(join(out, 'nc.docx'), Buffer.concat(parts));
  rows = readDocx(join(out, 'nc.docx')).tables[0]!.rows;
}, 120_000);
afterAll(() => {
  t.cleanup();
  rmSync(out, { recursive: true, force: true });
});

/** Today as the backend stamps the closing, in the list's date style. */
const today = () =>
  new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(),
  );

describe('NC list DOCX exported from a data folder (python-docx)', () => {
  it('shows the open NC as open and the closed one as closed, with who verified it, when, and the closing day', () => {
    expect(rows[0]).toEqual([
      'Finding',
      'Grade',
      'Requirement',
      'Statement',
      'Objective evidence',
      'Status',
      "Client's response",
      'Due date',
      'Verification',
      'Closed on',
    ]);
    const [open, closed] = rows.slice(1) as [string[], string[]];
    expect([open[0], open[5], open[8], open[9]]).toEqual(['ST2-NC-01', 'Open', 'Not verified yet.', '—']);
    expect(open[7]).toBe('3 Apr 2026');
    expect(closed[0]).toBe('ST2-NC-02');
    expect(closed[5]).toBe('Closed');
    expect(closed[6]).toBe(
      'Received 1 Apr 2026 (accepted)\nCorrection: Fixed\nRoot cause: Cause\nCorrective action: Plan\nResponsible: Sam',
    );
    expect(closed[8]).toBe('Effective, by document review\n1 Apr 2026, Lena Lead\nRecords seen');
    expect(closed[9]).toBe(today());
  });
});
