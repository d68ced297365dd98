import { NativeSelect } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LANGUAGE_NATIVE_NAMES, LANGUAGES } from '#shared/i18n/languages';
import { chooseLanguage } from './instance';
import { storedLanguageChoice, type LanguageChoice } from './preference';
import { useState } from 'react';

/**
 * Settings → Language: the system's language, or one of ours by its own name
 * (a German reader looks for "Deutsch"). Applies at once, kept on this computer.
 */
export function LanguageSelect() {
  const { t } = useTranslation('shell');
  const [choice, setChoice] = useState<LanguageChoice>(storedLanguageChoice);
  const data = [
    { value: 'system', label: t('language.system') },
    ...LANGUAGES.map((lng) => ({ value: lng, label: LANGUAGE_NATIVE_NAMES[lng] })),
  ];
  return (
    <NativeSelect
      size="xs"
      label={t('language.label')}
      data={data}
      value={choice}
      onChange={(e) => {
        const next = e.currentTarget.value as LanguageChoice;
        setChoice(next);
        chooseLanguage(next);
      }}
    />
  );
}
