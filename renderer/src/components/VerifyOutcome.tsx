import { Alert, Anchor, Code, Text } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconCircleX } from '@tabler/icons-react';
import type { VerifyResult } from '#shared/domain/signing';
import type { SignerTrust } from '#shared/domain/trust';
import { href } from '../lib/router';
import { formatTimestamp } from '../lib/format';

const KNOWN_AS: Record<Exclude<SignerTrust['kind'], 'unknown'>, (matched: string) => string> = {
  known_identity: (m) => `the signing identity ${m} of this data folder`,
  trusted_certificate: (m) => `the trusted certificate ${m}`,
  given_fingerprint: () => 'a fingerprint you gave',
};

/**
 * A package signature's verdict. Intact (the maths) and signer known (the
 * certificate's fingerprint is one this data folder knows) are separate: only
 * both together are shown as good, because anyone can make a certificate
 * carrying any name.
 */
export function VerifyOutcome({ result }: { result: VerifyResult }) {
  const signedAt = result.signedAt ? ` at ${formatTimestamp(result.signedAt)}` : '';
  if (result.status === 'valid' && result.signer && result.trust && result.trust.kind !== 'unknown')
    return (
      <Alert color="teal" icon={<IconCircleCheck />} role="status">
        Signature valid — signed by {result.signer.name || 'a certificate without a name'}
        {signedAt}, known here as {KNOWN_AS[result.trust.kind](result.trust.matched)}.
        <Text size="xs" c="dimmed" mt={4}>
          Certificate fingerprint {result.signer.fingerprint}
        </Text>
      </Alert>
    );
  if (result.status === 'valid')
    return (
      <Alert color="yellow" icon={<IconAlertTriangle />} title="Unchanged, but the signer is not known" role="alert">
        <Text size="sm">
          The document is unchanged since it was signed, but by a certificate this data folder does not know. The
          certificate calls itself <b>{result.signer?.name || '(no name)'}</b>
          {signedAt && <>, signed{signedAt}</>} — anyone can make a certificate with any name in it.
        </Text>
        {result.signer && (
          <>
            <Text size="sm" mt="xs">
              Call the signer on a number you already know and compare this SHA-256 fingerprint:
            </Text>
            <Code block mt={4} aria-label="Certificate fingerprint (SHA-256)">
              {result.signer.fingerprint}
            </Code>
            <Text size="sm" mt="xs">
              If it matches, import their certificate under{' '}
              <Anchor href={href('/settings/signing')} size="sm">
                Signing identities → Trusted certificates
              </Anchor>
              .
            </Text>
          </>
        )}
      </Alert>
    );
  return (
    <Alert
      color="red"
      icon={<IconCircleX />}
      title={result.status === 'unsigned' ? 'Not signed' : 'Signature not valid'}
      role="alert"
    >
      {result.problems.length > 0
        ? result.problems.map((p) => <div key={p}>{p}</div>)
        : 'The file carries no signature.'}
    </Alert>
  );
}
