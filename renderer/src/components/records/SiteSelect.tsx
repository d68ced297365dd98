import { Select, type SelectProps } from '@mantine/core';
import type { AuditRefs } from '../../lib/useAuditRefs';

/**
 * The site a record was made at: one of the audit's sites in scope, or the
 * record's own site even if it left the scope since (shown by name).
 */
export function SiteSelect({ refs, current, ...props }: SelectProps & { refs: AuditRefs; current: string | null }) {
  const options =
    current && !refs.sites.some((s) => s.value === current)
      ? [...refs.sites, { value: current, label: refs.siteName(current) }]
      : refs.sites;
  return (
    <Select
      label="Site"
      placeholder={options.length ? 'Choose a site' : 'No sites in scope'}
      data={options}
      clearable
      {...props}
    />
  );
}
