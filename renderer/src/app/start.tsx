// The styles load beside this chunk (the import waits for them), not in the page's head: see main.tsx.
import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import '@mantine/charts/styles.css';
import { MantineProvider } from '@mantine/core';
import { ModalsProvider } from '@mantine/modals';
import { Notifications } from '@mantine/notifications';
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { StrictMode, useMemo, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { useTranslation } from 'react-i18next';
import { requestDailyBackup } from '../features/backups/dailyBackup';
import { initI18n } from '../i18n/instance';
import { App } from './App';
import { routePreloads } from './routes';
import { cssVariablesResolver, themeWith } from './theme';
import { inTheBackground } from './backgroundWork';

/** Mantine's confirm dialogs in the UI language (their buttons follow a language change at once). */
function TranslatedModals({ children }: { children: ReactNode }) {
  const { t } = useTranslation('common');
  return (
    <ModalsProvider labels={{ confirm: t('confirm'), cancel: t('cancel') }} modalProps={{ centered: true }}>
      {children}
    </ModalsProvider>
  );
}

/** Mantine with the theme's button names (a dialog's close ×) in the UI language. */
function TranslatedTheme({ children }: { children: ReactNode }) {
  const { t } = useTranslation('shell');
  const close = t('theme.close');
  const eyeDropper = t('theme.eyeDropper');
  const passwordToggle = t('theme.passwordToggle');
  const theme = useMemo(() => themeWith({ close, eyeDropper, passwordToggle }), [close, eyeDropper, passwordToggle]);
  return (
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="auto">
      {children}
    </MantineProvider>
  );
}

/** Renders the app into `root` with the query cache main.tsx already started filling. */
export async function start(root: HTMLElement, queryClient: QueryClient): Promise<void> {
  // The user's language's catalogues (asked for by main.tsx beside this chunk): the first render is in that language.
  await initI18n();
  createRoot(root).render(
    <StrictMode>
      <QueryClientProvider client={queryClient}>
        <TranslatedTheme>
          <TranslatedModals>
            <Notifications position="top-center" limit={4} />
            <App />
          </TranslatedModals>
        </TranslatedTheme>
      </QueryClientProvider>
    </StrictMode>,
  );

  // The other screens' code, then the daily backup: one at a time, each once the app has been quiet for a second
  // and the browser is idle, so that none competes with the first paint or with the next screen's own load.
  void inTheBackground(queryClient, [...routePreloads(), requestDailyBackup]);
}
