import { Alert, Button, FileInput, Group, List, Modal, Select, Stack, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  REPORT_TEMPLATE_MAX_BYTES,
  REPORT_TEMPLATE_TYPES,
  type ReportTemplateType,
} from '#shared/domain/report-templates';
import { LANGUAGE_NATIVE_NAMES, LANGUAGES, type Language } from '#shared/i18n/languages';
import type { ApiError } from '#shared/api/result';
import { useWriteOp } from '../../api/ops';
import { errorText } from '../../i18n/errorText';
import { readAsBase64 } from '../../lib/files';
import { notifySuccess } from '../../lib/notify';

/** What the trial render found, read from the refusal's issues (the backend lists each by path). */
function findings(error: ApiError): { unknown: string[]; missing: string[] } {
  const issues = error.issues ?? [];
  return {
    unknown: issues.filter((i) => i.path[0] === 'unknownPlaceholders').map((i) => i.message),
    missing: issues.filter((i) => i.path[0] === 'missingContents').map((i) => i.message),
  };
}

/**
 * Import a Word template: the backend checks it (a trial render of a sample
 * audit) and refuses it with what it found; the lists are shown, and the user
 * may correct the file or import it anyway.
 */
export function ImportReportTemplateModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation('reportTemplates');
  const importOp = useWriteOp('reportTemplates.import');
  const [file, setFile] = useState<File | null>(null);
  const [name, setName] = useState('');
  const [type, setType] = useState<ReportTemplateType>('report');
  const [language, setLanguage] = useState<Language>('en');
  const [error, setError] = useState<ApiError | string | null>(null);
  const [busy, setBusy] = useState(false);

  const reset = () => {
    setFile(null);
    setName('');
    setError(null);
    setBusy(false);
  };
  const close = () => {
    reset();
    onClose();
  };
  const choose = (f: File | null) => {
    setFile(f);
    setError(null);
    if (f && !name) setName(f.name.replace(/\.docx$/i, ''));
  };

  const send = async (acceptWarnings: boolean) => {
    if (!file) return;
    if (file.size > REPORT_TEMPLATE_MAX_BYTES) return setError(t('dialog.tooLarge'));
    setBusy(true);
    const dataBase64 = await readAsBase64(file);
    const result = await importOp.mutate({ type, language, name, dataBase64, acceptWarnings, by: '' });
    setBusy(false);
    if (!result.ok) return setError(result.error);
    notifySuccess(t('dialog.imported', { name: result.value.name }));
    close();
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void send(false);
  };

  const found = error && typeof error !== 'string' ? findings(error) : { unknown: [], missing: [] };
  const overridable = found.unknown.length + found.missing.length > 0;
  return (
    <Modal opened={opened} onClose={close} title={t('dialog.title')} centered size="lg">
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Text size="sm">{t('placeholdersHint')}</Text>
          <FileInput
            label={t('dialog.file')}
            placeholder={t('dialog.filePlaceholder')}
            withAsterisk
            accept=".docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
            value={file}
            onChange={choose}
            clearable
            data-autofocus
          />
          <TextInput label={t('dialog.name')} value={name} onChange={(e) => setName(e.currentTarget.value)} required />
          <Group grow>
            <Select
              label={t('dialog.type')}
              data={REPORT_TEMPLATE_TYPES.map((v) => ({ value: v, label: t(`types.${v}`) }))}
              value={type}
              onChange={(v) => v && setType(v)}
              allowDeselect={false}
            />
            <Select
              label={t('dialog.language')}
              data={LANGUAGES.map((v) => ({ value: v, label: LANGUAGE_NATIVE_NAMES[v] }))}
              value={language}
              onChange={(v) => v && setLanguage(v)}
              allowDeselect={false}
            />
          </Group>
          {error && (
            <Alert color={overridable ? 'orange' : 'red'} role="alert" title={t('dialog.refused')}>
              {typeof error === 'string' ? (
                error
              ) : overridable ? (
                <Stack gap="xs">
                  {found.unknown.length > 0 && (
                    <div>
                      <Text size="sm" fw={500}>
                        {t('dialog.unknownTitle')}
                      </Text>
                      <List size="sm">
                        {found.unknown.map((u) => (
                          <List.Item key={u}>
                            <code>{u}</code>
                          </List.Item>
                        ))}
                      </List>
                    </div>
                  )}
                  {found.missing.length > 0 && (
                    <div>
                      <Text size="sm" fw={500}>
                        {t('dialog.missingTitle')}
                      </Text>
                      <List size="sm">
                        {found.missing.map((m) => (
                          <List.Item key={m}>{m}</List.Item>
                        ))}
                      </List>
                    </div>
                  )}
                  <Text size="sm">{t('dialog.anywayHint')}</Text>
                </Stack>
              ) : (
                errorText(error)
              )}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('dialog.cancel')}
            </Button>
            {overridable && (
              <Button color="orange" variant="light" loading={busy} onClick={() => void send(true)}>
                {t('dialog.anyway')}
              </Button>
            )}
            <Button type="submit" loading={busy} disabled={!file || !name.trim()}>
              {t('dialog.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
