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

/** The session of the current request (server components and route handlers). */
export async function currentSession(): Promise<Session | undefined> {
  const jar = await cookies();
  return openSession(jar.get(SESSION_COOKIE)?.value);
}
