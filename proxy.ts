import { NextResponse, type NextRequest } from 'next/server';
import { contentSecurityPolicy } from '@/lib/security/csp';

/**
 * Runs before every request: a fresh CSP nonce for pages (Next.js reads it from the request's
 * Content-Security-Policy header for its own scripts), the security headers (frame-ancestors
 * from GLASSPANE_FRAME_ANCESTORS on every response), and a redirect to /login for pages
 * requested without a session cookie (the cookie is verified where it is used). Embedded views
 * (/embed/...) sign in inside the frame, so they are never redirected; the plug-in manifest and
 * the host module are public.
 */
const PUBLIC_PAGES = ['/login', '/plugin.json', '/glasspane-host.js'];
const EMBED_PREFIX = '/embed';

export function proxy(request: NextRequest): NextResponse {
  const { pathname, search } = request.nextUrl;
  const isApi = pathname.startsWith('/api/');
  const nonce = Buffer.from(crypto.randomUUID()).toString('base64');
  const csp = contentSecurityPolicy(nonce, process.env.GLASSPANE_FRAME_ANCESTORS ?? "'self'", process.env.NODE_ENV === 'development');

  const isEmbed = pathname === EMBED_PREFIX || pathname.startsWith(`${EMBED_PREFIX}/`);
  if (!isApi && !isEmbed && !PUBLIC_PAGES.includes(pathname) && !request.cookies.has('gp_session')) {
    const login = new URL('/login', request.url);
    const target = `${pathname}${search}`;
    if (target !== '/') login.searchParams.set('next', target);
    const res = NextResponse.redirect(login);
    res.headers.set('Content-Security-Policy', csp);
    return res;
  }

  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('x-nonce', nonce);
  requestHeaders.set('Content-Security-Policy', csp);
  const res = NextResponse.next({ request: { headers: requestHeaders } });
  res.headers.set('Content-Security-Policy', csp);
  res.headers.set('X-Content-Type-Options', 'nosniff');
  res.headers.set('Referrer-Policy', 'same-origin');
  res.headers.set('Permissions-Policy', 'camera=(), microphone=(), geolocation=()');
  return res;
}

/**
 * Not for static files, nor for the Kubernetes proxy, the watch stream and the inventory index:
 * those answer JSON (their own strict CSP and nosniff, see lib/security/proxy-policy.ts) and
 * check the session themselves, and skipping this hop keeps the proxy close to a direct call.
 */
export const config = {
  matcher: [{ source: '/((?!_next/static|_next/image|favicon.ico|icon.svg|api/k8s/|api/stream|api/inventory).*)' }],
};
