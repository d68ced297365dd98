import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { newId } from '#core/ids';
import type { MalformedExtension } from './types';

const details = { sampling: 'Ten leavers, twelve changes.', auditorDays: 4.5 };

/**
 * Report details, issued versions and export jobs. The seed writes an issued
 * version's row and file directly (issuing for real runs a worker and takes
 * seconds, too slow for a seed that runs once per operation; jobs.test.ts
 * covers it). Export jobs live in memory, so a well-formed id of a job this
 * backend never ran answers not_found by design.
 */
export const reportsCases: MalformedExtension = {
  seed(backend, w) {
    const bytes = Buffer.from('PK\u0003\u0004 not really a document');
    const sha = createHash('sha256').update(bytes).digest('hex');
    mkdirSync(join(backend.context.dataDir, 'reports'), { recursive: true });
    writeFileSync(join(backend.context.dataDir, 'reports', `${sha}.docx`), bytes);
    const issueId = newId();
    backend.db
      .prepare(
        `INSERT INTO report_issues (id, audit_id, kind, version, report_number, file_name, sha256, size, content_hash,
           issued_at, issued_by, signer_name, signer_role, signer_fingerprint, created_at, updated_at, device_id)
         VALUES (?, ?, 'report', 1, 'EC-2026-001', 'r.docx', ?, ?, 'h', '2026-03-31T10:00:00Z', 'Lena', 'Lena', 'Lead',
           'AA:BB', 'c', 'u', 'd')`,
      )
      .run(issueId, w.closedId, sha, bytes.length);
    return Promise.resolve({ issueId });
  },

  valid: (w) => ({
    'reports.get': { auditId: w.closedId },
    'reports.saveDetails': { auditId: w.plannedId, details, by: 'Lena' },
    'reports.readIssue': { issueId: w.x.issueId!, offset: 0, length: 1024 },
    'reports.verify': { issueId: w.x.issueId! },
    'exports.start': { auditId: w.closedId, kind: 'nc_list', format: 'csv' },
    'exports.status': { jobId: 'a-job-this-backend-never-ran' },
    'exports.cancel': { jobId: 'a-job-this-backend-never-ran' },
    'exports.read': { jobId: 'a-job-this-backend-never-ran', offset: 0, length: 1024 },
  }),
  validAnswers: { 'exports.status': 'not_found', 'exports.cancel': 'not_found', 'exports.read': 'not_found' },

  cases: (w, huge) => {
    const unknown = newId();
    const unlock = { kind: 'passphrase', passphrase: 'whatever it is' };
    return {
      'reports.get': [['an unknown audit', { auditId: unknown }, 'not_found']],
      'reports.saveDetails': [
        ['an unknown audit', { auditId: unknown, details, by: 'Lena' }, 'not_found'],
        ['negative auditor-days', { auditId: w.plannedId, details: { auditorDays: -1 }, by: 'Lena' }],
        ['auditor-days as text', { auditId: w.plannedId, details: { auditorDays: 'four' }, by: 'Lena' }],
        ['a huge conclusion', { auditId: w.plannedId, details: { conclusionScope: huge }, by: 'Lena' }],
        ['an unknown field', { auditId: w.plannedId, details: { verdict: 'fine' }, by: 'Lena' }],
      ],
      'reports.readIssue': [
        ['an unknown issue', { issueId: unknown, offset: 0, length: 10 }, 'not_found'],
        ['a read past the end', { issueId: w.x.issueId!, offset: 10_000, length: 10 }],
        ['a huge chunk', { issueId: w.x.issueId!, offset: 0, length: 64 * 1024 * 1024 }],
      ],
      'reports.verify': [['an unknown issue', { issueId: unknown }, 'not_found']],
      'exports.start': [
        ['an unknown audit', { auditId: unknown, kind: 'report' }, 'not_found'],
        ['the report as CSV', { auditId: w.closedId, kind: 'report', format: 'csv' }],
        ['an unknown kind', { auditId: w.closedId, kind: 'letter' }],
        ['a PDF', { auditId: w.closedId, kind: 'nc_list', format: 'pdf' }],
        [
          'signing an XLSX',
          { auditId: w.closedId, kind: 'nc_list', format: 'xlsx', issue: { identityId: unknown, unlock, by: 'L' } },
        ],
        [
          // With a reason for the audit's open gaps, so the identity is what is refused.
          'an unknown signing identity',
          {
            auditId: w.closedId,
            kind: 'report',
            issue: { identityId: unknown, unlock, by: 'L', overrideReason: 'Issued with gaps for the test' },
          },
          'not_found',
        ],
        [
          'an empty passphrase',
          {
            auditId: w.closedId,
            kind: 'report',
            issue: { identityId: unknown, unlock: { kind: 'passphrase', passphrase: '' }, by: 'L' },
          },
        ],
      ],
      'exports.status': [['a huge id', { jobId: huge }]],
      'exports.cancel': [['no id', {}]],
      'exports.read': [['a negative offset', { jobId: 'x', offset: -1, length: 10 }]],
    };
  },
};
