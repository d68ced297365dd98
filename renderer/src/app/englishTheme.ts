import { shellEn } from '../i18n/shell/en';
import { themeWith } from './theme';

/**
 * The theme in English, for tests that read its colours. The app renders themeWith in the UI language; this is
 * a module of its own so that the app's code does not import the English catalogue (it is in the English chunk).
 */
export const theme = themeWith(shellEn.theme);
