#!/usr/bin/env node
// Usage: node build/ensure-native.mjs <node|electron> [--dry-run]
// Makes node_modules/better-sqlite3 loadable by the requested runtime, and does
// nothing (quickly) when it already is. See electron/main/native-abi.ts.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const PROBE = "new (require('better-sqlite3'))(':memory:').close()";

/** Which runtime the installed binary loads in: {kind:'node'} | {kind:'abi', abi} | {kind:'broken', message}. */
function probe() {
  const r = spawnSync(process.execPath, ['-e', PROBE], { cwd: root, encoding: 'utf8' });
  if (r.status === 0) return { kind: 'node' };
  const m = /NODE_MODULE_VERSION (\d+)\./.exec(r.stderr ?? '');
  if (m) return { kind: 'abi', abi: Number(m[1]) };
  return { kind: 'broken', message: (r.stderr || r.error?.message || 'unknown error').trim().split('\n')[0] };
}

/** Electron's NODE_MODULE_VERSION, as shipped in the electron package; null if unknown. */
function electronAbi() {
  try {
    return (
      Number(readFileSync(new URL('../node_modules/electron/abi_version', import.meta.url), 'utf8').trim()) || null
    );
  } catch {
    return null;
  }
}

/** What to do: 'ok', 'rebuild-node' or 'rebuild-electron'. */
function decide(target, found, abiOfElectron) {
  if (target === 'node') return found.kind === 'node' ? 'ok' : 'rebuild-node';
  if (target === 'electron') {
    return found.kind === 'abi' && abiOfElectron !== null && found.abi === abiOfElectron ? 'ok' : 'rebuild-electron';
  }
  throw new Error(`unknown target "${target}", expected node or electron`);
}

const run = (cmd, args) =>
  spawnSync(cmd, args, { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' }).status ?? 1;

function main(target, dryRun) {
  const action = decide(target, probe(), electronAbi());
  if (dryRun) {
    console.log(action);
    return 0;
  }
  if (action === 'ok') return 0;
  console.log(`better-sqlite3: rebuilding for ${target}...`);
  if (action === 'rebuild-electron') return run('npx', ['electron-builder', 'install-app-deps']);
  const status = run('npm', ['rebuild', 'better-sqlite3']);
  if (status !== 0) return status;
  const after = probe();
  if (after.kind === 'node') return 0;
  console.error('better-sqlite3 still does not load in Node after the rebuild:', after.message ?? `ABI ${after.abi}`);
  return 1;
}

try {
  process.exitCode = main(process.argv[2], process.argv.includes('--dry-run'));
} catch (err) {
  console.error(String(err instanceof Error ? err.message : err));
  process.exitCode = 2;
}
