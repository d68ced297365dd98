import { CONTENT_SECURITY_POLICY } from '#shared/security';

export { CONTENT_SECURITY_POLICY };

type Headers = Record<string, string[] | string>;

/** Returns a copy of `headers` whose only CSP is ours, whatever the response said. */
export function withCsp(headers: Headers | undefined): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    const lower = name.toLowerCase();
    if (lower === 'content-security-policy' || lower === 'content-security-policy-report-only') continue;
    out[name] = Array.isArray(value) ? value : [value];
  }
  out['Content-Security-Policy'] = [CONTENT_SECURITY_POLICY];
  return out;
}
