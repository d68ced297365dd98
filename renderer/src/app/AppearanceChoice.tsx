import { Text, useMantineColorScheme, type MantineColorScheme } from '@mantine/core';
import { memo, useId } from 'react';
import { useTranslation } from 'react-i18next';
import classes from './AppearanceChoice.module.css';

const SCHEMES = [
  { value: 'light', key: 'light' },
  { value: 'dark', key: 'dark' },
  { value: 'auto', key: 'system' },
] as const satisfies readonly { value: MantineColorScheme; key: string }[];

/**
 * Light, dark or as the system says; Mantine keeps the choice in local storage. Native radio buttons (arrow keys
 * move the choice) styled as segments, with no measuring after mount (AppearanceChoice.module.css); memoised, so a
 * navigation, which renders the shell again, leaves it alone.
 */
export const AppearanceChoice = memo(function AppearanceChoice() {
  const { colorScheme, setColorScheme } = useMantineColorScheme();
  const { t } = useTranslation('shell');
  const name = useId();
  return (
    <div role="group" aria-labelledby="nav-appearance">
      <Text size="xs" c="dimmed" px="sm" mt="sm" mb={4} id="nav-appearance">
        {t('appearance.label')}
      </Text>
      <div className={classes.segments}>
        {SCHEMES.map(({ value, key }) => (
          <label key={value} className={classes.segment}>
            <input
              type="radio"
              className={classes.input}
              name={name}
              value={value}
              checked={colorScheme === value}
              onChange={() => setColorScheme(value)}
            />
            <span className={classes.label}>{t(`appearance.${key}`)}</span>
          </label>
        ))}
      </div>
    </div>
  );
});
