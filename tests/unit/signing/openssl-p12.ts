import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export type KeySpec = 'rsa:2048' | 'rsa:1024' | 'ec:P-256' | 'ec:P-384' | 'dsa' | 'ed25519';

const openssl = (cwd: string, args: string[]) => {
  const r = spawnSync('openssl', args, { cwd, encoding: 'utf8', timeout: 120_000 });
  if (r.status !== 0) throw new Error(`openssl ${args[0]} failed: ${r.stderr}`);
};

const keyArgs: Record<KeySpec, string[]> = {
  'rsa:2048': ['-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:2048'],
  'rsa:1024': ['-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:1024'],
  'ec:P-256': ['-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256'],
  'ec:P-384': ['-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-384'],
  dsa: [],
  ed25519: ['-algorithm', 'ED25519'],
};

/** openssl's date form for `ca -startdate/-enddate`: YYYYMMDDHHMMSSZ. */
const stamp = (d: Date) => d.toISOString().replace(/[-:T]/g, '').slice(0, 14) + 'Z';

/**
 * A PKCS#12 file made entirely by the OpenSSL command line: a key of the given
 * kind, a self-signed certificate (`openssl ca -selfsign`, which takes any
 * validity dates) and `openssl pkcs12 -export` with the given iteration count.
 */
export function opensslPkcs12(opts: {
  key?: KeySpec;
  commonName?: string;
  notBefore?: Date;
  notAfter?: Date;
  password?: string;
  iter?: number;
  /** OpenSSL 1.1's schemes: 3DES for the key, RC2-40 for the certificate, a SHA-1 MAC. */
  legacy?: boolean;
}): Buffer {
  const dir = mkdtempSync(path.join(tmpdir(), 'fw-openssl-p12-'));
  try {
    const key = opts.key ?? 'ec:P-256';
    if (key === 'dsa') {
      openssl(dir, [
        'genpkey',
        '-genparam',
        '-algorithm',
        'DSA',
        '-pkeyopt',
        'dsa_paramgen_bits:2048',
        '-out',
        'dsa.pem',
      ]);
      openssl(dir, ['genpkey', '-paramfile', 'dsa.pem', '-out', 'key.pem']);
    } else {
      openssl(dir, ['genpkey', ...keyArgs[key], '-out', 'key.pem']);
    }
    const cn = opts.commonName ?? 'Olga OpenSSL';
    writeFileSync(path.join(dir, 'index.txt'), '');
    writeFileSync(path.join(dir, 'serial'), '1000\n');
    writeFileSync(
      path.join(dir, 'ca.cnf'),
      [
        '[ca]',
        'default_ca = here',
        '[here]',
        'database = index.txt',
        'serial = serial',
        'new_certs_dir = .',
        'default_md = sha256',
        'policy = any',
        'unique_subject = no',
        'email_in_dn = no',
        '[any]',
        'commonName = supplied',
        'organizationName = optional',
        '[req]',
        'distinguished_name = dn',
        'prompt = no',
        '[dn]',
        `CN = ${cn}`,
        'O = OpenSSL Test CB',
      ].join('\n'),
    );
    openssl(dir, ['req', '-new', '-config', 'ca.cnf', '-key', 'key.pem', '-out', 'req.pem', '-utf8']);
    const from = opts.notBefore ?? new Date(Date.now() - 86_400_000);
    const to = opts.notAfter ?? new Date(Date.now() + 365 * 86_400_000);
    openssl(dir, [
      'ca',
      '-batch',
      '-config',
      'ca.cnf',
      '-selfsign',
      '-keyfile',
      'key.pem',
      '-in',
      'req.pem',
      '-out',
      'cert.pem',
      '-startdate',
      stamp(from),
      '-enddate',
      stamp(to),
      '-utf8',
      '-notext',
    ]);
    openssl(dir, [
      'pkcs12',
      '-export',
      '-inkey',
      'key.pem',
      '-in',
      'cert.pem',
      '-out',
      'file.p12',
      '-passout',
      `pass:${opts.password ?? 'file-pass'}`,
      ...(opts.iter ? ['-iter', String(opts.iter)] : []),
      ...(opts.legacy ? ['-legacy'] : []),
    ]);
    return readFileSync(path.join(dir, 'file.p12'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
