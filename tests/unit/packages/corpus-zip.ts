/**
 * Hostile package files, part 1: what is wrong is the ZIP itself — not a ZIP,
 * truncated, unsafe names, symbolic links, duplicates, bombs, oversized entries.
 */
import { zeros } from '../files/zip-writer';
import { N, TAMPERED, type CorpusContext } from './corpus-context';
import { assemble, sha, signature, signed, withUnixMode } from './zip-parts';

const UNSAFE = 'it was refused as unsafe.' + N;
const truncated =
  'This team package is incomplete: the file was cut short, perhaps by an interrupted copy. Ask for it again.' + N;
const bomb =
  'This team package holds more data than its zip index declares, as zip bombs do; it was not unpacked further.' + N;

export function zipCases({ p, honest, signer, add, listing }: CorpusContext): void {
  const [changes, tombstones, photo, pdf] = p.files;
  const evidenceName = photo!.name;
  const mBytes = Buffer.from(JSON.stringify(p.manifest));
  add(
    'not-a-zip-pdf',
    Buffer.from('%PDF-1.4\n1 0 obj\n<<>>\nendobj\n%%EOF\n'),
    'invalid_input',
    'This file is not a Fieldwork team package (it is not a ZIP file).' + N,
  );
  add(
    'not-a-zip-empty',
    Buffer.alloc(0),
    'invalid_input',
    'This file is not a Fieldwork team package (it is not a ZIP file).' + N,
  );
  add('truncated-half', honest.subarray(0, honest.length >> 1), 'invalid_input', truncated);
  add('truncated-end-record', honest.subarray(0, honest.length - 10), 'invalid_input', truncated);
  add('truncated-start', honest.subarray(honest.length >> 1), 'invalid_input', truncated);

  const named = (name: string) => signed(p, signer, [...p.files, { name, content: Buffer.from('x') }]);
  add(
    'traversal-parent',
    named('../evil.sh'),
    'invalid_input',
    `This team package holds an entry whose name leaves its folder (“../evil.sh”); ${UNSAFE}`,
  );
  add(
    'traversal-nested',
    named('evidence/../../etc/cron.d/x'),
    'invalid_input',
    `This team package holds an entry whose name leaves its folder (“evidence/../../etc/cron.d/x”); ${UNSAFE}`,
  );
  add(
    'traversal-bare',
    named('..'),
    'invalid_input',
    `This team package holds an entry whose name leaves its folder (“..”); ${UNSAFE}`,
  );
  add(
    'absolute-unix',
    named('/etc/passwd'),
    'invalid_input',
    `This team package holds an entry with an absolute path (“/etc/passwd”); ${UNSAFE}`,
  );
  add(
    'absolute-unc',
    named('//server/share/x'),
    'invalid_input',
    `This team package holds an entry with an absolute path (“//server/share/x”); ${UNSAFE}`,
  );
  add(
    'drive-letter',
    named('C:/Windows/evil.dll'),
    'invalid_input',
    `This team package holds an entry with a drive letter (“C:/Windows/evil.dll”); ${UNSAFE}`,
  );
  add(
    'drive-relative',
    named('d:evil'),
    'invalid_input',
    `This team package holds an entry with a drive letter (“d:evil”); ${UNSAFE}`,
  );
  add(
    'backslash-traversal',
    named('..\\..\\evil.bat'),
    'invalid_input',
    `This team package holds an entry whose name has a backslash (“..\\\\..\\\\evil.bat”); ${UNSAFE}`,
  );
  add(
    'backslash-evidence',
    named('evidence\\abc'),
    'invalid_input',
    `This team package holds an entry whose name has a backslash (“evidence\\\\abc”); ${UNSAFE}`,
  );
  add(
    'symlink-evidence',
    withUnixMode(honest, evidenceName, 0o120777),
    'invalid_input',
    `This team package holds a symbolic link (“${evidenceName}”); packages never hold links, so ${UNSAFE}`,
  );
  add(
    'symlink-manifest',
    withUnixMode(honest, 'manifest.json', 0o120644),
    'invalid_input',
    `This team package holds a symbolic link (“manifest.json”); packages never hold links, so ${UNSAFE}`,
  );

  const duplicate = 'This team package holds two entries of the same name; ' + TAMPERED;
  add('duplicate-evidence', signed(p, signer, [...p.files, photo!]), 'invalid_input', duplicate);
  add(
    'duplicate-manifest',
    assemble(mBytes, signature(mBytes, signer), [{ name: 'manifest.json', content: mBytes }, ...p.files]),
    'invalid_input',
    duplicate,
  );

  // 200 MiB of zeros deflate to about 200 KB; the headers (and the signed manifest) claim 4 KB.
  const filler = zeros(200);
  const bombFile = { name: `evidence/${sha(filler.subarray(0, 4096))}`, content: filler, declaredSize: 4096 };
  const bombParts = listing([{ name: bombFile.name, content: filler.subarray(0, 4096) }]);
  add('bomb-evidence', signed(bombParts, signer, [...p.files, bombFile]), 'too_large', bomb);
  const bombChanges = {
    ...changes!,
    content: Buffer.concat([changes!.content, filler]),
    declaredSize: changes!.content.length,
  };
  add('bomb-changes', signed(p, signer, [bombChanges, tombstones!, photo!, pdf!]), 'too_large', bomb);
  add(
    'bomb-declared',
    signed(p, signer, [
      ...p.files,
      { name: 'a.bin', content: Buffer.from('x'), declaredSize: 0xfffffff0 },
      { name: 'b.bin', content: Buffer.from('x'), declaredSize: 0xfffffff0 },
    ]),
    'too_large',
    'This team package is larger than Fieldwork accepts (at most 50000 entries and 4096 MB unpacked).' + N,
  );
  add(
    'oversized-evidence',
    signed(p, signer, [...p.files.slice(0, 3), { ...pdf!, declaredSize: 1500 * 1024 * 1024 }]),
    'too_large',
    `The entry “${pdf!.name}” in this team package is larger than Fieldwork accepts (at most 1024 MB).` + N,
  );

  add(
    'unlisted-entry',
    named('notes.txt'),
    'invalid_input',
    `This team package holds an entry its manifest does not list (“notes.txt”); ${TAMPERED}`,
  );
}
