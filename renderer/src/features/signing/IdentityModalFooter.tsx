import { Alert, Button, Group } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '#shared/api/result';
import { errorText } from '../../i18n/errorText';
import { ProtectionFields, type ProtectionErrors, type ProtectionValues } from './ProtectionFields';

interface Props {
  protection: ProtectionValues;
  onProtection: (v: ProtectionValues) => void;
  /** Errors found here (passphrase pair) win over the backend's for the same field. */
  localErrors: ProtectionErrors;
  fieldErrors: Record<string, string>;
  refusal: ApiError | null;
  refusedTitle: string;
  submitLabel: string;
  pending: boolean;
  /** Submit waits for a confirmation (e.g. importing an expired certificate). */
  submitDisabled?: boolean;
  onCancel: () => void;
}

/** The end of both identity modals: key protection, the backend's refusal, Cancel and submit. */
export function IdentityModalFooter(p: Props) {
  const { t } = useTranslation('signing');
  return (
    <>
      <ProtectionFields
        value={p.protection}
        onChange={p.onProtection}
        errors={{
          passphrase: p.localErrors.passphrase ?? p.fieldErrors['protection.passphrase'],
          confirm: p.localErrors.confirm,
        }}
      />
      {p.refusal && (
        <Alert color="red" icon={<IconAlertTriangle />} title={p.refusedTitle} role="alert">
          {errorText(p.refusal)}
        </Alert>
      )}
      <Group justify="flex-end">
        <Button variant="default" onClick={p.onCancel}>
          {t('common:cancel')}
        </Button>
        <Button type="submit" loading={p.pending} disabled={p.submitDisabled}>
          {p.submitLabel}
        </Button>
      </Group>
    </>
  );
}
