#!/usr/bin/env node
// The `fieldwork` command from a checkout: runs the CLI electron-vite built (out/main/cli.js, `npm run build`),
// the same file the desktop app ships. Only says what to do when that build is missing.
import { existsSync } from 'node:fs';

const cli = new URL('../out/main/cli.js', import.meta.url);
if (existsSync(cli)) {
  await import(cli.href);
} else {
  process.stderr.write('fieldwork: the command is not built yet. Run `npm run build` in the project folder first.\n');
  process.exitCode = 70;
}
