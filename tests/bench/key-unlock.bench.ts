/**
 * `npm run bench key-unlock`: how long opening a sealed signing key takes (the
 * wait after typing the passphrase to issue a report), at today's scrypt cost
 * (N = 2^17, r = 8). The baseline is a key sealed at the old cost (N = 2^15),
 * opened by the same code.
 */
import { generateKeyPairSync } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { openKey, sealKey } from '#core/signing/key-protection';
import { sealedAtOldCost } from '../unit/signing/sealed-v1';
import { report } from './report';

const RUNS = 9;
const TARGET_MS = 1500;
const passphrase = 'correct horse battery';
const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });

function time(sealed: string): number[] {
  openKey(sealed, passphrase); // warm-up
  const runs: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    if (!openKey(sealed, passphrase)) throw new Error('the key did not open');
    runs.push(performance.now() - start);
  }
  return runs;
}

report({
  bench: 'key-unlock',
  runs: time(sealKey(privateKey, passphrase)),
  baseline: 'key sealed at N = 2^15',
  baselineRuns: time(sealedAtOldCost(privateKey, passphrase)),
  target: TARGET_MS,
});
