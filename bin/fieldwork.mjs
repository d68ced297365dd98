#!/usr/bin/env node
// The `fieldwork` command. Runs the TypeScript sources through tsx, so the CLI
// works right after `npm ci` without a build step.
import { register } from 'tsx/esm/api';

register();
const { run } = await import('../electron/cli/main.ts');
const code = await run(process.argv.slice(2));
// `serve` keeps running; every other command ends here with its exit code.
if (code !== 0 || !process.argv.slice(2).includes('serve')) process.exitCode = code;
