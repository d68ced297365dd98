import Docxtemplater from 'docxtemplater';
import InspectModule from 'docxtemplater/js/inspect-module.js';
import PizZip from 'pizzip';
import { DomainError } from '#shared/api/result';

/**
 * docxtemplater (core only) over a template's parts. Placeholders are looked up
 * by our own parser, which does what the core's default parser does — a name is
 * a key of the data, `.` the current item — and nothing more: only own
 * properties of plain data (so `{constructor}` finds nothing), never an
 * expression, never a function call. It also counts the work: every lookup, and
 * every loop's repetitions times the parts it repeats, against a budget, so a
 * template whose loops nest into millions of copies stops with words instead
 * of filling the memory.
 */

/** Lookups and repeated parts a render may do: a 500-finding report needs well under 100,000. */
export const RENDER_BUDGET = 2_000_000;

export class WorkExceeded extends Error {
  constructor() {
    super('render budget exceeded');
  }
}

const TOO_MUCH_WORK =
  'This template repeats its loops far more than a report needs (loops inside loops of the same list?), so rendering it was stopped; nothing was stored.';

function lookUp(scope: unknown, tag: string): unknown {
  const name = tag.trim().replace(/^%/, '');
  if (name === '.') return scope;
  if (scope === null || typeof scope !== 'object' || Array.isArray(scope)) return undefined;
  return Object.prototype.hasOwnProperty.call(scope, name) ? (scope as Record<string, unknown>)[name] : undefined;
}

interface LoopMeta {
  tag?: { subparsed?: unknown[] };
}

function countingParser(budget: number) {
  let work = 0;
  const spend = (n: number) => {
    work += n;
    if (work > budget) throw new WorkExceeded();
  };
  return (tag: string, meta?: LoopMeta) => ({
    get(scope: unknown): unknown {
      spend(1);
      const value = lookUp(scope, tag);
      if (Array.isArray(value)) spend(value.length * Math.max(1, meta?.tag?.subparsed?.length ?? 1));
      return value;
    },
  });
}

/** The template's own words for what is wrong with its placeholders (docxtemplater's explanations). */
function syntaxMessage(e: unknown): string | null {
  const props = (e as { properties?: { errors?: unknown[]; explanation?: string } }).properties;
  if (!props) return null;
  const errors = (props.errors ?? [e]) as { properties?: { explanation?: string; rootError?: unknown } }[];
  if (errors.some((x) => x.properties?.rootError instanceof WorkExceeded)) return TOO_MUCH_WORK;
  const lines = errors
    .map((x) => x.properties?.explanation)
    .filter((x): x is string => typeof x === 'string')
    .slice(0, 8);
  if (lines.length === 0) return null;
  return `The template's placeholders are not written correctly: ${lines.join('; ')}. Correct them in Word and import it again.`;
}

function rethrow(e: unknown): never {
  if (e instanceof WorkExceeded) throw new DomainError('too_large', TOO_MUCH_WORK);
  const words = syntaxMessage(e);
  if (words) throw new DomainError(words === TOO_MUCH_WORK ? 'too_large' : 'invalid_input', words);
  throw e;
}

export interface CompiledTemplate {
  /** Every placeholder, nested as the loops nest ({ findings: { number: {} }, clientName: {} }). */
  tags: Record<string, unknown>;
  render(data: Record<string, unknown>, budget?: number): Map<string, Buffer>;
}

/** Compiles the template (syntax errors refused in words); render it as often as needed. */
export function compileTemplate(parts: ReadonlyMap<string, Buffer>): CompiledTemplate {
  const zipOf = () => {
    const zip = new PizZip();
    for (const [name, bytes] of parts) zip.file(name, bytes);
    return zip;
  };
  const options = (budget: number) => ({
    paragraphLoop: true,
    // Its log would print the template's text (client data once rendered): errors are worded by rethrow().
    errorLogging: false,
    linebreaks: true,
    parser: countingParser(budget) as unknown as (tag: string) => Docxtemplater.DXT.Parser,
    // An unfilled placeholder prints nothing (the import lists those it does not know).
    nullGetter: () => '',
  });
  const inspect = new InspectModule();
  try {
    new Docxtemplater(zipOf(), { ...options(RENDER_BUDGET), modules: [inspect] });
  } catch (e) {
    rethrow(e);
  }
  const tags = inspect.getAllTags();
  return {
    tags,
    render(data, budget = RENDER_BUDGET) {
      let doc: Docxtemplater;
      try {
        doc = new Docxtemplater(zipOf(), options(budget));
        doc.render(data);
      } catch (e) {
        rethrow(e);
      }
      const out = new Map<string, Buffer>();
      const zip = doc.getZip() as PizZip;
      for (const [name, file] of Object.entries(zip.files)) {
        if (!file.dir) out.set(name, file.asNodeBuffer());
      }
      return out;
    },
  };
}
