import { Alert, Text } from '@mantine/core';
import { IconScale } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { FindingType } from '#shared/domain/finding';

/** How to grade, in our own words (findings:grading), next to the type being chosen. */
export function GradingGuidance({ type }: { type: FindingType }) {
  const { t } = useTranslation('findings');
  return (
    <Alert
      variant="light"
      color="gray"
      icon={<IconScale size={18} />}
      title={t('grading.whenToChoose', { title: t(`grading.${type}.title`) })}
      p="sm"
    >
      <Text size="sm">{t(`grading.${type}.text`)}</Text>
    </Alert>
  );
}
