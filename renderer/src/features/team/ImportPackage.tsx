import { Alert, Button, FileButton, Group, Modal, Progress, Stack, Text, type ButtonProps } from '@mantine/core';
import { IconAlertTriangle, IconPackageImport, IconX } from '@tabler/icons-react';
import { useRef, useState } from 'react';
import type { ApiError } from '#shared/api/result';
import type { ImportPreview, MergeSummary } from '#shared/domain/team';
import { getApi } from '../../api/client';
import { useWriteOp } from '../../api/ops';
import { plural } from '../../lib/format';
import { notifySuccess } from '../../lib/notify';
import { PACKAGE_ACCEPT, uploadPackage } from './packageFile';
import { PreviewDetails } from './PreviewDetails';

type State =
  | { kind: 'closed' }
  | { kind: 'uploading'; name: string; sent: number }
  | { kind: 'preview'; name: string; uploadId: string; preview: ImportPreview; importing: boolean; error?: ApiError }
  | { kind: 'failed'; name: string; error: ApiError };

interface Props {
  /** The audit on screen, if any: a package for another one says so. */
  auditId?: string;
  by: string;
  onImported: (preview: ImportPreview, summary: MergeSummary) => void;
  variant?: ButtonProps['variant'];
}

export const summaryText = (s: MergeSummary): string =>
  `${plural(s.added, 'record')} added, ${s.changed} changed, ${plural(s.conflicts, 'conflict')}`;

/**
 * "Import package…": pick a .fwpkg, send it in ordered chunks (with progress
 * and Cancel), show what importing it would do, and import it in one
 * transaction once the user confirms (and, for an unknown signer, compared
 * the fingerprint). Closing before importing drops the upload.
 */
export function ImportPackage({ auditId, by, onImported, variant = 'default' }: Props) {
  const [state, setState] = useState<State>({ kind: 'closed' });
  const [compared, setCompared] = useState(false);
  const abort = useRef<AbortController | null>(null);
  const resetPicker = useRef<() => void>(null);
  // An import can change any record of the audit: everything on screen loads again (api/invalidation.ts).
  const importPackage = useWriteOp('team.import');

  const start = async (file: File | null) => {
    resetPicker.current?.();
    if (!file) return;
    setCompared(false);
    const controller = new AbortController();
    abort.current = controller;
    setState({ kind: 'uploading', name: file.name, sent: 0 });
    const outcome = await uploadPackage(
      file,
      (sent) => setState({ kind: 'uploading', name: file.name, sent }),
      controller.signal,
    );
    abort.current = null;
    if ('cancelled' in outcome) return setState({ kind: 'closed' });
    if ('error' in outcome) return setState({ kind: 'failed', name: file.name, error: outcome.error });
    setState({ kind: 'preview', name: file.name, ...outcome.value, importing: false });
  };

  const close = () => {
    if (state.kind === 'uploading') return abort.current?.abort();
    if (state.kind === 'preview') {
      if (state.importing) return;
      void getApi().invoke('team.uploadAbort', { uploadId: state.uploadId });
    }
    setState({ kind: 'closed' });
  };

  const confirm = async () => {
    if (state.kind !== 'preview') return;
    const { preview, uploadId } = state;
    setState({ ...state, importing: true, error: undefined });
    const result = await importPackage.mutate({
      uploadId,
      ...(preview.signer.known ? {} : { acceptFingerprint: preview.signer.fingerprint }),
      by,
    });
    if (!result.ok) return setState({ ...state, importing: false, error: result.error });
    setState({ kind: 'closed' });
    notifySuccess(`Imported the package from ${preview.senderName}: ${summaryText(result.value)}.`);
    onImported(preview, result.value);
  };

  const title =
    state.kind === 'closed' ? '' : state.kind === 'preview' ? `Import ${state.name}` : `Package ${state.name}`;
  const needsCompare = state.kind === 'preview' && !state.preview.signer.known;

  return (
    <>
      <FileButton onChange={(f) => void start(f)} resetRef={resetPicker} accept={PACKAGE_ACCEPT}>
        {(props) => (
          <Button {...props} variant={variant} leftSection={<IconPackageImport size={16} />}>
            Import package…
          </Button>
        )}
      </FileButton>
      <Modal
        opened={state.kind !== 'closed'}
        onClose={close}
        title={title}
        centered
        size="lg"
        closeOnClickOutside={false}
      >
        {state.kind === 'uploading' && (
          <Stack gap="xs" role="group" aria-label="Package upload in progress">
            <Group justify="space-between">
              <Text size="sm" aria-live="polite">
                Reading {state.name}…
              </Text>
              <Button size="xs" variant="default" leftSection={<IconX size={14} />} onClick={close}>
                Cancel
              </Button>
            </Group>
            <Progress value={Math.round(state.sent * 100)} animated aria-label={`Reading ${state.name}`} />
          </Stack>
        )}
        {state.kind === 'failed' && (
          <Stack gap="md">
            <Alert color="red" icon={<IconAlertTriangle />} title="This package cannot be imported" role="alert">
              {state.error.message}
            </Alert>
            <Text size="sm" c="dimmed">
              Nothing was changed. Ask the sender for a new package if the file was damaged on the way.
            </Text>
            <Group justify="flex-end">
              <Button variant="default" onClick={close} data-autofocus>
                Close
              </Button>
            </Group>
          </Stack>
        )}
        {state.kind === 'preview' && (
          <Stack gap="md">
            <PreviewDetails
              preview={state.preview}
              compared={compared}
              onCompared={setCompared}
              otherAudit={auditId !== undefined && auditId !== state.preview.auditId}
              disabled={state.importing}
            />
            {state.error && (
              <Alert color="red" icon={<IconAlertTriangle />} title="Not imported" role="alert">
                {state.error.message} Nothing was changed.
              </Alert>
            )}
            <Group justify="flex-end">
              {state.preview.summary.alreadyImported ? (
                <Button onClick={close} data-autofocus>
                  Close
                </Button>
              ) : (
                <>
                  <Button variant="default" onClick={close} disabled={state.importing}>
                    Cancel
                  </Button>
                  <Button
                    onClick={() => void confirm()}
                    loading={state.importing}
                    disabled={needsCompare && !compared}
                    data-autofocus
                  >
                    Import
                  </Button>
                </>
              )}
            </Group>
          </Stack>
        )}
      </Modal>
    </>
  );
}
