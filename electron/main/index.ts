import { builtPaths, startApp } from './app';
import { cliModulePath, cliRequest, runCliInMain } from './cli-mode';

// import.meta.dirname is out/main once built; this file must stay the entry chunk.
// The installed `fieldwork` command starts this binary with --fieldwork-cli: decided before anything of the app
// starts (no window, no single-instance lock, no app:// scheme).
const cli = cliRequest(process.argv);
if (cli) void runCliInMain(cli, cliModulePath(import.meta.dirname));
else startApp(builtPaths(import.meta.dirname));
