import { Alert, Anchor, Button, Card, Code, FileButton, Group, Progress, Stack, Text } from '@mantine/core';
import { IconFileCertificate, IconInfoCircle, IconX } from '@tabler/icons-react';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '#shared/api/result';
import { VERIFY_FILE_MAX, type DocumentCheck } from '#shared/domain/report';
import { href } from '../../lib/router';
import { PageHeader } from '../../components/PageHeader';
import { formatBytes } from '../../lib/files';
import { formatTimestamp } from '../../lib/format';
import { VerifyOutcome } from '../../components/VerifyOutcome';
import { errorText } from '../../i18n/errorText';
import { checkDocument } from './checkDocument';

type State =
  | { kind: 'idle' }
  | { kind: 'checking'; name: string; sent: number }
  | { kind: 'done'; check: DocumentCheck }
  | { kind: 'failed'; name: string; error: ApiError };

const DOCX = '.docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/**
 * Checks a Word document someone hands back (the client's copy, a file sent by
 * mail): is it exactly as signed, by whom, and is it a version issued from
 * this data folder? The file is only read, never stored.
 */
export function CheckDocumentPage() {
  const { t } = useTranslation('verify');
  const [state, setState] = useState<State>({ kind: 'idle' });
  const abort = useRef<AbortController | null>(null);
  // Cleared after each pick, so choosing the same file again (edited since, or to check twice) is seen.
  const resetPicker = useRef<() => void>(null);

  const run = async (file: File | null) => {
    resetPicker.current?.();
    if (!file) return;
    const controller = new AbortController();
    abort.current = controller;
    setState({ kind: 'checking', name: file.name, sent: 0 });
    const outcome = await checkDocument(
      file,
      (sent) => setState({ kind: 'checking', name: file.name, sent }),
      controller.signal,
    );
    abort.current = null;
    if ('cancelled' in outcome) setState({ kind: 'idle' });
    else if ('error' in outcome) setState({ kind: 'failed', name: file.name, error: outcome.error });
    else setState({ kind: 'done', check: outcome.check });
  };

  return (
    <>
      <PageHeader title={t('title')} description={t('description')} />
      <Stack gap="md" maw={820}>
        <Card withBorder>
          <Stack gap="sm">
            <Text size="sm">{t('intro', { size: formatBytes(VERIFY_FILE_MAX) })}</Text>
            <Group>
              <FileButton
                onChange={(f) => void run(f)}
                resetRef={resetPicker}
                accept={DOCX}
                disabled={state.kind === 'checking'}
              >
                {(props) => (
                  <Button {...props} leftSection={<IconFileCertificate size={16} />}>
                    {t('choose')}
                  </Button>
                )}
              </FileButton>
            </Group>
            {state.kind === 'checking' && (
              <Stack gap="xs" role="group" aria-label={t('inProgress')}>
                <Group justify="space-between">
                  <Text size="sm" aria-live="polite">
                    {t('checking', { name: state.name })}
                  </Text>
                  <Button
                    size="xs"
                    variant="default"
                    leftSection={<IconX size={14} />}
                    onClick={() => abort.current?.abort()}
                  >
                    {t('common:cancel')}
                  </Button>
                </Group>
                <Progress
                  value={Math.round(state.sent * 100)}
                  animated
                  aria-label={t('reading', { name: state.name })}
                />
              </Stack>
            )}
          </Stack>
        </Card>
        {state.kind === 'idle' && (
          <Text size="sm" c="dimmed">
            {t('idle')}
          </Text>
        )}
        {state.kind === 'failed' && (
          <Alert color="red" title={t('failed', { name: state.name })} role="alert">
            {errorText(state.error)}
          </Alert>
        )}
        {state.kind === 'done' && <CheckResult check={state.check} />}
      </Stack>
    </>
  );
}

function CheckResult({ check }: { check: DocumentCheck }) {
  const { t } = useTranslation('verify');
  const issued = check.issued;
  return (
    <Stack gap="sm" role="region" aria-label={t('result')}>
      <Text size="sm" fw={600}>
        {t('nameSize', { name: check.name, size: formatBytes(check.size) })}
      </Text>
      <VerifyOutcome result={check.verification} />
      {issued ? (
        <Alert color="blue" icon={<IconInfoCircle />} title={t('issuedTitle')} role="status">
          {t('issued', {
            kind: t(`labels:exportKind.${issued.kind}`),
            version: issued.version,
            number: issued.reportNumber,
            client: issued.clientName,
            type: t(`labels:auditType.${issued.auditType}`),
            date: formatTimestamp(issued.issuedAt),
          })}{' '}
          {issued.current ? t('current') : t('newer')}{' '}
          <Anchor href={href(`/audits/${issued.auditId}/report`)} size="sm">
            {t('openReport')}
          </Anchor>
        </Alert>
      ) : (
        <Text size="sm" c="dimmed">
          {t('notIssued')}
        </Text>
      )}
      <Text size="xs" c="dimmed">
        {t('sha256')} <Code>{check.sha256}</Code>
      </Text>
    </Stack>
  );
}
