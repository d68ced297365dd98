import fc from 'fast-check';
import type { z } from 'zod';

/**
 * fast-check arbitraries derived from a zod 4 schema (zod-fast-check stops
 * at zod 3 and fast-check 3). They aim at values the schema accepts — so a
 * fuzzed operation reaches its handler — without promising it: refinements
 * are not solved, only the shapes, lengths, bounds, formats and patterns.
 * Strings that are ids (the Id pattern, or a key named `id`/`…Id`) are drawn
 * mostly from `ids`, records that exist, so handlers get past "not found".
 */
export interface DeriveOptions {
  /** Ids of rows in the database under test. */
  ids: readonly string[];
  /** Longest string drawn where the schema allows more (long strings are the mutations' job). */
  maxString?: number;
  /** Longest array drawn. */
  maxArray?: number;
}

interface Def {
  type: string;
  [key: string]: unknown;
}
type Schema = z.core.$ZodType;
const defOf = (s: Schema) => s._zod.def as unknown as Def;

const ID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-7/;
const isIdPattern = (p: RegExp) => p.source.startsWith('^[0-9a-f]{8}-[0-9a-f]{4}-7');

export function arbitraryFor(schema: Schema, opts: DeriveOptions, key = ''): fc.Arbitrary<unknown> {
  const def = defOf(schema);
  const maxString = opts.maxString ?? 40;
  const maxArray = opts.maxArray ?? 3;
  const idArb = (): fc.Arbitrary<string> =>
    opts.ids.length > 0
      ? fc.oneof(
          { weight: 4, arbitrary: fc.constantFrom(...opts.ids) },
          { weight: 1, arbitrary: fc.uuid({ version: 7 }) },
        )
      : fc.uuid({ version: 7 });

  switch (def.type) {
    case 'string': {
      const checks = ((def.checks as Schema[] | undefined) ?? []).map(defOf);
      let min = 0;
      let max = Infinity;
      let pattern: RegExp | null = null;
      for (const c of checks) {
        if (c.check === 'min_length') min = Math.max(min, c.minimum as number);
        if (c.check === 'max_length') max = Math.min(max, c.maximum as number);
        if (c.check === 'string_format' && c.format === 'regex') pattern = c.pattern as RegExp;
      }
      if (def.format === 'email') return fc.emailAddress().filter((e) => e.length <= max);
      if (pattern && isIdPattern(pattern)) return idArb();
      if (pattern) return fc.stringMatching(pattern).filter((s) => s.length >= min && s.length <= max);
      if (/(^id$|Id$)/.test(key)) return fc.oneof(idArb(), fc.string({ minLength: min, maxLength: Math.min(max, 40) }));
      return fc.string({ unit: 'grapheme', minLength: min, maxLength: Math.max(min, Math.min(max, maxString)) });
    }
    case 'number': {
      const checks = ((def.checks as Schema[] | undefined) ?? []).map(defOf);
      let min = -1e9;
      let max = 1e9;
      let int = false;
      for (const c of checks) {
        if (c.check === 'number_format') int = true;
        if (c.check === 'greater_than') min = Math.max(min, (c.value as number) + (c.inclusive ? 0 : 1));
        if (c.check === 'less_than') max = Math.min(max, (c.value as number) - (c.inclusive ? 0 : 1));
      }
      // Small values are the ones with meaning (offsets, counts, page sizes); the bounds are tried too.
      const small = fc.integer({ min: Math.max(min, -3), max: Math.min(max, 300) });
      const any = int ? fc.integer({ min, max }) : fc.double({ min, max, noNaN: true });
      return min <= max ? fc.oneof(small, any, fc.constantFrom(min, max)) : fc.constant(min);
    }
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'unknown':
    case 'any':
      return fc.jsonValue({ maxDepth: 2 });
    case 'literal':
      return fc.constantFrom(...(def.values as unknown[]));
    case 'enum':
      return fc.constantFrom(...Object.values(def.entries as Record<string, unknown>));
    case 'nullable':
      return fc.option(arbitraryFor(def.innerType as Schema, opts, key), { nil: null, freq: 4 });
    case 'optional':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'catch':
    case 'nonoptional':
      return arbitraryFor(def.innerType as Schema, opts, key);
    case 'pipe':
      return arbitraryFor(def.in as Schema, opts, key);
    case 'lazy':
      return arbitraryFor((def.getter as () => Schema)(), opts, key);
    case 'array': {
      const checks = ((def.checks as Schema[] | undefined) ?? []).map(defOf);
      let min = 0;
      let max = maxArray;
      for (const c of checks) {
        if (c.check === 'min_length') min = c.minimum as number;
        if (c.check === 'max_length') max = Math.min(max, c.maximum as number);
      }
      return fc.array(arbitraryFor(def.element as Schema, opts, key), {
        minLength: min,
        maxLength: Math.max(min, max),
      });
    }
    case 'tuple':
      return fc.tuple(...(def.items as Schema[]).map((s) => arbitraryFor(s, opts, key)));
    case 'record':
      return fc.dictionary(
        arbitraryFor(def.keyType as Schema, opts) as fc.Arbitrary<string>,
        arbitraryFor(def.valueType as Schema, opts),
        { maxKeys: maxArray },
      );
    case 'union':
      return fc.oneof(...(def.options as Schema[]).map((s) => arbitraryFor(s, opts, key)));
    case 'intersection':
      return fc
        .tuple(arbitraryFor(def.left as Schema, opts, key), arbitraryFor(def.right as Schema, opts, key))
        .map(([a, b]) => ({ ...(a as object), ...(b as object) }));
    case 'object': {
      const shape = def.shape as Record<string, Schema>;
      const required: string[] = [];
      const arbs: Record<string, fc.Arbitrary<unknown>> = {};
      for (const [k, s] of Object.entries(shape)) {
        arbs[k] = arbitraryFor(s, opts, k);
        const t = defOf(s).type;
        if (t !== 'optional' && t !== 'default' && t !== 'prefault') required.push(k);
      }
      return fc.record(arbs, { requiredKeys: required });
    }
    default:
      throw new Error(`zod-arbitrary: no arbitrary for zod type '${def.type}'`);
  }
}

/** Values that break a schema's expectations, put in place of one part of a valid input. */
const HOSTILE: readonly unknown[] = [
  null,
  undefined,
  0,
  -1,
  1.5,
  Number.MAX_SAFE_INTEGER + 2,
  -1e308,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  '',
  ' ',
  '\uD800',
  'a\u0000b',
  '../../etc/passwd',
  'x'.repeat(70_000),
  '0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b',
  true,
  [],
  {},
  { __proto__: { polluted: true } },
  [null],
];

type Path = (string | number)[];
function paths(value: unknown, at: Path = [], out: Path[] = []): Path[] {
  out.push(at);
  if (Array.isArray(value)) value.forEach((v, i) => paths(v, [...at, i], out));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) paths(v, [...at, k], out);
  return out;
}

function edit(
  value: unknown,
  path: Path,
  change: (parent: Record<string | number, unknown>, key: string | number) => void,
) {
  const copy = structuredClone(value);
  if (path.length === 0) return copy;
  let parent = copy as Record<string | number, unknown>;
  for (const p of path.slice(0, -1)) parent = parent[p] as Record<string | number, unknown>;
  change(parent, path.at(-1)!);
  return copy;
}

/**
 * A valid-looking input with one thing wrong: a part replaced by a hostile
 * value, a key removed, an unknown key added, or the whole input replaced.
 */
export function mutationOf(valid: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  return fc
    .tuple(valid, fc.nat(), fc.nat({ max: 3 }), fc.constantFrom(...HOSTILE), fc.string({ maxLength: 12 }))
    .map(([v, pick, how, hostile, key]) => {
      const all = paths(v);
      const path = all[pick % all.length]!;
      if (how === 0 || path.length === 0) {
        if (path.length === 0) return hostile;
        return edit(v, path, (parent, k) => (parent[k] = hostile));
      }
      if (how === 1) return edit(v, path, (parent, k) => void delete parent[k]);
      if (how === 2 && v && typeof v === 'object' && !Array.isArray(v)) {
        return { ...v, [key || 'extra']: hostile };
      }
      return edit(
        v,
        path,
        (parent, k) => (parent[k] = typeof parent[k] === 'string' ? [parent[k]] : String(parent[k])),
      );
    });
}

export const looksLikeId = (s: string) => ID_PATTERN.test(s);
