/**
 * The console's Content-Security-Policy: scripts only from the console with this response's
 * nonce, no plugins, no <base>, connections only to the console (the browser never talks to the
 * API server), and framing only by the configured ancestors ('self' by default).
 */
export function contentSecurityPolicy(nonce: string, frameAncestors: string, dev: boolean): string {
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ''}`,
    `style-src 'self' 'nonce-${nonce}'`,
    // React renders style attributes (virtualised rows, chart bars); attributes cannot run script.
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src 'self'${dev ? ' ws:' : ''}`,
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    `frame-ancestors ${sanitizeSources(frameAncestors)}`,
  ];
  return directives.join('; ');
}

/** Keeps only well-formed CSP source expressions from configuration. */
export function sanitizeSources(value: string): string {
  const ok = value
    .split(/\s+/)
    .filter((s) => /^'(self|none)'$/.test(s) || /^https?:\/\/[A-Za-z0-9.-]+(:\d+)?$/.test(s) || /^https:\/\/\*\.[A-Za-z0-9.-]+$/.test(s));
  return ok.length ? ok.join(' ') : "'self'";
}
