import type { RepoContext } from '../repos/context';
import { importTemplate, listTemplates } from '../templates/store';
import type { Handlers, Tx } from './types';

export const templateHandlers = (ctx: RepoContext, tx: Tx): Pick<Handlers, 'templates.list' | 'templates.import'> => ({
  'templates.list': tx(() => listTemplates(ctx)),
  'templates.import': tx(({ template }) => importTemplate(ctx, template)),
});
