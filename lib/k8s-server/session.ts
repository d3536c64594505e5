import 'server-only';
import { cookies, headers } from 'next/headers';
import { openSession, SESSION_COOKIE, SESSION_HEADER, type Session } from './session-core';

/**
 * The session as Next.js route handlers and server components see it (request headers and
 * cookies through next/headers); what a session is, and how it is sealed, is in session-core.
 */
export * from './session-core';

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
