import { Alert, Button, Code, FileInput, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { IconShieldCheck } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '#shared/api/result';
import { TRUSTED_CERT_MAX_BYTES, type CertificateInspection } from '#shared/domain/trust';
import { useWriteOp } from '../../api/ops';
import { errorText } from '../../i18n/errorText';
import { Facts } from '../../components/Facts';
import { formatBytes, readAsBase64 } from '../../lib/files';
import { notifySuccess } from '../../lib/notify';
import { formatCertDate } from '../../lib/identity';

interface Props {
  opened: boolean;
  onClose: () => void;
}

const CERT_FILES = '.pem,.crt,.cer,.der,application/x-pem-file,application/x-x509-ca-cert,application/pkix-cert';

/**
 * Trusting a colleague's or the certification body's certificate in two
 * steps: the file is read and its fingerprint shown, to compare with the
 * owner by phone; only then can it be trusted (the import sends that very
 * fingerprint back, so a different file is refused).
 */
export function ImportTrustedModal({ opened, onClose }: Props) {
  const { t } = useTranslation('signing');
  const [file, setFile] = useState<File | null>(null);
  const [seen, setSeen] = useState<{ base64: string; facts: CertificateInspection } | null>(null);
  const [name, setName] = useState('');
  const [error, setError] = useState<ApiError | string | null>(null);
  const inspect = useWriteOp('trust.inspect');
  const importIt = useWriteOp('trust.import');

  const reset = () => {
    setFile(null);
    setSeen(null);
    setName('');
    setError(null);
  };
  const close = () => {
    reset();
    onClose();
  };
  const choose = async (f: File | null) => {
    reset();
    setFile(f);
    if (!f) return;
    if (f.size > TRUSTED_CERT_MAX_BYTES)
      return setError(t('trust.tooLarge', { name: f.name, size: formatBytes(f.size) }));
    const base64 = await readAsBase64(f);
    const result = await inspect.mutate({ certificateBase64: base64 });
    if (!result.ok) return setError(result.error);
    setSeen({ base64, facts: result.value });
    setName(result.value.commonName);
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!seen) return setError(t('trust.chooseFirst'));
    const result = await importIt.mutate({
      certificateBase64: seen.base64,
      fingerprint: seen.facts.fingerprint,
      name,
    });
    if (!result.ok) return setError(result.error);
    notifySuccess(t('trust.trusted', { name: result.value.name, fingerprint: result.value.fingerprint }));
    reset();
    onClose();
  };

  const facts = seen?.facts;
  const already = facts && facts.knownAs.kind !== 'unknown';
  return (
    <Modal opened={opened} onClose={close} title={t('trust.title')} centered size="lg">
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Stack gap="md">
          <Text size="sm">{t('trust.intro')}</Text>
          <FileInput
            label={t('trust.file')}
            withAsterisk
            description={t('trust.fileHint')}
            accept={CERT_FILES}
            value={file}
            onChange={(f) => void choose(f)}
            clearable
            data-autofocus
          />
          {error && (
            <Alert color="red" role="alert" title={t('trust.refused')}>
              {typeof error === 'string' ? error : errorText(error)}
            </Alert>
          )}
          {facts && (
            <>
              <Facts
                items={[
                  [t('trust.subject'), facts.subject || '—'],
                  [t('trust.issuer'), facts.issuer || '—'],
                  [
                    t('trust.valid'),
                    t(facts.expired ? 'trust.validRangeExpired' : 'trust.validRange', {
                      from: formatCertDate(facts.notBefore),
                      until: formatCertDate(facts.notAfter),
                    }),
                  ],
                ]}
              />
              <div>
                <Text size="sm" fw={500}>
                  {t('trust.fingerprint')}
                </Text>
                <Code block aria-label={t('trust.fingerprintLabel')}>
                  {facts.fingerprint}
                </Code>
                <Text size="xs" c="dimmed" mt={4}>
                  {t('trust.readOut')}
                </Text>
              </div>
              {already ? (
                <Alert color="blue" role="status">
                  {t('trust.already', { name: facts.knownAs.matched })}
                </Alert>
              ) : (
                <TextInput
                  label={t('trust.name')}
                  description={t('trust.nameHint')}
                  value={name}
                  onChange={(e) => setName(e.currentTarget.value)}
                  maxLength={200}
                />
              )}
            </>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common:cancel')}
            </Button>
            <Button
              type="submit"
              leftSection={<IconShieldCheck size={16} />}
              disabled={!facts || Boolean(already)}
              loading={importIt.pending}
            >
              {t('trust.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
