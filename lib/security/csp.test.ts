import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, sanitizeSources } from './csp';

describe('content security policy', () => {
  it('is strict by default', () => {
    const csp = contentSecurityPolicy('abc123', "'self'", false);
    expect(csp).toContain("script-src 'self' 'nonce-abc123' 'strict-dynamic'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("base-uri 'none'");
    expect(csp).toContain("frame-ancestors 'self'");
    expect(csp).toContain("connect-src 'self'");
    expect(csp).not.toContain('unsafe-eval');
  });

  it('takes frame-ancestors from configuration, dropping anything malformed', () => {
    expect(sanitizeSources("'self' https://vcenter.example.com http://localhost:4000")).toBe("'self' https://vcenter.example.com http://localhost:4000");
    expect(sanitizeSources("'self'; script-src *")).toBe("'self'");
    expect(sanitizeSources('javascript:alert(1)')).toBe("'self'");
    expect(sanitizeSources('')).toBe("'self'");
  });
});
