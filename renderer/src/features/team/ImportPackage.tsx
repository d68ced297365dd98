import { Alert, Button, FileButton, Group, Modal, Progress, Stack, Text, type ButtonProps } from '@mantine/core';
import { IconAlertTriangle, IconPackageImport, IconX } from '@tabler/icons-react';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ERROR_CODES, type ApiError, type ErrorCode } from '#shared/api/result';
import type { ImportPreview, MergeSummary, TeamJob } from '#shared/domain/team';
import { getApi } from '../../api/client';
import { useInvalidateAfter } from '../../api/ops';
import { useJob } from '../../api/useJob';
import { errorText } from '../../i18n/errorText';
import { i18n } from '../../i18n/instance';
import { notifySuccess } from '../../lib/notify';
import { PACKAGE_ACCEPT, uploadPackage } from './packageFile';
import { PreviewDetails } from './PreviewDetails';

type State =
  | { kind: 'closed' }
  | { kind: 'uploading'; name: string; sent: number }
  /** The preview job runs (reading and checking every file of the package). */
  | { kind: 'checking'; name: string; uploadId: string }
  | { kind: 'preview'; name: string; uploadId: string; preview: ImportPreview; importing: boolean; error?: ApiError }
  | { kind: 'failed'; name: string; error: ApiError };

const JOB_OPS = {
  status: (jobId: string) => getApi().invoke('team.jobStatus', { jobId }),
  cancel: (jobId: string) => getApi().invoke('team.jobCancel', { jobId }),
};

/** A job that failed, as the error the modal shows. */
const jobError = (job: TeamJob): ApiError => {
  const e = job.error ?? { code: 'internal', message: i18n.t('team:import.failedDefault') };
  const code = (ERROR_CODES as readonly string[]).includes(e.code) ? (e.code as ErrorCode) : 'internal';
  return { code, message: e.message };
};

interface Props {
  /** The audit on screen, if any: a package for another one says so. */
  auditId?: string;
  by: string;
  onImported: (preview: ImportPreview, summary: MergeSummary) => void;
  variant?: ButtonProps['variant'];
}

export const summaryText = (s: MergeSummary): string =>
  i18n.t('team:import.summary', {
    records: i18n.t('team:import.records', { count: s.added }),
    changed: s.changed,
    count: s.conflicts,
  });

/** The backend's job steps (electron/core/sync/team-jobs.ts) come in English: the known ones in the UI language. */
const STAGES: Record<string, string> = {
  'Taking a backup first': 'backup',
  'Checking the package': 'checking',
  'Placing evidence files': 'evidence',
  Merging: 'merging',
};
const stageText = (stage: string): string => (STAGES[stage] ? i18n.t(`team:import.stage.${STAGES[stage]}`) : stage);

/**
 * "Import package…": pick a .fwpkg, send it in ordered chunks, check it and
 * show what importing it would do (the preview job), and import it in one
 * transaction once the user confirms (and, for an unknown signer, compared
 * the fingerprint) — each step with progress and Cancel; the import can be
 * cancelled until its merge runs, and a cancelled one changes nothing.
 * Closing before importing drops the upload.
 */
export function ImportPackage({ auditId, by, onImported, variant = 'default' }: Props) {
  const { t } = useTranslation('team');
  const [state, setState] = useState<State>({ kind: 'closed' });
  const [compared, setCompared] = useState(false);
  const abort = useRef<AbortController | null>(null);
  const resetPicker = useRef<() => void>(null);
  const job = useJob<TeamJob>(JOB_OPS);
  // An import can change any record of the audit: everything on screen loads again (api/invalidation.ts).
  const invalidate = useInvalidateAfter();

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
    const { uploadId } = outcome.value;
    setState({ kind: 'checking', name: file.name, uploadId });
    const checked = await job.follow(() => getApi().invoke('team.previewStart', { uploadId }));
    job.clear();
    if ('job' in checked && checked.job.state === 'running') return; // the screen was left
    const preview = 'job' in checked ? checked.job.preview : null;
    if (!preview) {
      void getApi().invoke('team.uploadAbort', { uploadId });
      if ('job' in checked && checked.job.state === 'cancelled') return setState({ kind: 'closed' });
      return setState({
        kind: 'failed',
        name: file.name,
        error: 'error' in checked ? checked.error : jobError(checked.job),
      });
    }
    setState({ kind: 'preview', name: file.name, uploadId, preview, importing: false });
  };

  /** Cancel: the upload stops, the preview job stops (its upload is dropped when it ends), an import job is asked to stop. */
  const close = () => {
    if (state.kind === 'uploading') return abort.current?.abort();
    if (state.kind === 'checking') return void job.cancel();
    if (state.kind === 'preview') {
      if (state.importing) return void job.cancel();
      void getApi().invoke('team.uploadAbort', { uploadId: state.uploadId });
    }
    setState({ kind: 'closed' });
  };

  const confirm = async () => {
    if (state.kind !== 'preview') return;
    const { preview, uploadId } = state;
    setState({ ...state, importing: true, error: undefined });
    const outcome = await job.follow(() =>
      getApi().invoke('team.importStart', {
        uploadId,
        ...(preview.signer.known ? {} : { acceptFingerprint: preview.signer.fingerprint }),
        by,
      }),
    );
    job.clear();
    if ('job' in outcome && outcome.job.state === 'running') return; // the screen was left
    const summary = 'job' in outcome ? outcome.job.summary : null;
    if ('job' in outcome && outcome.job.state === 'cancelled') {
      // The backend gave the upload up with the cancelled import: nothing was changed.
      setState({ kind: 'closed' });
      return notifySuccess(t('import.cancelled'));
    }
    if (!summary) {
      const error = 'error' in outcome ? outcome.error : jobError(outcome.job);
      // A failed import gives its upload up, except for an unknown signer (the same upload is imported once confirmed).
      if (error.code !== 'unknown_signer') return setState({ kind: 'failed', name: state.name, error });
      return setState({ ...state, importing: false, error });
    }
    void invalidate('team.import');
    setState({ kind: 'closed' });
    notifySuccess(t('import.imported', { name: preview.senderName, summary: summaryText(summary) }));
    onImported(preview, summary);
  };

  const running = job.job?.state === 'running' ? job.job : null;
  const jobProgress = running && (
    <Stack gap="xs" role="group" aria-label={running.kind === 'import' ? t('import.importing') : t('import.checking')}>
      <Group justify="space-between">
        <Text size="sm" aria-live="polite">
          {t('import.stageRunning', { stage: stageText(running.stage) })}
        </Text>
        <Button
          size="xs"
          variant="default"
          leftSection={<IconX size={14} />}
          onClick={close}
          disabled={!running.cancellable}
          title={running.cancellable ? undefined : t('import.noCancel')}
        >
          {t('common:cancel')}
        </Button>
      </Group>
      <Progress value={Math.round(running.progress * 100)} animated aria-label={stageText(running.stage)} />
    </Stack>
  );

  const title =
    state.kind === 'closed'
      ? ''
      : state.kind === 'preview'
        ? t('import.titlePreview', { name: state.name })
        : t('import.titleOther', { name: state.name });
  const needsCompare = state.kind === 'preview' && !state.preview.signer.known;

  return (
    <>
      <FileButton onChange={(f) => void start(f)} resetRef={resetPicker} accept={PACKAGE_ACCEPT}>
        {(props) => (
          <Button {...props} variant={variant} leftSection={<IconPackageImport size={16} />}>
            {t('import.button')}
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
          <Stack gap="xs" role="group" aria-label={t('import.uploading')}>
            <Group justify="space-between">
              <Text size="sm" aria-live="polite">
                {t('import.reading', { name: state.name })}
              </Text>
              <Button size="xs" variant="default" leftSection={<IconX size={14} />} onClick={close}>
                {t('common:cancel')}
              </Button>
            </Group>
            <Progress
              value={Math.round(state.sent * 100)}
              animated
              aria-label={t('import.readingLabel', { name: state.name })}
            />
          </Stack>
        )}
        {state.kind === 'checking' &&
          (jobProgress ?? (
            <Text size="sm" aria-live="polite">
              {t('import.checkingName', { name: state.name })}
            </Text>
          ))}
        {state.kind === 'failed' && (
          <Stack gap="md">
            <Alert color="red" icon={<IconAlertTriangle />} title={t('import.refusedTitle')} role="alert">
              {errorText(state.error)}
            </Alert>
            <Text size="sm" c="dimmed">
              {t('import.refusedHint')}
            </Text>
            <Group justify="flex-end">
              <Button variant="default" onClick={close} data-autofocus>
                {t('common:close')}
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
              <Alert color="red" icon={<IconAlertTriangle />} title={t('import.notImported')} role="alert">
                {t('import.notImportedText', { error: errorText(state.error) })}
              </Alert>
            )}
            {state.importing && jobProgress}
            <Group justify="flex-end">
              {state.preview.summary.alreadyImported ? (
                <Button onClick={close} data-autofocus>
                  {t('common:close')}
                </Button>
              ) : (
                <>
                  {!state.importing && (
                    <Button variant="default" onClick={close}>
                      {t('common:cancel')}
                    </Button>
                  )}
                  <Button
                    onClick={() => void confirm()}
                    loading={state.importing}
                    disabled={needsCompare && !compared}
                    data-autofocus
                  >
                    {t('import.import')}
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
