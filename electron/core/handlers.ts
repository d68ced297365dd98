import type { OpOutput, OpParsed } from '#shared/api/contract';
import type { OpName } from '#shared/api/ops';
import { SCHEMA_VERSION } from './db/migrations';
import type { RepoContext } from './repos/context';
import { createAudit, deleteAudit, getAudit, listAudits, setAuditStatus, updateAudit } from './repos/audits';
import { createClient, deleteClient, getClient, listClients, updateClient } from './repos/clients';

export type Handlers = { [K in OpName]: (input: OpParsed<K>) => OpOutput<K> };

/** The backend's implementation of every operation in the contract. Inputs arrive already parsed. */
export function createHandlers(ctx: RepoContext, appVersion: string): Handlers {
  return {
    'app.info': () => ({ version: appVersion, deviceId: ctx.deviceId, schemaVersion: SCHEMA_VERSION }),
    'clients.list': () => listClients(ctx),
    'clients.get': ({ id }) => getClient(ctx, id),
    'clients.create': (input) => createClient(ctx, input),
    'clients.update': ({ id, client }) => updateClient(ctx, id, client),
    'clients.delete': ({ id }) => {
      deleteClient(ctx, id);
      return { id };
    },
    'audits.list': (q) => listAudits(ctx, q),
    'audits.get': ({ id }) => getAudit(ctx, id),
    'audits.create': (input) => createAudit(ctx, input),
    'audits.update': ({ id, audit }) => updateAudit(ctx, id, audit),
    'audits.setStatus': ({ id, status }) => setAuditStatus(ctx, id, status),
    'audits.delete': ({ id }) => {
      deleteAudit(ctx, id);
      return { id };
    },
  };
}
