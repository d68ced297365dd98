import { afterAll, expect, it } from 'vitest';
import { removeChaosFolder, runChaos, type ChaosSummary } from './harness';

// A short count for `npm test`; `npm run chaos -- --kills 200` runs the long one (tests/chaos/main.ts).
const KILLS = Number(process.env.CHAOS_KILLS ?? 3);
const SEED = Number(process.env.CHAOS_SEED ?? Date.now() % 2 ** 31);

let summary: ChaosSummary | undefined;
afterAll(() => {
  if (summary) removeChaosFolder(summary);
});

it(
  `every acknowledged write survives ${KILLS} SIGKILLs of the built preview host (seed ${SEED})`,
  { timeout: 600_000 },
  async () => {
    summary = await runChaos({ kills: KILLS, seed: SEED });
    expect(summary.kills).toBe(KILLS);
    // Every kind was acknowledged at least once, so each restart had each kind to find.
    for (const [kind, count] of Object.entries(summary.acknowledged)) expect(count, kind).toBeGreaterThan(0);
    console.log(
      `chaos: ${JSON.stringify(summary.acknowledged)}; in flight at the kills: ${JSON.stringify(summary.inFlightAtKill)}`,
    );
  },
);
