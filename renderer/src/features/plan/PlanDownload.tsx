import { Button } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getApi } from '../../api/client';
import { downloadBytes } from '../../api/bytes';
import { mediaTypeOf, saveBlob } from '../../lib/download';
import { errorText } from '../../i18n/errorText';
import { notifyError } from '../../lib/notify';

const POLL_MS = 250;

/**
 * The plan as a DOCX draft for the client, through the export job. A signed
 * copy is `fieldwork export-plan --sign` (the signing identity stays with the CLI's passphrase file).
 */
export function PlanDownload({ auditId }: { auditId: string }) {
  const { t } = useTranslation('plan');
  const [busy, setBusy] = useState(false);
  const run = async () => {
    const api = getApi();
    setBusy(true);
    try {
      const started = await api.invoke('exports.start', { auditId, kind: 'plan', format: 'docx' });
      if (!started.ok) return notifyError(started.error, t('download.notWritten'));
      let job = started.value;
      while (job.state === 'running') {
        await new Promise((r) => setTimeout(r, POLL_MS));
        const status = await api.invoke('exports.status', { jobId: job.id });
        if (!status.ok) return notifyError(status.error, t('download.notWritten'));
        job = status.value;
      }
      if (job.state !== 'done') {
        const message = job.error?.message ? errorText(job.error) : t('download.stopped');
        return notifyError({ code: 'internal', message }, t('download.notWritten'));
      }
      saveBlob(await downloadBytes({ kind: 'export', jobId: job.id }, mediaTypeOf(job.fileName)), job.fileName);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button variant="default" leftSection={<IconDownload size={16} />} loading={busy} onClick={() => void run()}>
      {t('download.button')}
    </Button>
  );
}
