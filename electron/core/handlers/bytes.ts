import { byteChannel } from '../bytes/channel';
import { sourceFile } from '../bytes/sources';
import type { RepoContext } from '../repos/context';
import type { Handlers, Tx } from './types';

/** Downloads: the operation decides what may be read; the transports stream it by the id it returns. */
export function byteHandlers(ctx: RepoContext, tx: Tx): Pick<Handlers, 'bytes.download'> {
  const { downloads } = byteChannel(ctx);
  return {
    'bytes.download': (source) => downloads.offer(sourceFile(ctx, tx, source)),
  };
}
