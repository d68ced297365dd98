import type { OpName } from '#shared/api/ops';
import { startBackups } from './backup/app-version';
import { SCHEMA_VERSION } from './db/migrations';
import { OP_KINDS } from './handlers/op-kinds';
import { makeTx, runAs, type Handlers, type Tx } from './handlers/types';
import type { RepoContext } from './repos/context';

export type { Handlers } from './handlers/types';

/** The area an operation belongs to: the part of its name before the dot ('audits' of 'audits.list'). */
type Prefix = OpName extends `${infer P}.${string}` ? P : never;
type OpsOf<P extends Prefix> = Extract<OpName, `${P}.${string}`>;
type Area<K extends OpName> = () => Promise<(ctx: RepoContext, tx: Tx) => Pick<Handlers, K>>;

// Each area's module is imported the first time one of its operations runs, never at start-up: the report and
// signing areas pull in pkijs, node-forge, xmldom and JSZip, which `fieldwork audits` must not pay for
// (tests/unit/cli/lazy-modules.test.ts, npm run bench cli-startup). Areas named by two prefixes are one loader.
const reports: Area<OpsOf<'reports' | 'exports'>> = async () => (await import('./handlers/reports')).reportHandlers;
const team: Area<OpsOf<'team' | 'conflicts'>> = async () => (await import('./handlers/team')).teamHandlers;
const checklist: Area<OpsOf<'checklist' | 'soa'>> = async () =>
  (await import('./handlers/checklist')).checklistHandlers;
const records: Area<OpsOf<'interviews' | 'observations' | 'documents'>> = async () =>
  (await import('./handlers/records')).recordHandlers;
const programme: Area<OpsOf<'programme' | 'recommendation'>> = async () =>
  (await import('./handlers/programme')).programmeHandlers;
const plan: Area<OpsOf<'plan' | 'meetings' | 'review'>> = async () => (await import('./handlers/plan')).planHandlers;

/** The type makes an operation with a new prefix unbuildable until its area is named here. */
const AREAS: { [P in Exclude<Prefix, 'app'>]: Area<OpsOf<P>> } = {
  clients: async () => (await import('./handlers/clients')).clientHandlers,
  audits: async () => (await import('./handlers/audits')).auditHandlers,
  templates: async () => (await import('./handlers/templates')).templateHandlers,
  checklist,
  soa: checklist,
  interviews: records,
  observations: records,
  documents: records,
  evidence: async () => (await import('./handlers/evidence')).evidenceHandlers,
  bytes: async () => (await import('./handlers/bytes')).byteHandlers,
  search: async () => (await import('./handlers/search')).searchHandlers,
  findings: async () => (await import('./handlers/findings')).findingHandlers,
  programme,
  recommendation: programme,
  plan,
  meetings: plan,
  review: plan,
  branding: async () => (await import('./handlers/branding')).brandingHandlers,
  signing: async () => (await import('./handlers/signing')).signingHandlers,
  trust: async () => (await import('./handlers/trust')).trustHandlers,
  reportTemplates: async () => (await import('./handlers/report-templates')).reportTemplateHandlers,
  reports,
  exports: reports,
  verify: async () => (await import('./handlers/verify')).verifyHandlers,
  team,
  conflicts: team,
  backups: async () => (await import('./handlers/backups')).backupHandlers,
  security: async () => (await import('./handlers/security')).securityHandlers,
  demo: async () => (await import('./handlers/demo')).demoHandlers,
};

type AnyHandler = (input: unknown) => unknown;

export interface HandlerRegistry {
  handlers: Handlers;
  /** Imports every area now (the long-running front ends, once they answer), so no later first use waits for one. */
  warm: () => Promise<void>;
}

/**
 * The backend's implementation of every operation in the contract, grouped by
 * area in handlers/. Inputs arrive already parsed. Every handler's database
 * work runs in one transaction (`tx`) of its operation's kind (op-kinds.ts):
 * a write's is IMMEDIATE — it takes the write lock up front, so a
 * read-then-write never fails half-way, and it lands whole or not at all; a
 * read's is DEFERRED with writes refused, so it never waits for or holds up a
 * writer. Handlers with slow async preparation (parsing an uploaded file) do
 * it before opening theirs.
 */
export function createHandlers(ctx: RepoContext, appVersion: string, notices: readonly string[] = []): HandlerRegistry {
  const tx = makeTx(ctx.db, ctx.deviceId);
  startBackups(ctx, appVersion);
  // One build per area and backend, shared by its prefixes; a failed import is tried again next time.
  const built = new Map<Area<OpName>, Promise<Record<string, AnyHandler>>>();
  const area = (load: Area<OpName>) => {
    let handlers = built.get(load);
    if (!handlers) {
      handlers = load().then((make) => make(ctx, tx) as Record<string, AnyHandler>);
      handlers.catch(() => built.delete(load));
      built.set(load, handlers);
    }
    return handlers;
  };
  const loaderOf = (op: OpName) => AREAS[op.slice(0, op.indexOf('.')) as keyof typeof AREAS] as Area<OpName>;

  const handlers: Record<string, AnyHandler> = {
    'app.info': () => ({
      version: appVersion,
      deviceId: ctx.deviceId,
      schemaVersion: SCHEMA_VERSION,
      notices: [...notices],
    }),
  };
  for (const op of Object.keys(OP_KINDS) as OpName[]) {
    if (op === 'app.info') continue;
    const load = loaderOf(op);
    handlers[op] = async (input) => {
      const handler = (await area(load))[op];
      if (!handler) throw new Error(`no handler for ${op} in its area`);
      return handler(input);
    };
  }
  return {
    handlers: kindAware(handlers as Handlers),
    warm: async () => {
      await Promise.all([...new Set(Object.values(AREAS))].map((load) => area(load as Area<OpName>)));
    },
  };
}

/** Each handler runs as its operation's kind, so every `tx` it opens (also after an await) is a read or a write. */
function kindAware(handlers: Handlers): Handlers {
  const out: Record<string, (input: unknown) => unknown> = {};
  for (const [op, handler] of Object.entries(handlers) as [OpName, (input: unknown) => unknown][]) {
    const kind = OP_KINDS[op];
    out[op] = (input) => runAs(kind, () => handler(input));
  }
  return out as Handlers;
}
