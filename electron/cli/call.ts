import { readFileSync } from 'node:fs';
import { UserError } from './errors';
import { CALL_EXIT } from './help';
import { openExistingForCli, resolveDataDir } from './open';

function readInput(json: string | undefined): unknown {
  const text = json === '-' ? readFileSync(0, 'utf8') : (json ?? '{}');
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new UserError('the input is not valid JSON (give an object such as \'{"id":"…"}\', or - for stdin)', 2);
  }
}

/**
 * `fieldwork call OP [JSON]`: any operation of the contract, for scripts and
 * tests. It goes through dispatch, the backend's one door, so it validates
 * and refuses exactly as the desktop app and the preview host do. It never
 * creates a data folder: a mistyped --data-dir is refused.
 */
export async function callCommand(op: string, json: string | undefined, opts: { dataDir?: string }): Promise<void> {
  const input = readInput(json);
  const backend = openExistingForCli(resolveDataDir(opts.dataDir), CALL_EXIT.usage);
  try {
    const result = await backend.dispatch(op, input);
    process.stdout.write(`${JSON.stringify(result)}\n`);
    if (!result.ok) throw new UserError(`${op} answered an error (${result.error.code})`, CALL_EXIT.failed);
  } finally {
    backend.close();
  }
}
