import { readFileSync } from 'node:fs';
import { UserError } from './errors';
import { openExistingForCli, resolveDataDir } from './open';

/** Exit codes of `fieldwork call`, also listed in its help. */
export const CALL_EXIT = { ok: 0, failed: 1, usage: 2 } as const;

export const CALL_HELP = `
Prints the operation's answer as one line of JSON: {"ok":true,"value":…} or
{"ok":false,"error":{"code":…,"message":…}}. The input is checked exactly as
the app checks it. JSON may be given as an argument, or as - to read stdin.

Exit codes:
  0  the operation succeeded
  1  the operation answered an error (printed as JSON on stdout)
  2  usage error: the input is not JSON, or there is no data folder`;

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
