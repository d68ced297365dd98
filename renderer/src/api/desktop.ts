import type { DesktopApi } from '#shared/api/contract';

/**
 * What only the desktop app offers (the preload's `window.fieldwork.desktop`): evidence imported by path, the data
 * folder shown in the file manager, Quit. Null in the browser preview, whose screens then hide those buttons or
 * fall back (uploads).
 */
export function desktopApi(): DesktopApi | null {
  return (typeof window !== 'undefined' && window.fieldwork?.desktop) || null;
}
