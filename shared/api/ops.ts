/**
 * Operation names only, without schemas, so the preload script can check a
 * name without bundling zod. contract.ts must have exactly these keys.
 */
export const OP_NAMES = [
  'app.info',
  'clients.list',
  'clients.get',
  'clients.create',
  'clients.update',
  'clients.delete',
  'audits.list',
  'audits.get',
  'audits.create',
  'audits.update',
  'audits.setStatus',
  'audits.delete',
  'audits.samplingCandidates',
  'audits.dashboard',
  'templates.list',
  'templates.import',
  'checklist.get',
  'checklist.updateItem',
  'soa.preview',
  'soa.apply',
  'interviews.list',
  'interviews.create',
  'interviews.update',
  'interviews.delete',
  'observations.list',
  'observations.create',
  'observations.update',
  'observations.delete',
  'documents.list',
  'documents.create',
  'documents.update',
  'documents.delete',
  'evidence.uploadBegin',
  'evidence.uploadChunk',
  'evidence.uploadCommit',
  'evidence.uploadAbort',
  'evidence.list',
  'evidence.get',
  'evidence.update',
  'evidence.link',
  'evidence.unlink',
  'evidence.delete',
  'evidence.read',
  'evidence.thumbnail',
  'evidence.openExternal',
  'search.query',
] as const;
export type OpName = (typeof OP_NAMES)[number];

export const isOpName = (s: unknown): s is OpName =>
  typeof s === 'string' && (OP_NAMES as readonly string[]).includes(s);

/** IPC channel prefix: every op is sent on `fieldwork:<op>`. */
export const IPC_PREFIX = 'fieldwork:';
