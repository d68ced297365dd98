import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { OP_NAMES } from '#shared/api/ops';
import {
  invalidateAfter,
  READ_OPS,
  readsTouchedBy,
  TOUCHES,
  type ReadOp,
  type WriteOp,
} from '../../../renderer/src/api/invalidation';

/**
 * What each write must refresh, written from what the screens show (not read
 * from the map): a write that changes a row must refresh every read showing it.
 */
const MUST_REFRESH: [WriteOp, ReadOp[]][] = [
  ['clients.create', ['clients.list']],
  // The audit pages show the client's name.
  ['clients.update', ['clients.list', 'clients.get', 'audits.list', 'audits.get']],
  ['clients.delete', ['clients.list', 'search.query']],
  // A client's list shows how many audits it has.
  ['audits.create', ['audits.list', 'clients.list', 'programme.get']],
  ['audits.update', ['audits.get', 'audits.list', 'programme.get', 'reports.get']],
  ['audits.setStatus', ['audits.get', 'audits.list', 'programme.get', 'reports.get']],
  ['audits.delete', ['audits.list', 'clients.list', 'programme.get']],
  ['templates.import', ['templates.list']],
  ['checklist.updateItem', ['checklist.get', 'audits.dashboard', 'search.query', 'reports.get', 'programme.compare']],
  // The audit names the SoA version last imported.
  ['soa.apply', ['checklist.get', 'audits.get', 'audits.dashboard', 'reports.get']],
  ['interviews.create', ['interviews.list', 'search.query', 'audits.dashboard', 'reports.get']],
  ['observations.update', ['observations.list', 'search.query', 'reports.get']],
  ['documents.delete', ['documents.list', 'evidence.list', 'findings.list', 'search.query']],
  // The interview and observation lists count each record's attachments; a finding's history names them.
  [
    'evidence.uploadCommit',
    ['evidence.list', 'search.query', 'reports.get', 'interviews.list', 'observations.list', 'findings.trail'],
  ],
  ['evidence.link', ['evidence.list', 'evidence.get', 'interviews.list', 'observations.list', 'findings.trail']],
  ['evidence.unlink', ['evidence.list', 'interviews.list', 'observations.list', 'findings.trail']],
  ['evidence.delete', ['evidence.list', 'search.query', 'interviews.list', 'observations.list']],
  ['findings.create', ['findings.list', 'audits.dashboard', 'recommendation.get', 'reports.get', 'search.query']],
  ['findings.issue', ['findings.list', 'findings.get', 'findings.trail', 'recommendation.get']],
  ['findings.close', ['findings.get', 'programme.carried', 'recommendation.get', 'audits.dashboard']],
  ['findings.setSettings', ['findings.settings']],
  ['programme.setCertification', ['programme.get']],
  ['programme.createNext', ['audits.list', 'programme.get', 'clients.list']],
  ['recommendation.decide', ['recommendation.get', 'reports.get']],
  ['branding.update', ['branding.get', 'reports.get']],
  ['branding.setImage', ['branding.get', 'branding.image']],
  ['branding.removeImage', ['branding.get', 'branding.image']],
  ['signing.create', ['signing.list']],
  ['signing.importPkcs12', ['signing.list']],
  ['signing.delete', ['signing.list']],
  ['trust.import', ['trust.list']],
  ['trust.remove', ['trust.list']],
  ['reports.saveDetails', ['reports.get']],
  ['exports.start', ['reports.get']],
  ['team.export', ['team.status']],
  // A merge can change any record of the audit and its client.
  [
    'team.import',
    ['team.status', 'conflicts.list', 'audits.get', 'clients.get', 'checklist.get', 'documents.list', 'findings.list'],
  ],
  ['conflicts.resolve', ['conflicts.list', 'team.status', 'checklist.get', 'interviews.list', 'clients.get']],
];

/** Calls that change nothing a screen shows, and pairs that have nothing to do with each other. */
const MUST_NOT_REFRESH: [WriteOp, ReadOp[]][] = [
  ['soa.preview', [...READ_OPS]],
  ['evidence.read', [...READ_OPS]],
  ['verify.finish', [...READ_OPS]],
  ['trust.inspect', [...READ_OPS]],
  ['templates.import', ['audits.get', 'checklist.get']],
  ['signing.create', ['checklist.get', 'reports.get', 'trust.list']],
  ['branding.update', ['audits.list', 'checklist.get']],
];

describe('renderer invalidation map', () => {
  it('sorts every operation into exactly one of reads and writes', () => {
    const writes = Object.keys(TOUCHES);
    expect(new Set(READ_OPS).size).toBe(READ_OPS.length);
    expect(writes.filter((w) => (READ_OPS as readonly string[]).includes(w))).toEqual([]);
    expect([...READ_OPS, ...writes].sort()).toEqual([...OP_NAMES].sort());
  });

  it('names only reads that exist (a misspelt namespace matches nothing)', () => {
    for (const [op, touches] of Object.entries(TOUCHES))
      for (const t of touches) {
        const hit = READ_OPS.some((r) => (t.endsWith('.*') ? r.startsWith(t.slice(0, -1)) : r === t));
        expect(hit, `${op} → ${t}`).toBe(true);
      }
  });

  it.each(MUST_REFRESH)('%s refreshes what it changes', (write, reads) => {
    const stale = readsTouchedBy(write);
    expect(reads.filter((r) => !stale.has(r))).toEqual([]);
  });

  it.each(MUST_NOT_REFRESH)('%s leaves unrelated reads alone', (write, reads) => {
    const stale = readsTouchedBy(write);
    expect(reads.filter((r) => stale.has(r))).toEqual([]);
  });

  it('marks stale the cached answers of the touched reads, whatever their input, and no others', async () => {
    const client = new QueryClient();
    const keys = [
      ['checklist.get', { auditId: 'a1' }],
      ['checklist.get', { auditId: 'a2' }],
      ['audits.dashboard', { auditId: 'a1' }],
      ['search.query', { q: 'firewall' }],
      ['clients.list', {}],
      ['templates.list', {}],
    ] as const;
    for (const key of keys) client.setQueryData(key, { cached: true });
    await invalidateAfter(client, 'checklist.updateItem');
    const invalidated = keys.map((k) => client.getQueryState(k)?.isInvalidated);
    expect(invalidated).toEqual([true, true, true, true, false, false]);
  });
});
