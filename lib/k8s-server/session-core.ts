import 'server-only';
import { randomBytes } from 'node:crypto';
import { readSecurityEnv } from '../env';
import { csrfToken } from '../security/csrf';
import { deriveKey, seal, unseal } from '../security/session-seal';

/**
 * The console's only state about a user lives in this cookie: the bearer token they signed in
 * with, their username, and when the session expires, sealed so the browser can neither read
 * nor forge it. No server-side store exists, so any replica sharing the secret serves any user.
 */
export interface Session {
  token: string;
  username: string;
  /** A namespace the user is known to work in (a kubeconfig context's), as a hint for discovery. */
  namespace?: string;
  /** Epoch seconds. */
  issuedAt: number;
  expiresAt: number;
}

export const SESSION_COOKIE = 'gp_session';

/**
 * Embedded views (frames) send the sealed session in this header instead of relying on a cookie,
 * so blocked third-party cookies cannot break them. A page on another origin can neither read
 * the value (it lives only in the frame's memory, handed out by a same-origin login response
 * that carries no CORS headers) nor send the header (a custom header needs a CORS preflight the
 * console never grants). Mutations still need the same-origin and anti-CSRF checks.
 */
export const SESSION_HEADER = 'x-glasspane-session';

/**
 * The configured secret, or one random secret per process (fine for a single console). Kept on
 * globalThis: the lean API proxy (server.ts) and the Next.js bundle each load their own copy of
 * this module in the same process, and both must open the same cookies.
 */
const g = globalThis as typeof globalThis & { __glasspaneSessionSecret?: string };

function secret(): string {
  const configured = readSecurityEnv().sessionSecret;
  if (configured) return configured;
  g.__glasspaneSessionSecret ??= randomBytes(32).toString('base64url');
  return g.__glasspaneSessionSecret;
}

export function sessionKey(): Buffer {
  return deriveKey(secret(), 'session');
}

export function csrfKey(): Buffer {
  return deriveKey(secret(), 'csrf');
}

export function openSession(value: string | undefined, now = Date.now()): Session | undefined {
  if (!value) return undefined;
  const s = unseal<Session>(value, sessionKey());
  if (!s || typeof s.token !== 'string' || typeof s.expiresAt !== 'number' || s.expiresAt * 1000 <= now) return undefined;
  return s;
}

export function newSession(token: string, username: string, namespace?: string, now = Date.now()): Session {
  const issuedAt = Math.floor(now / 1000);
  return { token, username, ...(namespace ? { namespace } : {}), issuedAt, expiresAt: issuedAt + Math.round(readSecurityEnv().sessionHours * 3600) };
}

export function sealSession(s: Session): string {
  return seal(s, sessionKey());
}

/** The anti-CSRF value a session's mutations and streams must carry (see lib/security/csrf.ts). */
export function csrfFor(session: Session): string {
  return csrfToken(csrfKey(), session.username, session.issuedAt);
}
