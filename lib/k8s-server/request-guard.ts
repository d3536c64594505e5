import 'server-only';
import { verifyCsrf } from '../security/csrf';
import { csrfFor, currentSession, type Session } from './session';
import { forbidden, unauthorized } from './responses';

/** Where routes find the anti-CSRF value too (it is defined with the session). */
export { csrfFor };

/**
 * The checks every console API route makes: a live session, and for mutations and streams the
 * same-origin and anti-CSRF checks. Returns the session, or the error response to send.
 */
export async function guard(request: Request, opts: { mutation: boolean }): Promise<{ session: Session } | { response: Response }> {
  const session = await currentSession();
  if (!session) return { response: unauthorized() };
  if (opts.mutation) {
    const verdict = verifyCsrf(request.headers, csrfFor(session));
    if (!verdict.ok) return { response: forbidden(verdict.reason) };
  }
  return { session };
}
