import 'server-only';
import { randomBytes } from 'node:crypto';
import { cookies, headers } from 'next/headers';
import { readSecurityEnv } from '../env';
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

let ephemeralSecret: string | undefined;

/** The configured secret, or one random secret per process (fine for a single console). */
function secret(): string {
  const configured = readSecurityEnv().sessionSecret;
  if (configured) return configured;
  ephemeralSecret ??= randomBytes(32).toString('base64url');
  return ephemeralSecret;
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

/** Whether the console is reached over HTTPS (directly or behind a TLS-terminating proxy). */
export async function isSecureRequest(): Promise<boolean> {
  const h = await headers();
  return h.get('x-forwarded-proto') === 'https' || (h.get('origin') ?? '').startsWith('https://');
}

/** Cookie attributes: httpOnly always; Secure under HTTPS; SameSite=None; Partitioned when framed over HTTPS. */
export function cookieOptions(secure: boolean, framed: boolean, maxAge: number) {
  return {
    httpOnly: true,
    secure,
    sameSite: framed && secure ? ('none' as const) : ('lax' as const),
    partitioned: framed && secure ? true : undefined,
    path: '/',
    maxAge,
  };
}

/**
 * The session of the current request (server components and route handlers): the frame
 * session header when present (it alone decides, so a frame never mixes in the cookie of
 * another identity), otherwise the session cookie.
 */
export async function currentSession(): Promise<Session | undefined> {
  const framed = (await headers()).get(SESSION_HEADER);
  if (framed !== null) return openSession(framed);
  const jar = await cookies();
  return openSession(jar.get(SESSION_COOKIE)?.value);
}
