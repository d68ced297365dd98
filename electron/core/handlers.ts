import type { OpName } from '#shared/api/ops';
import { SCHEMA_VERSION } from './db/migrations';
import { auditHandlers } from './handlers/audits';
import { brandingHandlers } from './handlers/branding';
import { byteHandlers } from './handlers/bytes';
import { checklistHandlers } from './handlers/checklist';
import { clientHandlers } from './handlers/clients';
import { evidenceHandlers } from './handlers/evidence';
import { findingHandlers } from './handlers/findings';
import { programmeHandlers } from './handlers/programme';
import { recordHandlers } from './handlers/records';
import { reportHandlers } from './handlers/reports';
import { searchHandlers } from './handlers/search';
import { signingHandlers } from './handlers/signing';
import { verifyHandlers } from './handlers/verify';
import { templateHandlers } from './handlers/templates';
import { teamHandlers } from './handlers/team';
import { trustHandlers } from './handlers/trust';
import { OP_KINDS } from './handlers/op-kinds';
import { makeTx, runAs, type Handlers } from './handlers/types';
import type { RepoContext } from './repos/context';

export type { Handlers } from './handlers/types';

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
export function createHandlers(ctx: RepoContext, appVersion: string, notices: readonly string[] = []): Handlers {
  const tx = makeTx(ctx.db, ctx.deviceId);
  const handlers: Handlers = {
    'app.info': () => ({
      version: appVersion,
      deviceId: ctx.deviceId,
      schemaVersion: SCHEMA_VERSION,
      notices: [...notices],
    }),
    ...clientHandlers(ctx, tx),
    ...auditHandlers(ctx, tx),
    ...templateHandlers(ctx, tx),
    ...checklistHandlers(ctx, tx),
    ...recordHandlers(ctx, tx),
    ...evidenceHandlers(ctx, tx),
    ...searchHandlers(ctx, tx),
    ...findingHandlers(ctx, tx),
    ...programmeHandlers(ctx, tx),
    ...brandingHandlers(ctx, tx),
    ...signingHandlers(ctx, tx),
    ...trustHandlers(ctx, tx),
    ...reportHandlers(ctx, tx),
    ...verifyHandlers(ctx, tx),
    ...teamHandlers(ctx, tx),
    ...byteHandlers(ctx, tx),
  };
  return kindAware(handlers);
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
