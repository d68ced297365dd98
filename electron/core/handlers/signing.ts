import { generateKeyPair, type KeyObject } from 'node:crypto';
import { promisify } from 'node:util';
import type { OpName } from '#shared/api/ops';
import type { RepoContext } from '../repos/context';
import {
  certificatePem,
  createSelfIssuedIdentity,
  deleteSigningIdentity,
  getSigningIdentity,
  importPkcs12Identity,
  keyWrap,
  listSigningIdentities,
  readImport,
} from '../repos/signing';
import type { Handlers, Tx } from './types';

type SigningOps = Extract<OpName, `signing.${string}`>;

const generate = promisify(generateKeyPair);

/** Key generation (a second for RSA 3072) runs off the event loop and before the write transaction. */
async function keyPairFor(
  algorithm: 'rsa-3072' | 'ecdsa-p256',
): Promise<{ publicKey: KeyObject; privateKey: KeyObject }> {
  return algorithm === 'ecdsa-p256'
    ? generate('ec', { namedCurve: 'P-256' })
    : generate('rsa', { modulusLength: 3072 });
}

export const signingHandlers = (ctx: RepoContext, tx: Tx): Pick<Handlers, SigningOps> => ({
  'signing.list': tx(() => listSigningIdentities(ctx)),
  'signing.create': async (input) => {
    if (input.protection.kind === 'os_keychain') return tx(() => createSelfIssuedIdentity(ctx, input))(undefined);
    const keyPair = await keyPairFor(input.keyAlgorithm);
    return tx(() => createSelfIssuedIdentity(ctx, input, { keyPair }))(undefined);
  },
  'signing.importPkcs12': async (input) => {
    const contents = await readImport(input); // parsing and decrypting the file happens outside the transaction
    return tx(() => importPkcs12Identity(ctx, input, contents))(undefined);
  },
  'signing.delete': tx(({ id }) => {
    deleteSigningIdentity(ctx, id);
    return { id };
  }),
  'signing.certificate': tx(({ id }) => ({ pem: certificatePem(ctx, id) })),
  'signing.keyWrap': tx(({ id }) => {
    getSigningIdentity(ctx, id);
    return keyWrap(ctx, id);
  }),
});
