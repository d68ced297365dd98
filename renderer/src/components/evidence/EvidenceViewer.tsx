import { Alert, Button, Center, Grid, Group, Modal, Progress, Stack, Text } from '@mantine/core';
import { modals } from '@mantine/modals';
import { IconAlertTriangle, IconDownload, IconExternalLink, IconFolder, IconTrash } from '@tabler/icons-react';
import { useCallback, useEffect, useId, useState, type ReactNode } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import type { Evidence } from '#shared/domain/evidence';
import { openPolicy } from '#shared/rules/open-policy';
import { useWriteOp } from '../../api/ops';
import { Facts, LongText } from '../Facts';
import { formatBytes } from '../../lib/files';
import { formatTimestamp } from '../../lib/format';
import { notifyError, notifySuccess } from '../../lib/notify';
import { errorText } from '../../i18n/errorText';
import { i18n } from '../../i18n/instance';
import { Sha256 } from './Sha256';
import { DraftedTextarea } from '../DraftedTextarea';
import { formatCapturedAt } from '../../lib/dateTime';
import { useEscapeOnTop } from '../../lib/useEscapeOnTop';
import { ByteFailure } from '../../api/bytes';
import { downloadEvidence, openOutside, readEvidence, showInFolder, viewableAs } from './bytes';
import { FileTypeIcon } from './Thumb';

type Loaded =
  | { state: 'loading'; read: number; total: number }
  | { state: 'ready'; url: string }
  | { state: 'failed'; message: string };

interface EvidenceViewerProps {
  evidence: Evidence | null;
  onClose: () => void;
  readOnly: boolean;
  /** Offered in the evidence library: deleting removes the attachment from every record. */
  canDelete?: boolean;
  /** "Linked to" lines; the viewer does not know the records' names itself. */
  links?: ReactNode;
}

// Called outside render (a read that failed): the instance's t, in the language shown now.
const failureOf = (e: unknown): string =>
  e instanceof ByteFailure
    ? errorText(e.error)
    : e instanceof Error
      ? e.message
      : i18n.t('viewer.unreadable', { ns: 'evidence' });

/** The bytes of an image or PDF as an object URL for as long as the viewer shows it. */
function useObjectUrl(evidence: Evidence | null): Loaded | null {
  const [loaded, setLoaded] = useState<{ id: string; value: Loaded } | null>(null);
  const id = evidence && viewableAs(evidence.mediaType) ? evidence.id : null;
  useEffect(() => {
    if (!id || !evidence) return;
    const controller = new AbortController();
    let url: string | null = null;
    readEvidence(evidence, {
      signal: controller.signal,
      onProgress: (read, total) => setLoaded({ id, value: { state: 'loading', read, total } }),
    }).then(
      (blob) => {
        if (controller.signal.aborted) return;
        url = URL.createObjectURL(blob);
        setLoaded({ id, value: { state: 'ready', url } });
      },
      (e: unknown) => {
        if (!controller.signal.aborted) setLoaded({ id, value: { state: 'failed', message: failureOf(e) } });
      },
    );
    return () => {
      controller.abort();
      if (url) URL.revokeObjectURL(url);
    };
    // Only a different file reloads the bytes; a new description does not.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [id]);
  if (!id) return null;
  return loaded?.id === id ? loaded.value : { state: 'loading', read: 0, total: evidence?.size ?? 0 };
}

/**
 * Shows one attachment: images and PDFs in the app from their bytes, other
 * files through the computer's own app (or a download in the browser
 * preview), with the details and the description beside them.
 */
export function EvidenceViewer({ evidence, onClose, readOnly, canDelete, links }: EvidenceViewerProps) {
  const id = useId();
  useEscapeOnTop(id, evidence !== null, onClose);
  return (
    <Modal
      id={id}
      opened={evidence !== null}
      onClose={onClose}
      closeOnEscape={false}
      size="min(1200px, 96vw)"
      title={evidence?.originalName ?? ''}
      centered
      data-testid="evidence-viewer"
    >
      {evidence && (
        <ViewerBody evidence={evidence} readOnly={readOnly} canDelete={canDelete} links={links} onClose={onClose} />
      )}
    </Modal>
  );
}

function ViewerBody(props: EvidenceViewerProps & { evidence: Evidence }) {
  const { evidence: e, readOnly, canDelete, links, onClose } = props;
  const kind = viewableAs(e.mediaType);
  const loaded = useObjectUrl(e);
  const [busy, setBusy] = useState(false);
  const { t } = useTranslation('evidence');
  // Both refresh the lists showing the attachment (api/invalidation.ts).
  const { mutate: update } = useWriteOp('evidence.update');
  const remove = useWriteOp('evidence.delete');

  const saveDescription = useCallback((description: string) => update({ id: e.id, description }), [e.id, update]);
  const run = async (what: () => Promise<unknown>, failTitle: string) => {
    setBusy(true);
    try {
      await what();
    } catch (err) {
      notifyError(err instanceof ByteFailure ? err.error : { code: 'internal', message: failureOf(err) }, failTitle);
    } finally {
      setBusy(false);
    }
  };
  // Only documents and media are handed to another app; anything else could run a program (issue 14).
  const policy = openPolicy(e.originalName, e.mediaType);
  const openElsewhere = () =>
    run(async () => {
      if ((await openOutside(e)) === 'downloaded') notifySuccess(t('viewer.downloaded', { name: e.originalName }));
    }, t('viewer.notOpened'));
  const requestShowInFolder = () =>
    modals.openConfirmModal({
      title: t('viewer.harmfulTitle'),
      children: (
        <Stack gap="xs">
          <Text size="sm">
            <Trans
              t={t}
              i18nKey="viewer.harmful"
              values={{ name: e.originalName, reason: policy.action === 'show_in_folder' ? policy.reason : '' }}
              components={{ b: <b /> }}
            />
          </Text>
          <Text size="sm">{t('viewer.readOnlyCopy')}</Text>
        </Stack>
      ),
      labels: { confirm: t('viewer.showInFolder'), cancel: t('viewer.cancel') },
      confirmProps: { color: 'orange' },
      onConfirm: () =>
        void run(async () => {
          if ((await showInFolder(e)) === 'downloaded') notifySuccess(t('viewer.downloaded', { name: e.originalName }));
        }, t('viewer.notShown')),
    });
  const outsideButton = (variant: 'filled' | 'subtle') =>
    policy.action === 'open' ? (
      <Button
        variant={variant}
        leftSection={<IconExternalLink size={16} />}
        onClick={() => void openElsewhere()}
        loading={busy}
      >
        {t('viewer.openWithApp')}
      </Button>
    ) : (
      <Button variant={variant} leftSection={<IconFolder size={16} />} onClick={requestShowInFolder} loading={busy}>
        {t('viewer.showInFolder')}
      </Button>
    );
  const requestDelete = () =>
    modals.openConfirmModal({
      title: t('viewer.deleteTitle'),
      children: (
        <Text size="sm">
          <Trans
            t={t}
            i18nKey="viewer.deleteBody"
            values={{ name: e.originalName, count: e.links.length }}
            components={{ b: <b /> }}
          />
        </Text>
      ),
      labels: { confirm: t('viewer.deleteConfirm'), cancel: t('viewer.cancel') },
      confirmProps: { color: 'red' },
      onConfirm: () =>
        void (async () => {
          const result = await remove.mutate({ id: e.id });
          if (!result.ok) return notifyError(result.error, t('viewer.notDeleted'));
          notifySuccess(t('viewer.deleted', { name: e.originalName }));
          onClose();
        })(),
    });

  return (
    <Grid gap="lg">
      <Grid.Col span={{ base: 12, md: 8 }}>
        <Center
          mih={320}
          style={{ background: 'var(--mantine-color-default-hover)', borderRadius: 'var(--mantine-radius-md)' }}
        >
          {kind && loaded?.state === 'ready' ? (
            kind === 'image' ? (
              <img
                src={loaded.url}
                alt={e.originalName}
                data-testid="viewer-image"
                style={{ maxWidth: '100%', maxHeight: '72vh', objectFit: 'contain', display: 'block' }}
              />
            ) : (
              <iframe
                src={loaded.url}
                title={e.originalName}
                data-testid="viewer-pdf"
                style={{ width: '100%', height: '72vh', border: 0 }}
              />
            )
          ) : kind && loaded?.state === 'failed' ? (
            <Alert color="red" icon={<IconAlertTriangle />} title={t('viewer.cannotShow')} m="md">
              {loaded.message}
            </Alert>
          ) : kind && loaded?.state === 'loading' ? (
            <Stack w="60%" gap={6} aria-busy="true">
              <Text size="sm" c="dimmed" ta="center">
                {t('viewer.loading', { size: formatBytes(e.size) })}
              </Text>
              <Progress
                value={loaded.total ? (loaded.read / loaded.total) * 100 : 0}
                aria-label={t('viewer.loadingLabel')}
              />
            </Stack>
          ) : (
            <Stack align="center" gap="sm" p="xl">
              <FileTypeIcon mediaType={e.mediaType} size={56} />
              <Text size="sm" c="dimmed" ta="center">
                {t('viewer.notShownHere', { type: e.mediaType || t('viewer.unknownType') })}
              </Text>
              {outsideButton('filled')}
            </Stack>
          )}
        </Center>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 4 }}>
        <Stack gap="md">
          <Facts
            labelWidth={90}
            items={[
              [t('viewer.type'), e.mediaType],
              [t('viewer.size'), formatBytes(e.size)],
              ['SHA-256', <Sha256 key="sha" value={e.sha256} />],
              [t('viewer.taken'), e.capturedAt ? formatCapturedAt(e.capturedAt) : ''],
              [
                t('viewer.added'),
                e.addedBy
                  ? t('viewer.addedBy', { time: formatTimestamp(e.createdAt), who: e.addedBy })
                  : formatTimestamp(e.createdAt),
              ],
              [t('viewer.linkedTo'), links ?? t('viewer.records', { count: e.links.length })],
            ]}
          />
          {readOnly ? (
            <div>
              <Text size="sm" fw={500} mb={4}>
                {t('viewer.description')}
              </Text>
              <LongText empty={t('viewer.noDescription')}>{e.description}</LongText>
            </div>
          ) : (
            <DraftedTextarea
              recordType="evidence"
              recordId={e.id}
              auditId={e.auditId}
              field="description"
              serverValue={e.description}
              save={saveDescription}
              label={t('viewer.description')}
              what={t('viewer.descriptionWhat')}
              placeholder={t('viewer.descriptionPlaceholder')}
              minRows={3}
            />
          )}
          <Group gap="xs">
            <Button
              variant="default"
              leftSection={<IconDownload size={16} />}
              loading={busy}
              onClick={() => void run(() => downloadEvidence(e), t('viewer.notDownloaded'))}
            >
              {t('viewer.download')}
            </Button>
            {kind && outsideButton('subtle')}
            {canDelete && !readOnly && (
              <Button variant="light" color="red" leftSection={<IconTrash size={16} />} onClick={requestDelete}>
                {t('viewer.delete')}
              </Button>
            )}
          </Group>
        </Stack>
      </Grid.Col>
    </Grid>
  );
}
