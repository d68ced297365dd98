import { Select, TextInput, type SelectProps, type TextInputProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Audit } from '#shared/domain/audit';
import type { AuditRefs } from '../../lib/useAuditRefs';

/** A new record's site when the audit covers exactly one: there is nothing to choose. */
export const onlySite = (audit: Pick<Audit, 'siteIds'>): string | null =>
  audit.siteIds.length === 1 ? (audit.siteIds[0] ?? null) : null;

/** A new record's auditors present when the team is one person. */
export const onlyMember = (audit: Pick<Audit, 'team'>): string[] =>
  audit.team.length === 1 && audit.team[0] ? [audit.team[0].id] : [];

/**
 * The site a record was made at: one of the audit's sites in scope, or the
 * record's own site even if it left the scope since (shown by name).
 */
export function SiteSelect({ refs, current, ...props }: SelectProps & { refs: AuditRefs; current: string | null }) {
  const options =
    current && !refs.sites.some((s) => s.value === current)
      ? [...refs.sites, { value: current, label: refs.siteName(current) }]
      : refs.sites;
  const { t } = useTranslation('records');
  return (
    <Select
      label={t('fields.site')}
      placeholder={options.length ? t('fields.chooseSite') : t('fields.noSites')}
      data={options}
      clearable
      {...props}
    />
  );
}

/** When a record was made: wall-clock time on site ('2026-03-14T09:30'), required. */
export function OnSiteTimeInput({ readOnly, ...props }: TextInputProps) {
  const { t } = useTranslation('records');
  return (
    <TextInput
      type="datetime-local"
      label={t('fields.dateTime')}
      description={readOnly ? undefined : t('fields.localTime')}
      withAsterisk
      readOnly={readOnly}
      {...props}
    />
  );
}
