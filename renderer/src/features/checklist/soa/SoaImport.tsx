import { Button, FileButton } from '@mantine/core';
import { IconFileImport } from '@tabler/icons-react';
import { memo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '#shared/api/result';
import { SOA_MAX_BYTES, type SoaPreview } from '#shared/domain/checklist';
import { useWriteOp } from '../../../api/ops';
import { formatBytes, readAsBase64 } from '../../../lib/files';
import { notifyError, notifySuccess } from '../../../lib/notify';
import { SoaPreviewModal } from './SoaPreviewModal';

export interface PendingSoa {
  file: { name: string; contentBase64: string };
  /** What applying would change, or the reason the file cannot be applied. */
  outcome: { ok: true; value: SoaPreview } | { ok: false; error: ApiError };
}

/**
 * Statement of Applicability import: pick a CSV or XLSX file, see what it
 * would change, then apply or cancel. Nothing changes before "Apply".
 */
export const SoaImport = memo(function SoaImport({ auditId }: { auditId: string }) {
  const { t } = useTranslation('checklist');
  const [reading, setReading] = useState(false);
  const [applying, setApplying] = useState(false);
  const [pending, setPending] = useState<PendingSoa | null>(null);
  const resetRef = useRef<() => void>(null);
  // Applying refreshes the checklist and the audit, which names the SoA version (api/invalidation.ts).
  const applySoa = useWriteOp('soa.apply');
  const previewSoa = useWriteOp('soa.preview');

  const pick = async (picked: File | null) => {
    resetRef.current?.();
    if (!picked) return;
    if (picked.size > SOA_MAX_BYTES) {
      return notifyError(
        {
          code: 'too_large',
          message: t('soa.tooLarge', {
            name: picked.name,
            size: formatBytes(picked.size),
            max: formatBytes(SOA_MAX_BYTES),
          }),
        },
        t('soa.tooLargeTitle'),
      );
    }
    setReading(true);
    try {
      const file = { name: picked.name, contentBase64: await readAsBase64(picked) };
      const outcome = await previewSoa.mutate({ auditId, file });
      setPending({ file, outcome });
    } catch {
      notifyError(
        { code: 'invalid_input', message: t('soa.unreadable', { name: picked.name }) },
        t('soa.unreadableTitle'),
      );
    } finally {
      setReading(false);
    }
  };

  const apply = async () => {
    if (!pending) return;
    setApplying(true);
    const result = await applySoa.mutate({ auditId, file: pending.file }).finally(() => setApplying(false));
    if (!result.ok) return notifyError(result.error, t('soa.notApplied'));
    setPending(null);
    const version = result.value.soaVersion;
    notifySuccess(version ? t('soa.appliedVersion', { version }) : t('soa.applied'));
  };

  return (
    <>
      <FileButton
        onChange={(f) => void pick(f)}
        accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        resetRef={resetRef}
        inputProps={{ 'aria-label': t('soa.fileLabel') }}
      >
        {(props) => (
          <Button variant="default" leftSection={<IconFileImport size={16} />} loading={reading} {...props}>
            {t('soa.import')}
          </Button>
        )}
      </FileButton>
      <SoaPreviewModal
        pending={pending}
        applying={applying}
        onApply={() => void apply()}
        onCancel={() => setPending(null)}
      />
    </>
  );
});
