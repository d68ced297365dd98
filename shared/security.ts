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
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'none'",
].join('; ');
