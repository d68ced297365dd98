// The styles load beside this chunk (the import waits for them), not in the page's head: see main.tsx.
import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import '@mantine/charts/styles.css';
import { MantineProvider } from '@mantine/core';
import { ModalsProvider } from '@mantine/modals';
import { Notifications } from '@mantine/notifications';
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { requestDailyBackup } from '../features/backups/dailyBackup';
import { App } from './App';
import { preloadAllRoutes } from './routes';
import { cssVariablesResolver, theme } from './theme';
import { whenSettled } from './whenSettled';

/** Renders the app into `root` with the query cache main.tsx already started filling. */
export function start(root: HTMLElement, queryClient: QueryClient): void {
  createRoot(root).render(
    <StrictMode>
      <QueryClientProvider client={queryClient}>
        <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="auto">
          <ModalsProvider labels={{ confirm: 'Confirm', cancel: 'Cancel' }} modalProps={{ centered: true }}>
            <Notifications position="top-center" limit={4} />
            <App />
          </ModalsProvider>
        </MantineProvider>
      </QueryClientProvider>
    </StrictMode>,
  );

  // The other screens' code and the daily backup wait until the first screen has its answers and the browser is
  // idle, so that neither competes with the first paint and no later navigation waits for a chunk.
  whenSettled(queryClient, () => {
    preloadAllRoutes();
    requestDailyBackup();
  });
}
