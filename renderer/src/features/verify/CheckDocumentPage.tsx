import { Alert, Anchor, Button, Card, Code, FileButton, Group, Progress, Stack, Text } from '@mantine/core';
import { IconFileCertificate, IconInfoCircle, IconX } from '@tabler/icons-react';
import { useRef, useState } from 'react';
import type { ApiError } from '#shared/api/result';
import { AUDIT_TYPE_LABELS } from '#shared/domain/audit';
import { EXPORT_KIND_LABELS, VERIFY_FILE_MAX, type DocumentCheck } from '#shared/domain/report';
import { href } from '../../lib/router';
import { PageHeader } from '../../components/PageHeader';
import { formatBytes } from '../../lib/files';
import { formatTimestamp } from '../../lib/format';
import { VerifyOutcome } from '../../components/VerifyOutcome';
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
      <PageHeader
        title="Check a document"
        description="Is a report or nonconformity list exactly as the lead auditor signed it? Choose the Word file to find out."
      />
      <Stack gap="md" maw={820}>
        <Card withBorder>
          <Stack gap="sm">
            <Text size="sm">
              The file is checked on this computer and not kept. Any change after signing — one character, a picture, a
              part added or removed — shows as an invalid signature. An intact signature counts as someone known only if
              its certificate is one of your signing identities or trusted certificates. Up to{' '}
              {formatBytes(VERIFY_FILE_MAX)}.
            </Text>
            <Group>
              <FileButton
                onChange={(f) => void run(f)}
                resetRef={resetPicker}
                accept={DOCX}
                disabled={state.kind === 'checking'}
              >
                {(props) => (
                  <Button {...props} leftSection={<IconFileCertificate size={16} />}>
                    Choose a DOCX file…
                  </Button>
                )}
              </FileButton>
            </Group>
            {state.kind === 'checking' && (
              <Stack gap="xs" role="group" aria-label="Check in progress">
                <Group justify="space-between">
                  <Text size="sm" aria-live="polite">
                    Checking {state.name}…
                  </Text>
                  <Button
                    size="xs"
                    variant="default"
                    leftSection={<IconX size={14} />}
                    onClick={() => abort.current?.abort()}
                  >
                    Cancel
                  </Button>
                </Group>
                <Progress value={Math.round(state.sent * 100)} animated aria-label={`Reading ${state.name}`} />
              </Stack>
            )}
          </Stack>
        </Card>
        {state.kind === 'idle' && (
          <Text size="sm" c="dimmed">
            No document checked yet. Choose a .docx file above; the result appears here.
          </Text>
        )}
        {state.kind === 'failed' && (
          <Alert color="red" title={`${state.name} could not be checked`} role="alert">
            {state.error.message}
          </Alert>
        )}
        {state.kind === 'done' && <CheckResult check={state.check} />}
      </Stack>
    </>
  );
}

function CheckResult({ check }: { check: DocumentCheck }) {
  const issued = check.issued;
  return (
    <Stack gap="sm" role="region" aria-label="Check result">
      <Text size="sm" fw={600}>
        {check.name} · {formatBytes(check.size)}
      </Text>
      <VerifyOutcome result={check.verification} />
      {issued ? (
        <Alert color="blue" icon={<IconInfoCircle />} title="Issued from this data folder" role="status">
          {EXPORT_KIND_LABELS[issued.kind]} version {issued.version}, report {issued.reportNumber}, for{' '}
          {issued.clientName} ({AUDIT_TYPE_LABELS[issued.auditType]}), issued {formatTimestamp(issued.issuedAt)}.{' '}
          {issued.current ? 'It is the current version.' : 'A newer version has been issued since.'}{' '}
          <Anchor href={href(`/audits/${issued.auditId}/report`)} size="sm">
            Open the audit’s report
          </Anchor>
        </Alert>
      ) : (
        <Text size="sm" c="dimmed">
          This file is not a version issued from this data folder (its SHA-256 matches none). The signature above still
          says whether it is intact and whether its signer is known here.
        </Text>
      )}
      <Text size="xs" c="dimmed">
        SHA-256 <Code>{check.sha256}</Code>
      </Text>
    </Stack>
  );
}
