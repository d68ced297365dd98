import { Alert, Anchor, Code, Text } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconCircleX } from '@tabler/icons-react';
import { Trans, useTranslation } from 'react-i18next';
import type { VerifyResult } from '#shared/domain/signing';
import { href } from '../lib/router';
import { formatTimestamp } from '../lib/format';

/**
 * A package signature's verdict. Intact (the maths) and signer known (the
 * certificate's fingerprint is one this data folder knows) are separate: only
 * both together are shown as good, because anyone can make a certificate
 * carrying any name.
 */
export function VerifyOutcome({ result }: { result: VerifyResult }) {
  const { t } = useTranslation('components');
  const at = result.signedAt ? formatTimestamp(result.signedAt) : null;
  if (result.status === 'valid' && result.signer && result.trust && result.trust.kind !== 'unknown')
    return (
      <Alert color="teal" icon={<IconCircleCheck />} role="status">
        {/* One whole sentence per way the signer is known, with or without the signing time. */}
        {t(`verify.known.${result.trust.kind}${at ? 'At' : ''}`, {
          name: result.signer.name || t('verify.nameless'),
          matched: result.trust.matched,
          at,
        })}
        <Text size="xs" c="dimmed" mt={4}>
          {t('verify.fingerprint', { fingerprint: result.signer.fingerprint })}
        </Text>
      </Alert>
    );
  if (result.status === 'valid')
    return (
      <Alert color="yellow" icon={<IconAlertTriangle />} title={t('verify.unknownTitle')} role="alert">
        <Text size="sm">
          <Trans
            t={t}
            i18nKey={at ? 'verify.unknownAt' : 'verify.unknown'}
            values={{ name: result.signer?.name || t('verify.noName'), at }}
            components={{ b: <b /> }}
          />
        </Text>
        {result.signer && (
          <>
            <Text size="sm" mt="xs">
              {t('verify.callTheSigner')}
            </Text>
            <Code block mt={4} aria-label={t('verify.fingerprintLabel')}>
              {result.signer.fingerprint}
            </Code>
            <Text size="sm" mt="xs">
              <Trans
                t={t}
                i18nKey="verify.importUnder"
                components={{ go: <Anchor href={href('/settings/signing')} size="sm" /> }}
              />
            </Text>
          </>
        )}
      </Alert>
    );
  return (
    <Alert
      color="red"
      icon={<IconCircleX />}
      title={result.status === 'unsigned' ? t('verify.notSigned') : t('verify.notValid')}
      role="alert"
    >
      {result.problems.length > 0 ? result.problems.map((p) => <div key={p}>{p}</div>) : t('verify.noSignature')}
    </Alert>
  );
}
