/**
 * Where to send a user after sign-in. `next` comes from the URL and is attacker-controlled, so
 * only same-origin relative paths pass: one leading `/`, then no second `/` or `\` (which
 * browsers read as a host), no backslashes, whitespace or control characters anywhere (the URL
 * parser drops tabs and newlines, turning `/\t/evil` into `//evil`), and nothing that resolves
 * to another origin. A `next` that points back at /login is dropped to avoid a loop.
 */
const MAX_NEXT_LENGTH = 2048;
const PROBE_ORIGIN = 'http://console.invalid';

export function safeNextPath(next: string | null | undefined): string | undefined {
  if (typeof next !== 'string' || next.length === 0 || next.length > MAX_NEXT_LENGTH) return undefined;
  if (next[0] !== '/' || next[1] === '/' || next[1] === '\\') return undefined;
  if (/[\\\s\u0000-\u001f\u007f]/.test(next)) return undefined;
  let url: URL;
  try {
    url = new URL(next, PROBE_ORIGIN);
  } catch {
    return undefined;
  }
  if (url.origin !== PROBE_ORIGIN) return undefined;
  if (url.pathname === '/login' || url.pathname.startsWith('/login/')) return undefined;
  return next;
}

export interface LandingFacts {
  /** The raw `next` parameter. */
  next: string | null | undefined;
  /** Whether the user may list namespaces (a cluster-wide right). */
  canListNamespaces: boolean;
  /** Namespaces where the user has real rights, in preference order. */
  usableNamespaces: readonly string[];
}

/** The developer's page (issue 6): their namespaces' quotas, a catalogue, what they made. */
export const SELF_SERVICE_HREF = '/self-service';

/**
 * The page to open after sign-in: the requested page when safe; else the Overview for users
 * with cluster-wide rights, and the self-service page for everyone else (it finds their
 * namespaces itself, and says so when there is none).
 */
export function landingPath({ next, canListNamespaces }: LandingFacts): string {
  const safe = safeNextPath(next);
  if (safe) return safe;
  if (!canListNamespaces) return SELF_SERVICE_HREF;
  return '/';
}
