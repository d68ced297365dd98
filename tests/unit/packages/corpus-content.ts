/**
 * Hostile package files, part 2: a sound ZIP whose contents are wrong — entries
 * not as the manifest lists them, bad hashes, bad manifests and signatures,
 * invalid records, clocks from the future.
 */
import { writeZip as writeZipOf } from '../files/zip-writer';
import { N, TAMPERED, type CorpusContext } from './corpus-context';
import { assemble, clock, DAY, fingerprint, sha, signature, signed } from './zip-parts';

const badSignature =
  "This team package's signature does not match its contents: it was changed after it was signed, or damaged." + N;

export function contentCases({ p, signer, other, now, add, listing }: CorpusContext): void {
  const [changes, tombstones, photo, pdf] = p.files;
  const evidenceName = photo!.name;
  const mBytes = Buffer.from(JSON.stringify(p.manifest));
  const named = (name: string) => signed(p, signer, [...p.files, { name, content: Buffer.from('x') }]);
  const extra = Buffer.from('an unlisted photo');
  add(
    'unlisted-evidence',
    named(`evidence/${sha(extra)}`),
    'invalid_input',
    `This team package holds an entry its manifest does not list (“evidence/${sha(extra)}”); ${TAMPERED}`,
  );
  add(
    'listed-missing',
    signed(p, signer, p.files.slice(0, 3)),
    'invalid_input',
    `This team package's manifest lists “${pdf!.name}”, which the package does not hold; it is incomplete or may have been tampered with.` +
      N,
  );
  add(
    'no-manifest',
    writeZipOf([{ name: 'signature.json', content: signature(mBytes, signer) }, ...p.files]),
    'invalid_input',
    'This team package has no manifest.json: it is not a package Fieldwork wrote.' + N,
  );
  add(
    'no-signature',
    writeZipOf([{ name: 'manifest.json', content: mBytes }, ...p.files]),
    'invalid_input',
    'This team package is not signed (it has no signature.json).' + N,
  );

  const changedPhoto = Buffer.from(photo!.content);
  changedPhoto.writeUInt8(changedPhoto.readUInt8(100) ^ 1, 100);
  add(
    'evidence-hash',
    signed(p, signer, [changes!, tombstones!, { ...photo!, content: changedPhoto }, pdf!]),
    'invalid_input',
    `The entry “${evidenceName}” in this team package does not match its SHA-256: it was changed or damaged.` + N,
  );
  const changedChanges = Buffer.from(changes!.content.toString().replace('conforming', 'CONFORMING'));
  add(
    'changes-hash',
    signed(p, signer, [{ ...changes!, content: changedChanges }, tombstones!, photo!, pdf!]),
    'invalid_input',
    'The entry “changes.jsonl” in this team package does not match its SHA-256: it was changed or damaged.' + N,
  );
  add(
    'size-mismatch',
    signed(
      listing([], {
        ...p.manifest,
        entries: (p.manifest.entries as { size: number }[]).map((e, i) => (i === 3 ? { ...e, size: e.size + 1 } : e)),
      }),
      signer,
    ),
    'invalid_input',
    `The entry “${pdf!.name}” is not the size this team package's manifest states; ${TAMPERED}`,
  );

  const signedWith = (manifest: Record<string, unknown>, files = p.files) => signed({ manifest, files }, signer, files);
  const notJson = Buffer.from('{"formatVersion": 1,');
  add(
    'manifest-not-json',
    assemble(notJson, signature(notJson, signer), p.files),
    'invalid_input',
    "This team package's manifest is not valid (not JSON)." + N,
  );
  add(
    'manifest-bad-kind',
    signedWith({ ...p.manifest, kind: 'steal' }),
    'invalid_input',
    'This team package\'s manifest is not valid (kind: Invalid option: expected one of "send"|"return").' + N,
  );
  add(
    'manifest-extra-key',
    signedWith({ ...p.manifest, run: 'rm -rf' }),
    'invalid_input',
    'This team package\'s manifest is not valid (record: Unrecognized key: "run").' + N,
  );
  add(
    'newer-format',
    signedWith({ ...p.manifest, formatVersion: 3, somethingNew: true }),
    'unsupported',
    'This team package was written by a newer version of Fieldwork (package format 3; this version reads formats 1 to 2). ' +
      'Update Fieldwork, then import it again.' +
      N,
  );
  add(
    'signature-bad-algorithm',
    assemble(mBytes, signature(mBytes, signer, { algorithm: 'MD5' }), p.files),
    'invalid_input',
    'This team package\'s signature record is not valid (algorithm: Invalid option: expected one of "RSA-SHA256"|"ECDSA-P256-SHA256").' +
      N,
  );
  const edited = Buffer.from(JSON.stringify({ ...p.manifest, senderName: 'Mallory' }));
  add('signature-manifest-edited', assemble(edited, signature(mBytes, signer), p.files), 'invalid_input', badSignature);
  add(
    'signature-other-key',
    assemble(
      mBytes,
      signature(mBytes, other, {
        certificate: signer.certificateDer.toString('base64'),
        fingerprint: fingerprint(signer.certificateDer),
      }),
      p.files,
    ),
    'invalid_input',
    badSignature,
  );
  add(
    'signature-fingerprint-swapped',
    assemble(mBytes, signature(mBytes, other, { fingerprint: fingerprint(signer.certificateDer) }), p.files),
    'invalid_input',
    `This team package's signature names a certificate it does not carry; ${TAMPERED}`,
  );
  add(
    'signature-garbage-certificate',
    assemble(
      mBytes,
      signature(mBytes, signer, { certificate: Buffer.from('not a certificate').toString('base64') }),
      p.files,
    ),
    'invalid_input',
    "This team package's signing certificate cannot be read or uses an unsupported key." + N,
  );

  /** Files listed as they are (sizes and hashes true), the manifest signed: only the records are wrong. */
  const repack = (files: typeof p.files, over: Record<string, unknown> = {}) =>
    signed(
      {
        files,
        manifest: {
          ...p.manifest,
          ...over,
          entries: files.map((f) => ({ path: f.name, size: f.content.length, sha256: sha(f.content) })),
        },
      },
      signer,
      files,
    );
  const line = (o: unknown) => Buffer.from(`${JSON.stringify(o)}\n`);
  const good = JSON.parse(changes!.content.toString().split('\n')[0]!) as Record<string, unknown>;
  add(
    'changes-missing-clock',
    repack([
      { ...changes!, content: Buffer.concat([changes!.content, line({ ...good, clock: undefined })]) },
      tombstones!,
      photo!,
      pdf!,
    ]),
    'invalid_input',
    'Line 3 of changes.jsonl in this team package is not a valid record (clock: Invalid input: expected string, received undefined).' +
      N,
  );
  add(
    'changes-bad-base',
    repack([
      { ...changes!, content: Buffer.concat([changes!.content, line({ ...good, replaces: ['yesterday'] })]) },
      tombstones!,
      photo!,
      pdf!,
    ]),
    'invalid_input',
    'Line 3 of changes.jsonl in this team package is not a valid record (replaces.0: Not a clock value).' + N,
  );
  add(
    'changes-not-json',
    repack([{ ...changes!, content: Buffer.from('{"table":\n') }, tombstones!, photo!, pdf!]),
    'invalid_input',
    'Line 1 of changes.jsonl in this team package is not a valid record (record: Invalid input: expected object, received undefined).' +
      N,
  );
  // Format 2 (a record a line, packages/record-layout.ts): the same checks, worded by line.
  const table = line({ table: 'checklist_items', fields: ['result', 'notes'] });
  const writer = line({ device: good.device, author: good.author });
  add(
    'records-undeclared-table',
    repack(
      [
        { ...changes!, content: Buffer.concat([writer, line([0, 0, good.rowId, good.clock, 0, 'ofi'])]) },
        tombstones!,
        photo!,
        pdf!,
      ],
      { formatVersion: 2 },
    ),
    'invalid_input',
    'Line 2 of changes.jsonl in this team package is not a valid record (table: not a declared table).' + N,
  );
  add(
    'records-bad-clock',
    repack(
      [
        { ...changes!, content: Buffer.concat([table, writer, line([0, 0, good.rowId, 'yesterday', 0, 'ofi'])]) },
        tombstones!,
        photo!,
        pdf!,
      ],
      { formatVersion: 2 },
    ),
    'invalid_input',
    'Line 3 of changes.jsonl in this team package is not a valid record (clock: Not a clock value).' + N,
  );
  add(
    'records-bad-base',
    repack(
      [
        {
          ...changes!,
          content: Buffer.concat([table, writer, line([0, 0, good.rowId, good.clock, 1, 'x', { 1: ['yesterday'] }])]),
        },
        tombstones!,
        photo!,
        pdf!,
      ],
      { formatVersion: 2 },
    ),
    'invalid_input',
    'Line 3 of changes.jsonl in this team package is not a valid record (replaces: Not a clock value).' + N,
  );
  add(
    'records-format-1-lines',
    repack([changes!, tombstones!, photo!, pdf!], { formatVersion: 2 }),
    'invalid_input',
    'Line 1 of changes.jsonl in this team package is not a valid record (a table declaration holds table and fields only).' +
      N,
  );
  add(
    'tombstone-bad-clock',
    repack([
      changes!,
      { ...tombstones!, content: line({ table: 't', rowId: 'r', clock: 'yesterday', device: 'd', author: '' }) },
      photo!,
      pdf!,
    ]),
    'invalid_input',
    'Line 1 of tombstones.jsonl in this team package is not a valid record (clock: Not a clock value).' + N,
  );
  const ahead = now + 2 * DAY;
  const aheadIso = new Date(ahead).toISOString();
  add(
    'future-manifest-clock',
    repack(p.files, { createdAt: clock(ahead) }),
    'invalid_input',
    `This team package carries a clock more than a day ahead of this computer's (${aheadIso}). Check the date and time on both laptops, then export the package again.` +
      N,
  );
  add(
    'future-change-clock',
    repack([{ ...changes!, content: line({ ...good, clock: clock(ahead, 4) }) }, tombstones!, photo!, pdf!]),
    'invalid_input',
    `This team package carries a clock more than a day ahead of this computer's (${aheadIso}). Check the date and time on both laptops, then export the package again.` +
      N,
  );
}
