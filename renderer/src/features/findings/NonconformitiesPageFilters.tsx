import { Group, MultiSelect, Switch, TextInput } from '@mantine/core';
import { memo, useMemo, type Dispatch, type SetStateAction } from 'react';
import { useTranslation } from 'react-i18next';
import { FINDING_STATUSES, FINDING_TYPES, type FindingStatus, type FindingType } from '#shared/domain/finding';

export interface RegisterFilters {
  status: FindingStatus[];
  type: FindingType[];
  requirement: string;
  overdue: boolean;
}

type Setter<K extends keyof RegisterFilters> = Dispatch<SetStateAction<RegisterFilters[K]>>;

/**
 * The register's filters. Memoised: the page renders again when the list's answer arrives, and the two
 * multi-selects and the switch need not (their props are the filters and React's state setters, which stay).
 */
export const NonconformitiesPageFilters = memo(function NonconformitiesPageFilters({
  status,
  type,
  requirement,
  overdue,
  setStatus,
  setType,
  setRequirement,
  setOverdue,
}: RegisterFilters & {
  setStatus: Setter<'status'>;
  setType: Setter<'type'>;
  setRequirement: Setter<'requirement'>;
  setOverdue: Setter<'overdue'>;
}) {
  const { t } = useTranslation('findings');
  const statusOptions = useMemo(
    () => FINDING_STATUSES.map((s) => ({ value: s, label: t(`labels:findingStatus.${s}`) })),
    [t],
  );
  const typeOptions = useMemo(() => FINDING_TYPES.map((v) => ({ value: v, label: t(`labels:findingType.${v}`) })), [t]);
  return (
    <Group align="flex-end" gap="sm" mb="md" wrap="wrap" role="search" aria-label={t('register.filters')}>
      <MultiSelect
        label={t('register.status')}
        placeholder={status.length ? undefined : t('register.anyStatus')}
        data={statusOptions}
        value={status}
        onChange={(v) => setStatus(v)}
        clearable
        w={260}
      />
      <MultiSelect
        label={t('register.type')}
        placeholder={type.length ? undefined : t('register.anyType')}
        data={typeOptions}
        value={type}
        onChange={(v) => setType(v)}
        clearable
        w={260}
      />
      <TextInput
        label={t('register.requirement')}
        placeholder={t('register.requirementPlaceholder')}
        value={requirement}
        onChange={(e) => setRequirement(e.currentTarget.value)}
        w={170}
      />
      <Switch
        label={t('register.overdueOnly')}
        checked={overdue}
        onChange={(e) => setOverdue(e.currentTarget.checked)}
        mb={8}
      />
    </Group>
  );
});
