// `npm run chaos -- --kills 200 [--seed N]`: the long crash run (the short one is in npm test).
import { parseArgs } from 'node:util';
import { removeChaosFolder, runChaos } from './harness';

const { values } = parseArgs({ options: { kills: { type: 'string', default: '200' }, seed: { type: 'string' } } });
const kills = Number(values.kills);
const seed = values.seed === undefined ? Date.now() % 2 ** 31 : Number(values.seed);
if (!Number.isInteger(kills) || kills < 1 || !Number.isInteger(seed)) {
  console.error('Usage: npm run chaos -- --kills N [--seed N]');
  process.exit(2);
}
console.log(`chaos: ${kills} kills, seed ${seed}`);
try {
  const summary = await runChaos({ kills, seed, log: (line) => console.log(line) });
  console.log(
    JSON.stringify({ kills, seed, acknowledged: summary.acknowledged, inFlightAtKill: summary.inFlightAtKill }),
  );
  removeChaosFolder(summary);
} catch (e) {
  console.error(`chaos failed (seed ${seed}): ${(e as Error).message}`);
  process.exit(1);
}
