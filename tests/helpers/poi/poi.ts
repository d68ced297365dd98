/**
 * Apache POI's verdict on OOXML package signatures (its SignatureInfo, with
 * Apache Santuario underneath), from Debian's packages: a third independent
 * reader beside LibreOffice and xmlsec1.
 *
 * Debian's poi-ooxml-schemas 4.0.1 is a cut-down jar: it lacks the XMLBeans
 * types POI's Relationship Transform parses its parameters with, so POI fails
 * on every Word signature with NoClassDefFoundError. The two types are
 * compiled here, once per test process, from the minimal schemas beside this
 * file with XMLBeans' own schema compiler (needs a JDK), and put first on the
 * classpath. Nothing else of POI is replaced.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const JAVA = '/usr/share/java';

/** POI and what its signature check loads: Santuario (xmlsec), BouncyCastle, XMLBeans, commons, slf4j. */
const JARS = [
  'poi',
  'poi-ooxml',
  'poi-ooxml-schemas',
  'xmlbeans',
  'xmlsec',
  'bcprov',
  'bcpkix',
  'commons-codec',
  'commons-collections4',
  'commons-compress',
  'commons-math3',
  'commons-logging',
  'curvesapi',
  'slf4j-api',
  'slf4j-nop',
].map((j) => path.join(JAVA, `${j}.jar`));

let typesJar: string | null = null;

function compileTypes(): string {
  if (typesJar) return typesJar;
  const out = path.join(mkdtempSync(path.join(tmpdir(), 'fw-poi-')), 'relationship-transform-types.jar');
  const schemas = ['xmldsig-transform.xsd', 'opc-relationship-reference.xsd', 'packages.xsdconfig'];
  const r = spawnSync(
    'java',
    [
      '-cp',
      path.join(JAVA, 'xmlbeans.jar'),
      'org.apache.xmlbeans.impl.tool.SchemaCompiler',
      '-out',
      out,
      ...schemas.map((s) => path.join(HERE, s)),
    ],
    { encoding: 'utf8', timeout: 180_000 },
  );
  if (r.status !== 0 || !existsSync(out)) throw new Error(`XMLBeans could not compile: ${r.stdout}${r.stderr}`);
  typesJar = out;
  return out;
}

export interface PoiSignature {
  valid: boolean;
  signer: string | null;
}

/** POI's result for each file: its signatures, or the exception POI threw (a failed check, too). */
export function poiVerify(files: string[]): Map<string, { signatures: PoiSignature[] } | { error: string }> {
  const missing = JARS.filter((j) => !existsSync(j));
  if (missing.length > 0) throw new Error(`Apache POI is not installed (missing ${missing.join(', ')})`);
  const classpath = [compileTypes(), ...JARS].join(path.delimiter);
  const r = spawnSync('java', ['-cp', classpath, path.join(HERE, 'PoiVerify.java'), ...files], {
    encoding: 'utf8',
    timeout: 240_000,
  });
  if (r.status !== 0) throw new Error(`PoiVerify failed: ${r.stderr}`);
  const lines = r.stdout
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as { file: string; signatures?: PoiSignature[]; error?: string });
  return new Map(
    lines.map((l) => [l.file, l.signatures ? { signatures: l.signatures } : { error: l.error ?? 'no result' }]),
  );
}
