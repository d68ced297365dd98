import { Alert, Text } from '@mantine/core';
import { IconCircleCheck, IconCircleX } from '@tabler/icons-react';
import type { VerifyResult } from '#shared/domain/signing';
import { formatTimestamp } from '../../lib/format';

/** A package signature's verdict: who signed and when, or each problem found. */
export function VerifyOutcome({ result }: { result: VerifyResult }) {
  if (result.status === 'valid')
    return (
      <Alert color="teal" icon={<IconCircleCheck />} role="status">
        Signature valid — signed by {result.signer?.name ?? 'unknown signer'}
        {result.signedAt && ` at ${formatTimestamp(result.signedAt)}`}.
        {result.signer && (
          <Text size="xs" c="dimmed" mt={4}>
            Certificate fingerprint {result.signer.fingerprint}
          </Text>
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
