import { Select, Stack } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useCallback, useMemo } from 'react';
import type { TemplateSummary } from '#shared/domain/template';
import { defaultTemplateFor, isSurveillance } from '#shared/rules/checklist';
import { useOp } from '../../api/ops';
import type { AuditFormValues } from './auditFormValues';
import { SamplingPicker } from '../../components/SamplingPicker';

/** One option per template id (the newest version listed wins). */
function options(templates: TemplateSummary[], stage: TemplateSummary['stage']) {
  const byId = new Map<string, TemplateSummary>();
  for (const t of templates) if (t.stage === stage) byId.set(t.id, t);
  return [...byId.values()].map((t) => ({
    value: t.id,
    label: `${t.title} (version ${t.version}${t.builtin ? '' : ', imported'})`,
  }));
}

/** The template a new audit copies its checklist from, and for surveillance what it samples. */
export function ChecklistChoice({ form }: { form: UseFormReturnType<AuditFormValues> }) {
  const { type, templateId, clientId, sampledRefs } = form.values;
  const templates = useOp('templates.list', {});
  const stage = type === 'stage1' ? 'stage1' : 'stage2';
  const data = useMemo(() => options(templates.data ?? [], stage), [templates.data, stage]);
  const chosen = type ? templateId || defaultTemplateFor(type) : null;
  const { setFieldValue } = form;
  const setSampled = useCallback((refs: string[]) => setFieldValue('sampledRefs', refs), [setFieldValue]);

  return (
    <Stack gap="md">
      <Select
        label="Checklist template"
        description="The audit gets its own copy of the template's items; later template changes do not touch it."
        placeholder={type ? 'Choose a template' : 'Choose the audit type first'}
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
