import { Alert, Button, Group, List, Modal, Progress, ScrollArea, Stack, Text, ThemeIcon } from '@mantine/core';
import { IconAlertTriangle, IconCheck, IconCopy, IconLoader2, IconX } from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { TeamMember } from '#shared/domain/audit';
import type { EvidenceTarget } from '#shared/domain/evidence';
import { formatBytes } from '../../lib/files';
import { notifyError, notifySuccess } from '../../lib/notify';
import { useActor } from '../../lib/useActor';
import { uploadFiles, type BatchProgress, type FileProgress, type FileState } from './upload';

/** A batch quicker than this finishes without a dialog flashing up. */
const SHOW_AFTER_MS = 400;

interface UploaderOptions {
  auditId: string;
  team: readonly TeamMember[];
  /** Where new attachments are linked. */
  links: EvidenceTarget[];
  /** Called once a batch ends, whatever its outcome, so lists can refresh. */
  onDone: (batch: BatchProgress) => void;
}

/**
 * Uploads a batch with a progress dialog (overall bar, each file's state,
 * Cancel) and ends with a summary: a notification when all went well, the
 * dialog with the failures and renamings otherwise.
 */
export function useUploader({ auditId, team, links, onDone }: UploaderOptions) {
  // The same actor as every other change (this computer's team member, else the lead): a finding's history names them.
  const addedBy = useActor({ id: auditId, team });
  const { t } = useTranslation('evidence');
  const [batch, setBatch] = useState<BatchProgress | null>(null);
  const [shown, setShown] = useState(false);
  const abort = useRef<AbortController | null>(null);
  const latest = useRef({ auditId, links, addedBy, onDone, t });
  useEffect(() => {
    latest.current = { auditId, links, addedBy, onDone, t };
  });

  const start = useCallback((files: File[]) => {
    if (files.length === 0) return;
    if (abort.current) {
      notifyError({ code: 'conflict', message: latest.current.t('upload.busy') });
      return;
    }
    const controller = new AbortController();
    abort.current = controller;
    const timer = setTimeout(() => setShown(true), SHOW_AFTER_MS);
    const { auditId: audit, links: targets, addedBy: by } = latest.current;
    void uploadFiles(files, {
      auditId: audit,
      links: targets,
      addedBy: by,
      signal: controller.signal,
      onProgress: setBatch,
    })
      .then((final) => {
        clearTimeout(timer);
        abort.current = null;
        const clean = final.files.every((f) => (f.state === 'added' || f.state === 'duplicate') && !f.renamed);
        if (clean) {
          setShown(false);
          setBatch(null);
          notifySuccess(summarize(final.files, latest.current.t));
        } else setShown(true);
        latest.current.onDone(final);
      })
      .catch(() => {
        // uploadFiles reports failures per file; anything thrown is a bug, but must not leave a stuck dialog.
        clearTimeout(timer);
        abort.current = null;
        setShown(false);
        setBatch(null);
      });
  }, []);

  const cancel = useCallback(() => abort.current?.abort(), []);
  const close = useCallback(() => {
    if (abort.current) return;
    setShown(false);
    setBatch(null);
  }, []);

  const modal: ReactNode = (
    <UploadDialog batch={shown ? batch : null} busy={Boolean(batch && !batch.done)} onCancel={cancel} onClose={close} />
  );
  return { start, modal, busy: Boolean(batch && !batch.done) };
}

/** "3 added, 1 already attached, 2 failed, 1 cancelled". */
function summarize(files: readonly FileProgress[], t: TFunction<'evidence'>): string {
  const count = (s: FileState) => files.filter((f) => f.state === s).length;
  const states = ['added', 'duplicate', 'failed', 'cancelled'] as const;
  const said = states
    .map((s) => [s, count(s)] as const)
    .filter(([, n]) => n > 0)
    .map(([s, n]) => t(`upload.summary.${s}`, { count: n }));
  return said.length ? said.join(', ') : t('upload.summary.nothing');
}

function StateIcon({ state }: { state: FileState }) {
  const [color, icon] =
    state === 'added'
      ? ['teal', <IconCheck key="i" size={12} />]
      : state === 'duplicate'
        ? ['blue', <IconCopy key="i" size={12} />]
        : state === 'failed'
          ? ['red', <IconX key="i" size={12} />]
          : ['gray', <IconLoader2 key="i" size={12} />];
  return (
    <ThemeIcon size={18} radius="xl" variant="light" color={color} aria-hidden>
      {icon}
    </ThemeIcon>
  );
}

function UploadDialog(props: {
  batch: BatchProgress | null;
  busy: boolean;
  onCancel: () => void;
  onClose: () => void;
}) {
  const { batch, busy, onCancel, onClose } = props;
  const { t } = useTranslation('evidence');
  const percent = batch && batch.totalBytes > 0 ? Math.round((batch.sentBytes / batch.totalBytes) * 100) : 0;
  const failed = batch?.files.filter((f) => f.state === 'failed') ?? [];
  const renamed = batch?.files.filter((f) => f.renamed) ?? [];
  return (
    <Modal
      opened={batch !== null}
      onClose={busy ? onCancel : onClose}
      closeOnClickOutside={false}
      withCloseButton={!busy}
      title={batch ? t('upload.title', { count: batch.files.length }) : ''}
      size="lg"
    >
      {batch && (
        <Stack gap="sm" data-testid="upload-dialog">
          <Progress
            value={batch.done ? 100 : percent}
            aria-label={t('upload.progress')}
            animated={!batch.done}
            size="lg"
          />
          <Text size="sm" c="dimmed" aria-live="polite">
            {batch.done
              ? summarize(batch.files, t)
              : t('upload.sent', { sent: formatBytes(batch.sentBytes), total: formatBytes(batch.totalBytes) })}
          </Text>
          {batch.done && failed.length > 0 && (
            <Alert color="red" icon={<IconAlertTriangle />} title={t('upload.notAdded', { count: failed.length })}>
              <List size="sm">
                {failed.map((f, i) => (
                  <List.Item key={i}>
                    <b>{f.name}</b>: {f.message}
                  </List.Item>
                ))}
              </List>
            </Alert>
          )}
          {batch.done && renamed.length > 0 && (
            <Alert color="blue" title={t('upload.renamed')}>
              <List size="sm">
                {renamed.map((f, i) => (
                  <List.Item key={i}>{f.renamed}</List.Item>
                ))}
              </List>
            </Alert>
          )}
          <ScrollArea.Autosize mah={260}>
            <Stack gap={4} component="ul" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('upload.files')}>
              {batch.files.map((f, i) => (
                <FileRow key={i} file={f} />
              ))}
            </Stack>
          </ScrollArea.Autosize>
          <Group justify="flex-end">
            {busy ? (
              <Button variant="default" onClick={onCancel}>
                {t('upload.cancel')}
              </Button>
            ) : (
              <Button onClick={onClose}>{t('upload.close')}</Button>
            )}
          </Group>
        </Stack>
      )}
    </Modal>
  );
}

function FileRow({ file }: { file: FileProgress }) {
  const { t } = useTranslation('evidence');
  return (
    <Group component="li" gap="xs" wrap="nowrap" data-state={file.state}>
      <StateIcon state={file.state} />
      <Text size="sm" truncate="end" style={{ flex: 1 }} title={file.name}>
        {file.name}
      </Text>
      <Text size="xs" c="dimmed">
        {formatBytes(file.size)}
      </Text>
      <Text size="xs" c={file.state === 'failed' ? 'red' : 'dimmed'} w={110} ta="right">
        {t(`upload.state.${file.state}`)}
      </Text>
    </Group>
  );
}
