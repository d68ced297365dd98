import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract } from '#shared/api/contract';
import { OP_NAMES, type OpName } from '#shared/api/ops';
import type { Backend } from '#core/backend';
import { tempBackend } from '../../helpers/backend';
import { finishExport } from '../../helpers/export-jobs';
import { arbitraryFor, mutationOf } from '../../helpers/zod-arbitrary';
import type { World } from '../core/malformed/types';
import { EXTENSIONS, digest, idsOf, seedWorld, validInputs, walWitness } from './world';

/**
 * Every operation fed inputs derived from its own zod schema (fast-check), the
 * malformed-input table's valid inputs, and mutations of both: it must answer
 * an envelope, never `internal`, and a refused input must leave every row of
 * every table as it was. `npm run fuzz:ops` runs OPS_FUZZ_RUNS=1000 per op.
 */
const RUNS = Number(process.env.OPS_FUZZ_RUNS ?? 8);

let t: ReturnType<typeof tempBackend>;
let backend: Backend;
let world: World;
let ids: string[];
let before: string | null;

beforeAll(async () => {
  t = tempBackend();
  backend = t.backend;
  world = await seedWorld(backend, EXTENSIONS);
  ids = idsOf(backend, world);
  before = digest(backend);
}, 300_000);
afterAll(() => {
  t?.cleanup();
  // What the fuzzing reached: ops that never accepted an input were only tested on their refusals.
  const never = ORDER.filter((op) => !accepted.has(op));
  console.log(
    `ops fuzz: ${RUNS} inputs per op; ${accepted.size} ops accepted some; never accepted: ${never.join(', ')}`,
  );
});
const accepted = new Set<OpName>();

// Deletions last, so the other ops meet the seeded records.
const ORDER = [...OP_NAMES].sort((a, b) => Number(a.endsWith('.delete')) - Number(b.endsWith('.delete')));

/**
 * Every table's digest after the last write that committed. The long run skips it (it grows with every audit the
 * fuzzing creates); there a refused input that moves the WAL fails on that alone.
 */
const TRACK_DIGEST = RUNS <= 50;

async function attempt(op: OpName, input: unknown): Promise<void> {
  const witness = walWitness(t.dataDir);
  const r = await backend.dispatch(op, input);
  if (r.ok) {
    accepted.add(op);
    // A started export writes its issued version when the worker ends: wait, so the next state is settled.
    if (op === 'exports.start') await finishExport(backend, r.value as Parameters<typeof finishExport>[1]);
    if (walWitness(t.dataDir) !== witness) before = TRACK_DIGEST ? digest(backend) : null;
    return;
  }
  const what = () => `${op} answered ${r.error.code} to ${JSON.stringify(input)?.slice(0, 300)}`;
  expect(r.error.code, what()).not.toBe('internal');
  // Nothing committed: the WAL did not move. If it did, every row of every table must still be as it was.
  if (walWitness(t.dataDir) !== witness) {
    expect(before, `${what()} and moved the WAL`).not.toBeNull();
    expect(digest(backend), `${what()} and changed the database`).toBe(before);
  }
}

// Each op's fuzzing starts from a known valid input (the seeded world's): an op without one would only meet
// inputs its schema makes up, mostly naming records that do not exist. A new op group joins extensions.ts.
it('has a valid input for every operation', () => {
  expect(
    Object.keys(validInputs(world, EXTENSIONS)).sort(),
    'ops without a group in tests/unit/core/malformed/extensions.ts',
  ).toEqual([...OP_NAMES].sort());
});

describe('every operation under fuzzed input', { timeout: Math.max(900_000, RUNS * 3_000) }, () => {
  it.each(ORDER)('%s', async (op) => {
    const schema = contract[op].input;
    const derived = arbitraryFor(schema, { ids });
    const valid = fc.oneof(derived, fc.constant(validInputs(world, EXTENSIONS)[op]!));
    const inputs = fc.oneof(
      { weight: 3, arbitrary: valid },
      { weight: 3, arbitrary: mutationOf(valid) },
      { weight: 1, arbitrary: fc.anything() },
    );
    await fc.assert(
      fc.asyncProperty(inputs, (input) => attempt(op, input)),
      { numRuns: RUNS },
    );
  });
});
