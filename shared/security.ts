/**
 * The one Content-Security-Policy for every way the renderer is served
 * (Electron's app:// protocol and the browser preview host). Mantine injects
 * style attributes, hence 'unsafe-inline' for styles only; scripts never.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "media-src 'self' blob:",
  "connect-src 'self'",
  // Evidence PDFs are shown in an iframe of a blob: URL made from their bytes.
  'frame-src blob:',
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'none'",
].join('; ');
