import type { OpName } from '#shared/api/ops';
import type { RepoContext } from '../repos/context';
import {
  getTrustedCertificate,
  importTrustedCertificate,
  inspectCertificate,
  listTrustedCertificates,
  readCertificateUpload,
  removeTrustedCertificate,
} from '../repos/trusted-certs';
import type { Handlers, Tx } from './types';

type TrustOps = Extract<OpName, `trust.${string}`>;

/** Certificates trusted besides this folder's identities; files are parsed before the transaction. */
export const trustHandlers = (ctx: RepoContext, tx: Tx): Pick<Handlers, TrustOps> => ({
  'trust.list': tx(() => listTrustedCertificates(ctx)),
  'trust.inspect': (input) => {
    const cert = readCertificateUpload(input.certificateBase64);
    return tx(() => inspectCertificate(ctx, cert))(undefined);
  },
  'trust.import': (input) => {
    const cert = readCertificateUpload(input.certificateBase64);
    return tx(() => importTrustedCertificate(ctx, input, cert))(undefined);
  },
  'trust.remove': tx(({ id }) => {
    getTrustedCertificate(ctx, id);
    removeTrustedCertificate(ctx, id);
    return { id };
  }),
});
