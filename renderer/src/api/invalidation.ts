import type { QueryClient } from '@tanstack/react-query';
import type { OpName } from '#shared/api/ops';

/**
 * The operations screens read through `useOp`, cached by `[op, input]`. An
 * operation not listed here cannot be read that way: adding one means deciding
 * below which writes make its answer stale.
 */
export const READ_OPS = [
  'app.info',
  'clients.list',
  'clients.get',
  'audits.list',
  'audits.page',
  'audits.get',
  'audits.samplingCandidates',
  'audits.dashboard',
  'templates.list',
  'checklist.get',
  'interviews.list',
  'observations.list',
  'documents.list',
  'evidence.list',
  'evidence.page',
  'evidence.get',
  'evidence.thumbnail',
  'search.query',
  'search.page',
  'findings.list',
  'findings.page',
  'findings.get',
  'findings.trail',
  'findings.settings',
  'programme.get',
  'programme.carried',
  'programme.compare',
  'recommendation.get',
  'plan.get',
  'plan.itemSessions',
  'meetings.get',
  'review.get',
  'branding.get',
  'branding.image',
  'signing.list',
  'trust.list',
  'reportTemplates.list',
  'reports.get',
  'team.status',
  'team.estimate',
  'conflicts.list',
  'backups.list',
  'security.status',
  // Polled by the start-up conversion screen (features/security) while a conversion may run; nothing invalidates it.
  'security.conversion',
] as const satisfies readonly OpName[];
export type ReadOp = (typeof READ_OPS)[number];
/** Every other operation: writes, and one-off calls (uploads, byte reads, checks) that change nothing shown. */
export type WriteOp = Exclude<OpName, ReadOp>;

/** A read operation, or all of a namespace's ('findings.*'). */
type Touch = ReadOp | `${string}.*`;

/** What is worked out from an audit's whole content: any change to its records shows there. */
const AUDIT_VIEWS = ['audits.dashboard', 'reports.get', 'search.*', 'team.status', 'conflicts.list'] as const;
/** A checklist item, interview, observation or document: their own list, and what links to them. */
const record = (ns: 'interviews' | 'observations' | 'documents'): Touch[] => [
  `${ns}.*`,
  'evidence.*',
  'findings.*',
  ...AUDIT_VIEWS,
];
/** An attachment added, linked, unlinked or deleted: the lists that count a record's attachments, a finding's history. */
const ATTACHED: Touch[] = ['evidence.*', 'interviews.list', 'observations.list', 'findings.trail', ...AUDIT_VIEWS];
const FINDING: Touch[] = [
  'findings.*',
  'checklist.get',
  'programme.carried',
  'programme.compare',
  'recommendation.get',
  ...AUDIT_VIEWS,
];
/** A merge or a conflict decision can change any record of the audit and its client. */
const MERGE: Touch[] = [
  'clients.*',
  'audits.*',
  'checklist.*',
  'interviews.*',
  'observations.*',
  'documents.*',
  'evidence.*',
  'findings.*',
  'programme.*',
  'recommendation.*',
  'reports.*',
  'search.*',
  'team.*',
  'conflicts.*',
];

/**
 * After a write succeeds, the reads whose answers it may have changed. Written
 * out op by op on purpose: a missing entry is a screen left stale, a test
 * (tests/unit/renderer/invalidation.test.ts) lists what must be there.
 */
export const TOUCHES: Record<WriteOp, readonly Touch[]> = {
  'clients.create': ['clients.*', 'search.*'],
  'clients.update': ['clients.*', 'audits.*', 'programme.get', 'reports.get', 'search.*', 'team.status'],
  'clients.delete': ['clients.*', 'search.*'],
  'audits.create': ['audits.*', 'clients.*', 'programme.*', 'findings.list', 'findings.page', 'search.*'],
  'audits.update': ['audits.*', 'clients.*', 'programme.*', 'checklist.get', 'plan.get', ...AUDIT_VIEWS],
  'audits.setStatus': ['audits.*', 'programme.*', 'recommendation.get', 'findings.*', ...AUDIT_VIEWS],
  'audits.delete': ['audits.*', 'clients.*', 'programme.*', 'findings.*', 'search.*'],
  'templates.import': ['templates.list'],
  'checklist.updateItem': ['checklist.get', 'audits.samplingCandidates', 'programme.compare', ...AUDIT_VIEWS],
  'soa.preview': [],
  'soa.apply': ['checklist.get', 'audits.get', 'audits.samplingCandidates', 'programme.compare', ...AUDIT_VIEWS],
  'interviews.create': record('interviews'),
  'interviews.update': record('interviews'),
  'interviews.delete': record('interviews'),
  'observations.create': record('observations'),
  'observations.update': record('observations'),
  'observations.delete': record('observations'),
  'documents.create': record('documents'),
  'documents.update': record('documents'),
  'documents.delete': record('documents'),
  'evidence.uploadBegin': [],
  'evidence.uploadChunk': [],
  'evidence.uploadCommit': ATTACHED,
  'evidence.uploadAbort': [],
  'evidence.uploadBeginMany': [],
  'evidence.uploadCommitMany': ATTACHED,
  'evidence.importPaths': ATTACHED,
  'evidence.importStatus': [],
  'evidence.importCancel': [],
  'evidence.update': ['evidence.*', ...AUDIT_VIEWS],
  'evidence.link': ATTACHED,
  'evidence.unlink': ATTACHED,
  'evidence.delete': ATTACHED,
  'evidence.read': [],
  'bytes.download': [],
  'evidence.openExternal': [],
  'evidence.showInFolder': [],
  'findings.create': FINDING,
  'findings.fromItem': FINDING,
  'findings.update': FINDING,
  'findings.delete': FINDING,
  'findings.issue': FINDING,
  'findings.respond': FINDING,
  'findings.decideResponse': FINDING,
  'findings.verify': FINDING,
  'findings.close': FINDING,
  'findings.setSettings': ['findings.*', 'reports.get'],
  'programme.setCertification': ['programme.*', 'reports.get'],
  'programme.createNext': ['audits.*', 'clients.*', 'programme.*', 'findings.list', 'findings.page', 'search.*'],
  'recommendation.decide': ['recommendation.get', 'findings.trail', ...AUDIT_VIEWS],
  // The plan's objectives, scope and criteria are the audit's own.
  'plan.save': ['plan.get', 'audits.*', ...AUDIT_VIEWS],
  'plan.addSession': ['plan.*'],
  'plan.updateSession': ['plan.*'],
  'plan.deleteSession': ['plan.*'],
  // The closing meeting's date is the audit's, from which response deadlines run.
  'meetings.save': ['meetings.get', 'audits.get', 'findings.*', ...AUDIT_VIEWS],
  'review.record': ['review.get'],
  // A grant or renewal dates the client's certification.
  'review.decide': ['review.get', 'programme.*', 'reports.get'],
  'branding.update': ['branding.*', 'reports.get'],
  'branding.setImage': ['branding.*', 'reports.get'],
  'branding.removeImage': ['branding.*', 'reports.get'],
  'signing.create': ['signing.*'],
  'signing.importPkcs12': ['signing.*'],
  'signing.delete': ['signing.*'],
  'signing.certificate': [],
  'signing.keyWrap': [],
  'trust.inspect': [],
  'trust.import': ['trust.*'],
  'trust.remove': ['trust.*'],
  'reportTemplates.import': ['reportTemplates.*'],
  'reportTemplates.remove': ['reportTemplates.*'],
  'reportTemplates.setDefault': ['reportTemplates.*'],
  'reports.saveDetails': ['reports.get'],
  'reports.readIssue': [],
  'reports.verify': [],
  // Issuing is an export job: useExportJob refreshes these when the job is done, when the issue exists.
  'exports.start': ['reports.get', 'review.get'],
  'exports.status': [],
  'exports.cancel': [],
  'exports.read': [],
  'verify.begin': [],
  'verify.chunk': [],
  'verify.finish': [],
  'verify.abort': [],
  'verify.lookUp': [],
  // A package sent is recorded as an exchange, and the next one's estimate counts from it.
  'team.export': ['team.*'],
  'team.read': [],
  'team.uploadBegin': [],
  'team.uploadChunk': [],
  'team.uploadAbort': [],
  'team.preview': [],
  'team.import': MERGE,
  // Jobs: the Team tab invalidates what a merge touches when its import job ends (useInvalidateAfter).
  'team.previewStart': [],
  'team.importStart': [],
  'team.jobStatus': [],
  'team.jobCancel': [],
  'conflicts.resolve': MERGE,
  // A backup is a job: its screen refreshes the list again when the job ends (useInvalidateAfter).
  'backups.create': ['backups.list'],
  'backups.status': [],
  'backups.cancel': ['backups.list'],
  'backups.restore': [],
  'backups.settings': ['backups.list'],
  'security.setPassphrase': ['security.status'],
  'security.encrypt': ['security.status'],
  'security.lock': ['security.status'],
  // The lock screen itself refreshes every cached read after an unlock (reads while locked were refused).
  'security.unlock': ['security.status'],
  'security.setIdleLock': ['security.status'],
  'security.setKeychainUnlock': ['security.status'],
  // A key for the draft journal, fetched once per page: nothing cached shows it.
  'security.draftKey': [],
  // The demo fills an empty folder: clients, audits and their records, the branding and a signing identity.
  'demo.load': [...MERGE, 'branding.*', 'signing.*', 'plan.*', 'meetings.*', 'review.*'],
  'demo.progress': [],
};

const matches = (touch: Touch, read: ReadOp) =>
  touch.endsWith('.*') ? read.startsWith(touch.slice(0, -1)) : touch === read;

/** The read operations `op` makes stale, patterns expanded. */
export function readsTouchedBy(op: WriteOp): Set<ReadOp> {
  return new Set(READ_OPS.filter((read) => TOUCHES[op].some((t) => matches(t, read))));
}

/** Marks every cached answer `op` may have changed stale; the ones on screen load again. */
export function invalidateAfter(client: QueryClient, op: WriteOp): Promise<void> {
  const stale = readsTouchedBy(op);
  if (stale.size === 0) return Promise.resolve();
  return client.invalidateQueries({ predicate: (q) => stale.has(q.queryKey[0] as ReadOp) });
}
