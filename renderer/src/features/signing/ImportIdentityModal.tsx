import { Alert, Checkbox, FileInput, Modal, PasswordInput, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { IconAlertTriangle, IconCertificate } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '#shared/api/result';
import { PKCS12_MAX_BYTES } from '#shared/domain/signing';
import { useWriteOp } from '../../api/ops';
import { errorText } from '../../i18n/errorText';
import { IdentityModalFooter } from './IdentityModalFooter';
import { formatBytes, readAsBase64 } from '../../lib/files';
import { issuesToErrors } from '../../lib/formErrors';
import { notifySuccess } from '../../lib/notify';
import { checkProtection, initialProtection, toProtection, type ProtectionErrors } from './ProtectionFields';

interface Props {
  opened: boolean;
  onClose: () => void;
}

/** A certificate and key issued elsewhere (e.g. by the certification body's own CA), as a .p12/.pfx file. */
export function ImportIdentityModal({ opened, onClose }: Props) {
  const { t } = useTranslation('signing');
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [name, setName] = useState('');
  const [role, setRole] = useState(() => t('create.defaultRole'));
  const [password, setPassword] = useState('');
  const [protection, setProtection] = useState(initialProtection);
  const [localErrors, setLocalErrors] = useState<ProtectionErrors>({});
  const [refusal, setRefusal] = useState<ApiError | null>(null);
  /** The backend said the certificate has expired: importing it needs a confirmation, as issuing with it does. */
  const [expiredNotice, setExpiredNotice] = useState<string | null>(null);
  const [acceptExpired, setAcceptExpired] = useState(false);
  const importIt = useWriteOp('signing.importPkcs12');
  const errors = issuesToErrors(refusal?.issues);

  const reset = () => {
    setFile(null);
    setFileError(null);
    setName('');
    setRole(t('create.defaultRole'));
    setPassword('');
    setProtection(initialProtection());
    setLocalErrors({});
    setRefusal(null);
    setExpiredNotice(null);
    setAcceptExpired(false);
  };
  const close = () => {
    reset();
    onClose();
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setRefusal(null);
    if (!file) return setFileError(t('importIdentity.chooseFile'));
    if (file.size > PKCS12_MAX_BYTES)
      return setFileError(t('importIdentity.tooLarge', { name: file.name, size: formatBytes(file.size) }));
    setFileError(null);
    const problems = checkProtection(protection);
    setLocalErrors(problems ?? {});
    if (problems) return;
    const pkcs12Base64 = await readAsBase64(file);
    const result = await importIt.mutate({
      name,
      role,
      pkcs12Base64,
      pkcs12Password: password,
      protection: toProtection(protection),
      acceptExpired: expiredNotice !== null && acceptExpired,
    });
    if (!result.ok && result.error.code === 'certificate_expired') return setExpiredNotice(errorText(result.error));
    if (!result.ok) return setRefusal(result.error);
    notifySuccess(t('importIdentity.imported', { name: result.value.name }));
    reset();
    onClose();
  };

  return (
    <Modal opened={opened} onClose={close} title={t('importIdentity.title')} centered size="lg">
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Stack gap="md">
          <FileInput
            label={t('importIdentity.file')}
            withAsterisk
            description={t('importIdentity.fileHint')}
            accept=".p12,.pfx,application/x-pkcs12"
            value={file}
            onChange={(f) => {
              setFile(f);
              setFileError(null);
              setExpiredNotice(null);
              setAcceptExpired(false);
            }}
            error={fileError ?? errors.pkcs12Base64}
            leftSection={<IconCertificate size={16} />}
            data-autofocus
          />
          <PasswordInput
            label={t('importIdentity.password')}
            description={t('importIdentity.passwordHint')}
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
            error={errors.pkcs12Password}
            autoComplete="off"
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t('importIdentity.name')}
              description={t('importIdentity.nameHint')}
              value={name}
              onChange={(e) => setName(e.currentTarget.value)}
              error={errors.name}
            />
            <TextInput
              label={t('importIdentity.role')}
              value={role}
              onChange={(e) => setRole(e.currentTarget.value)}
              error={errors.role}
            />
          </SimpleGrid>
          {expiredNotice && (
            <Alert color="yellow" icon={<IconAlertTriangle />} title={t('importIdentity.expiredTitle')} role="alert">
              <Stack gap="xs">
                <Text size="sm">{expiredNotice}</Text>
                <Checkbox
                  label={t('importIdentity.importExpired')}
                  checked={acceptExpired}
                  onChange={(e) => setAcceptExpired(e.currentTarget.checked)}
                />
              </Stack>
            </Alert>
          )}
          <IdentityModalFooter
            protection={protection}
            onProtection={setProtection}
            localErrors={localErrors}
            fieldErrors={errors}
            refusal={refusal}
            refusedTitle={t('importIdentity.refused')}
            submitLabel={t('importIdentity.submit')}
            pending={importIt.pending}
            submitDisabled={expiredNotice !== null && !acceptExpired}
            onCancel={close}
          />
        </Stack>
      </form>
    </Modal>
  );
}
