import type { RepoContext } from '../repos/context';
import { createClient, deleteClient, getClient, listClients, updateClient } from '../repos/clients';
import type { Handlers, Tx } from './types';

type ClientOps = 'clients.list' | 'clients.get' | 'clients.create' | 'clients.update' | 'clients.delete';

export const clientHandlers = (ctx: RepoContext, tx: Tx): Pick<Handlers, ClientOps> => ({
  'clients.list': tx(() => listClients(ctx)),
  'clients.get': tx(({ id }) => getClient(ctx, id)),
  'clients.create': tx((input) => createClient(ctx, input)),
  'clients.update': tx(({ id, client }) => updateClient(ctx, id, client)),
  'clients.delete': tx(({ id }) => {
    deleteClient(ctx, id);
    return { id };
  }),
});
