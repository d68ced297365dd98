import { Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ReportTemplate, TemplateChoice } from '#shared/domain/report-templates';
import { LANGUAGE_NATIVE_NAMES } from '#shared/i18n/languages';

/** The Select's value: 'default' (the default template of the audit's report language, else built in), 'builtin' or a template id. */
export type ReportLayout = string;

/**
 * What the export is asked for: nothing for the default (the backend picks it),
 * else the choice. A template removed since it was picked falls back to the default.
 */
export function layoutChoice(layout: ReportLayout, templates: readonly ReportTemplate[]): TemplateChoice | undefined {
  if (layout === 'default') return undefined;
  if (layout === 'builtin') return 'builtin';
  return templates.some((t) => t.id === layout) ? layout : undefined;
}

/**
 * Settings → Report templates' Word layouts for the audit report, chosen per
 * export (the CLI's --template). Shown only when there is a template to choose.
 */
export function ReportLayoutSelect(props: {
  templates: readonly ReportTemplate[];
  value: ReportLayout;
  onChange: (layout: ReportLayout) => void;
  disabled?: boolean;
}) {
  const { t } = useTranslation('report');
  if (props.templates.length === 0) return null;
  const value = layoutChoice(props.value, props.templates) ?? 'default';
  return (
    <Select
      label={t('export.layout')}
      description={t('export.layoutHint')}
      data={[
        { value: 'default', label: t('export.layoutDefault') },
        { value: 'builtin', label: t('export.layoutBuiltin') },
        ...props.templates.map((tpl) => ({
          value: tpl.id,
          label: t('export.layoutOption', { name: tpl.name, language: LANGUAGE_NATIVE_NAMES[tpl.language] }),
        })),
      ]}
      value={value}
      onChange={(v) => v && props.onChange(v)}
      allowDeselect={false}
      disabled={props.disabled}
      maw={420}
    />
  );
}
