import { Select, Stack } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useCallback, useMemo } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { TemplateSummary } from '#shared/domain/template';
import { defaultTemplateFor, isSurveillance } from '#shared/rules/checklist';
import { useOp } from '../../api/ops';
import type { AuditFormValues } from './auditFormValues';
import { SamplingPicker } from '../../components/SamplingPicker';

/** One option per template id (the newest version listed wins). */
function options(templates: TemplateSummary[], stage: TemplateSummary['stage'], t: TFunction<'audits'>) {
  const byId = new Map<string, TemplateSummary>();
  for (const tpl of templates) if (tpl.stage === stage) byId.set(tpl.id, tpl);
  return [...byId.values()].map((tpl) => ({
    value: tpl.id,
    label: t(tpl.builtin ? 'checklistChoice.builtin' : 'checklistChoice.imported', {
      title: tpl.title,
      version: tpl.version,
    }),
  }));
}

/** The template a new audit copies its checklist from, and for surveillance what it samples. */
export function ChecklistChoice({ form }: { form: UseFormReturnType<AuditFormValues> }) {
  const { t } = useTranslation('audits');
  const { type, templateId, clientId, sampledRefs } = form.values;
  const templates = useOp('templates.list', {});
  const stage = type === 'stage1' ? 'stage1' : 'stage2';
  const data = useMemo(() => options(templates.data ?? [], stage, t), [templates.data, stage, t]);
  const chosen = type ? templateId || defaultTemplateFor(type) : null;
  const { setFieldValue } = form;
  const setSampled = useCallback((refs: string[]) => setFieldValue('sampledRefs', refs), [setFieldValue]);

  return (
    <Stack gap="md">
      <Select
        label={t('checklistChoice.label')}
        description={t('checklistChoice.hint')}
        placeholder={type ? t('checklistChoice.choose') : t('checklistChoice.chooseTypeFirst')}
        disabled={!type}
        data={data}
        value={chosen && data.some((o) => o.value === chosen) ? chosen : null}
        allowDeselect={false}
        onChange={(v) => {
          setFieldValue('templateId', v ?? '');
          setFieldValue('sampledRefs', null);
        }}
        error={form.errors.templateId}
      />
      {type && isSurveillance(type) && (
        <SamplingPicker
          clientId={clientId}
          templateId={templateId}
          value={sampledRefs}
          onChange={setSampled}
          error={typeof form.errors.sampledRefs === 'string' ? form.errors.sampledRefs : undefined}
        />
      )}
    </Stack>
  );
}
