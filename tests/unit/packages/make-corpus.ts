/**
 * The hostile package corpus (issue 13, "Bad input"): one file per way a team
 * package must be refused, written to `dir` by the test that reads them. Each
 * case states the exact message the user must see.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { contentCases } from './corpus-content';
import type { CorpusCase, CorpusContext } from './corpus-context';
import { zipCases } from './corpus-zip';
import { honestParts, sha, signed, type CorpusSigner } from './zip-parts';

/** `signer` signs the sound parts; `other` is a second identity (for signatures by the wrong key). */
export function makeCorpus(dir: string, signer: CorpusSigner, other: CorpusSigner, now: number): CorpusCase[] {
  const cases: CorpusCase[] = [];
  const p = honestParts(now);
  const context: CorpusContext = {
    p,
    honest: signed(p, signer),
    signer,
    other,
    now,
    add: (file, bytes, code, message) => {
      writeFileSync(join(dir, `${file}.fwpkg`), bytes);
      cases.push({ file: `${file}.fwpkg`, code, message });
    },
    /** The sound parts with these entries listed in the manifest as well. */
    listing: (extra, manifest = p.manifest) => ({
      ...p,
      manifest: {
        ...manifest,
        entries: [
          ...(manifest.entries as unknown[]),
          ...extra.map((e) => ({ path: e.name, size: e.content.length, sha256: sha(e.content) })),
        ],
      },
    }),
  };
  zipCases(context);
  contentCases(context);
  return cases;
}
