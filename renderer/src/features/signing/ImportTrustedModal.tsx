import { Alert, Button, Code, FileInput, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { IconShieldCheck } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import type { ApiError } from '#shared/api/result';
import { TRUSTED_CERT_MAX_BYTES, type CertificateInspection } from '#shared/domain/trust';
import { useWriteOp } from '../../api/ops';
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
      return setError(`${f.name} is ${formatBytes(f.size)}: too large for a certificate.`);
    const base64 = await readAsBase64(f);
    const result = await inspect.mutate({ certificateBase64: base64 });
    if (!result.ok) return setError(result.error);
    setSeen({ base64, facts: result.value });
    setName(result.value.commonName);
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!seen) return setError('Choose the certificate file first.');
    const result = await importIt.mutate({
      certificateBase64: seen.base64,
      fingerprint: seen.facts.fingerprint,
      name,
    });
    if (!result.ok) return setError(result.error);
    notifySuccess(`${result.value.name} is now trusted (fingerprint ${result.value.fingerprint})`);
    reset();
    onClose();
  };

  const facts = seen?.facts;
  const already = facts && facts.knownAs.kind !== 'unknown';
  return (
    <Modal opened={opened} onClose={close} title="Trust a certificate" centered size="lg">
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Stack gap="md">
          <Text size="sm">
            Documents signed with a trusted certificate show as signed by someone known. Ask the colleague or the
            certification body for their certificate (not their private key).
          </Text>
          <FileInput
            label="Certificate file"
            withAsterisk
            description="A .pem, .crt, .cer or .der file."
            accept={CERT_FILES}
            value={file}
            onChange={(f) => void choose(f)}
            clearable
            data-autofocus
          />
          {error && (
            <Alert color="red" role="alert" title="This certificate cannot be trusted">
              {typeof error === 'string' ? error : error.message}
            </Alert>
          )}
          {facts && (
            <>
              <Facts
                items={[
                  ['Subject', facts.subject || '—'],
                  ['Issuer', facts.issuer || '—'],
                  [
                    'Valid',
                    `${formatCertDate(facts.notBefore)} – ${formatCertDate(facts.notAfter)}${facts.expired ? ' (expired)' : ''}`,
                  ],
                ]}
              />
              <div>
                <Text size="sm" fw={500}>
                  Fingerprint (SHA-256)
                </Text>
                <Code block aria-label="Fingerprint of the chosen certificate">
                  {facts.fingerprint}
                </Code>
                <Text size="xs" c="dimmed" mt={4}>
                  Read it out to the owner on a number you already know. Trust it only if every pair matches.
                </Text>
              </div>
              {already ? (
                <Alert color="blue" role="status">
                  This certificate is already known here, as {facts.knownAs.matched}.
                </Alert>
              ) : (
                <TextInput
                  label="Name"
                  description="How documents signed with it will name the signer here."
                  value={name}
                  onChange={(e) => setName(e.currentTarget.value)}
                  maxLength={200}
                />
              )}
            </>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button
              type="submit"
              leftSection={<IconShieldCheck size={16} />}
              disabled={!facts || Boolean(already)}
              loading={importIt.pending}
            >
              The fingerprint matches — trust it
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
