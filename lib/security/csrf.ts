import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Cross-site request defences for mutations and streams: the request must come from the
 * console's own origin (Sec-Fetch-Site, or Origin against Host) and carry the anti-CSRF header,
 * whose value is bound to the session. A cross-site page can set neither without a CORS
 * preflight the console never answers, and SameSite=None cookies in frames make both mandatory.
 */
export const CSRF_HEADER = 'x-glasspane-csrf';

export function csrfToken(key: Buffer, username: string, issuedAt: number): string {
  return createHmac('sha256', key).update(`${username}\n${issuedAt}`).digest('base64url');
}

export type CsrfVerdict = { ok: true } | { ok: false; reason: string };

export function sameOrigin(h: Pick<Headers, 'get'>): CsrfVerdict {
  const site = h.get('sec-fetch-site');
  if (site) return site === 'same-origin' ? { ok: true } : { ok: false, reason: `cross-site request refused (Sec-Fetch-Site: ${site})` };
  const origin = h.get('origin');
  const host = h.get('x-forwarded-host') ?? h.get('host');
  if (!origin) return { ok: false, reason: 'the request has no Origin header' };
  try {
    if (new URL(origin).host === host) return { ok: true };
  } catch {
    // fall through
  }
  return { ok: false, reason: `cross-origin request refused (Origin: ${origin})` };
}

export function verifyCsrf(h: Pick<Headers, 'get'>, expected: string): CsrfVerdict {
  const origin = sameOrigin(h);
  if (!origin.ok) return origin;
  const given = h.get(CSRF_HEADER) ?? '';
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  if (a.length !== b.length || !timingSafeEqual(a, b)) return { ok: false, reason: `missing or invalid ${CSRF_HEADER} header` };
  return { ok: true };
}
