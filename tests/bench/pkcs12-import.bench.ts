/**
 * `npm run bench pkcs12-import`: how long reading a PKCS#12 file takes at the
 * most key-derivation iterations accepted (100,000), written by OpenSSL 3
 * (PBES2/AES-256, SHA-256 MAC). The baseline is node-forge reading the same
 * file, as every file was read before pkijs.
 */
import { performance } from 'node:perf_hooks';
import forge from 'node-forge';
import { PKCS12_MAX_ITERATIONS } from '#core/signing/pkcs12-limits';
import { readPkcs12 } from '#core/signing/pkcs12';
import { opensslPkcs12 } from '../unit/signing/openssl-p12';
import { report } from './report';

const RUNS = 5;
const TARGET_MS = 1500;
const password = 'bench-pass';
const file = opensslPkcs12({ iter: PKCS12_MAX_ITERATIONS, password });

async function time(read: () => Promise<unknown>): Promise<number[]> {
  await read(); // warm-up
  const runs: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    await read();
    runs.push(performance.now() - start);
  }
  return runs;
}

report({
  bench: 'pkcs12-import',
  runs: await time(() => readPkcs12(file, password)),
  baseline: 'node-forge reading the same file',
  baselineRuns: await time(() =>
    Promise.resolve(forge.pkcs12.pkcs12FromAsn1(forge.asn1.fromDer(file.toString('binary')), false, password)),
  ),
  target: TARGET_MS,
});
