import { shell, type WebContents } from 'electron';

/** Only plain https URLs without credentials may leave the app (opened in the system browser). */
export function safeExternalUrl(raw: unknown): string | null {
  if (typeof raw !== 'string') return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' || url.username !== '' || url.password !== '' || url.hostname === '') return null;
  return url.href;
}

/**
 * The app is one page with hash routing, so any navigation, redirect, popup
 * or <webview> is unexpected: block it. https links asked to open in a new
 * window go to the system browser instead.
 */
export function hardenWebContents(contents: WebContents): void {
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    const external = safeExternalUrl(url);
    // electronegativity OPEN_EXTERNAL: only what safeExternalUrl lets through, a well-formed https: URL.
    if (external !== null) void shell.openExternal(external).catch(() => undefined); // eng-disable OPEN_EXTERNAL_JS_CHECK
    return { action: 'deny' };
  });
}
