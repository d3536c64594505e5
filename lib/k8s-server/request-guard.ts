import 'server-only';
import { csrfToken, verifyCsrf } from '../security/csrf';
import { csrfKey, currentSession, type Session } from './session';
import { forbidden, unauthorized } from './responses';

/**
 * The checks every console API route makes: a live session, and for mutations and streams the
 * same-origin and anti-CSRF checks. Returns the session, or the error response to send.
 */
export function csrfFor(session: Session): string {
  return csrfToken(csrfKey(), session.username, session.issuedAt);
}

export async function guard(request: Request, opts: { mutation: boolean }): Promise<{ session: Session } | { response: Response }> {
  const session = await currentSession();
  if (!session) return { response: unauthorized() };
  if (opts.mutation) {
    const verdict = verifyCsrf(request.headers, csrfFor(session));
    if (!verdict.ok) return { response: forbidden(verdict.reason) };
  }
  return { session };
}
