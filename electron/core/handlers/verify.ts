import type { OpName } from '#shared/api/ops';
import { documentChecks } from '../export/document-checks';
import type { RepoContext } from '../repos/context';
import { issueBySha256 } from '../repos/report-issues';
import { signerTrust } from '../repos/trusted-certs';
import type { Handlers, Tx } from './types';

type VerifyOps = Extract<OpName, `verify.${string}`>;

/** Checking a handed-over document: no database writes; reads at the end find its issued version and signer. */
export function verifyHandlers(ctx: RepoContext, tx: Tx): Pick<Handlers, VerifyOps> {
  const checks = documentChecks(ctx);
  return {
    'verify.begin': (input) => checks.begin(input),
    'verify.chunk': (input) => checks.chunk(input),
    'verify.finish': (input) =>
      checks.finish(input, {
        issued: (sha256) => tx(() => issueBySha256(ctx, sha256))(undefined),
        signer: (fingerprint) => tx(() => signerTrust(ctx, fingerprint))(undefined),
      }),
    'verify.abort': (input) => checks.abort(input),
    'verify.lookUp': tx(({ sha256, fingerprint }) => ({
      issued: issueBySha256(ctx, sha256),
      trust: fingerprint === null ? null : signerTrust(ctx, fingerprint),
    })),
  };
}
