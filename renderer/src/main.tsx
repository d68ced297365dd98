import { createQueryClient } from './app/queryClient';
import { startRoute } from './app/routes';
import { loadCatalogues } from './i18n/catalogues';
import { resolveLanguage, storedLanguageChoice } from './i18n/preference';
import { parseHash } from './lib/router';

/**
 * The first chunk is small on purpose: it asks for the opened screen's first
 * read and code at once, and the user's language's catalogues (one chunk per
 * language), then loads React, Mantine and the shell (app/start), so the
 * answer travels while that larger chunk is parsed and rendered. The
 * styles come with app/start: a stylesheet in the page's head would hold this
 * chunk back until it had loaded, and nothing is drawn before start anyway.
 */
const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

const queryClient = createQueryClient();
startRoute(parseHash(window.location.hash), queryClient);
// A navigation in the app starts the next screen's first read the same way, before React renders that screen
// (this listener is added before the router's, so it runs first).
window.addEventListener('hashchange', () => startRoute(parseHash(window.location.hash), queryClient));
// app/start's i18n setup takes this same load (loadCatalogues keeps it).
void loadCatalogues(resolveLanguage(storedLanguageChoice()));
void import('./app/start').then(({ start }) => start(root, queryClient));
