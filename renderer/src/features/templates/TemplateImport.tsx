import { Alert, Button, CloseButton, FileButton, Group, List, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconFileImport } from '@tabler/icons-react';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError, FieldIssue } from '#shared/api/result';
import { useWriteOp } from '../../api/ops';
import { errorText } from '../../i18n/errorText';
import { formatBytes } from '../../lib/files';
import { notifySuccess } from '../../lib/notify';

/** Templates are a few hundred KB at most; a bigger file is not a template. */
const MAX_TEMPLATE_BYTES = 2 * 1024 * 1024;

interface Failure {
  file: string;
  error: ApiError;
}

/**
 * "items.3.questions" → "items[3].questions": the field at fault, as a path into the JSON file;
 * `whole` names the file itself (an issue on no field).
 */
export function issuePath(issue: FieldIssue, whole: string): string {
  const path = issue.path[0] === 'template' ? issue.path.slice(1) : issue.path;
  return path.reduce<string>((s, p) => (typeof p === 'number' ? `${s}[${p}]` : s ? `${s}.${p}` : p), '') || whole;
}

export function TemplateImport() {
  const { t } = useTranslation('templates');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<Failure | null>(null);
  const resetRef = useRef<() => void>(null);
  // The list refreshes itself after an import (api/invalidation.ts).
  const importTemplate = useWriteOp('templates.import');

  const pick = async (file: File | null) => {
    resetRef.current?.();
    if (!file) return;
    const fail = (message: string) => setFailure({ file: file.name, error: { code: 'invalid_input', message } });
    if (file.size > MAX_TEMPLATE_BYTES) return fail(t('import.tooLarge', { size: formatBytes(file.size) }));
    setBusy(true);
    try {
      let template: unknown;
      try {
        template = JSON.parse(await file.text());
      } catch (e) {
        return fail(t('import.notJson', { reason: e instanceof Error ? e.message : t('import.unreadable') }));
      }
      const result = await importTemplate.mutate({ template });
      if (!result.ok) return setFailure({ file: file.name, error: result.error });
      setFailure(null);
      notifySuccess(t('import.done', { title: result.value.title, version: result.value.version }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Stack gap="sm">
      <Group>
        <FileButton
          onChange={(f) => void pick(f)}
          accept=".json,application/json"
          resetRef={resetRef}
          inputProps={{ 'aria-label': t('import.fileLabel') }}
        >
          {(props) => (
            <Button leftSection={<IconFileImport size={16} />} loading={busy} {...props}>
              {t('import.button')}
            </Button>
          )}
        </FileButton>
      </Group>
      {failure && (
        <Alert
          color="red"
          icon={<IconAlertTriangle />}
          title={t('import.failed', { file: failure.file })}
          role="alert"
          withCloseButton={false}
        >
          <Group justify="space-between" align="flex-start" wrap="nowrap">
            <Stack gap={4}>
              {/* The message already quotes the first problem; with the list below it would be said twice. */}
              <Text size="sm">
                {failure.error.issues?.length ? t('import.formatProblems') : errorText(failure.error)}
              </Text>
              {failure.error.issues && failure.error.issues.length > 0 && (
                <List size="sm" spacing={2} aria-label={t('import.problemsLabel')}>
                  {failure.error.issues.map((issue, i) => (
                    <List.Item key={i}>
                      <Text span size="sm" ff="monospace" fw={600}>
                        {issuePath(issue, t('import.theFile'))}
                      </Text>
                      : {issue.message}
                    </List.Item>
                  ))}
                </List>
              )}
            </Stack>
            <CloseButton aria-label={t('import.dismiss')} onClick={() => setFailure(null)} />
          </Group>
        </Alert>
      )}
    </Stack>
  );
}
