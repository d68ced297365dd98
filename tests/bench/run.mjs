#!/usr/bin/env node
// `npm run bench [name…]`: builds the renderer, then runs tests/bench/<name>.bench.ts (every one when no name
// is given), each in its own Node process through tsx. Results are JSON lines on stdout; progress on stderr.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const benchDir = fileURLToPath(new URL('.', import.meta.url));
const root = fileURLToPath(new URL('../..', import.meta.url));
const available = readdirSync(benchDir)
  .filter((f) => f.endsWith('.bench.ts'))
  .map((f) => f.slice(0, -'.bench.ts'.length))
  .sort();

const asked = process.argv.slice(2);
const unknown = asked.filter((n) => !available.includes(n));
if (unknown.length > 0) {
  console.error(`Unknown benchmark: ${unknown.join(', ')}. Available: ${available.join(', ')}`);
  process.exit(2);
}

// Measure the code as it is now, not an old build (FIELDWORK_BENCH_NO_BUILD=1 skips this).
if (!process.env.FIELDWORK_BENCH_NO_BUILD) {
  const build = spawnSync('npx', ['vite', 'build', '-c', 'vite.renderer.config.ts', '--logLevel', 'warn'], {
    cwd: root,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

let failed = 0;
for (const name of asked.length > 0 ? asked : available) {
  console.error(`bench ${name} …`);
  const run = spawnSync(process.execPath, ['--import', 'tsx', `${benchDir}${name}.bench.ts`], {
    cwd: root,
    stdio: 'inherit',
  });
  if (run.status !== 0) {
    console.error(`bench ${name} failed (exit ${run.status ?? run.signal})`);
    failed++;
  }
}
process.exit(failed > 0 ? 1 : 0);
