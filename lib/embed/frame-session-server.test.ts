import { beforeEach, describe, expect, it, vi } from 'vitest';

/**
 * The server side of frame sessions (lib/k8s-server/session.ts, request-guard.ts): the
 * x-glasspane-session header is read like the cookie, decides alone when present, and mutations
 * with it still need the same-origin and anti-CSRF checks.
 */
vi.mock('server-only', () => ({}));
const request = vi.hoisted(() => ({ headers: new Headers(), cookies: new Map<string, string>() }));
vi.mock('next/headers', () => ({
  headers: async () => request.headers,
  cookies: async () => ({ get: (name: string) => (request.cookies.has(name) ? { name, value: request.cookies.get(name) } : undefined) }),
}));

const { newSession, sealSession, currentSession, SESSION_COOKIE, SESSION_HEADER } = await import('../k8s-server/session');
const { csrfFor, guard } = await import('../k8s-server/request-guard');

const admin = newSession('admin-token', 'admin');
const developer = newSession('dev-token', 'developer');

beforeEach(() => {
  request.headers = new Headers();
  request.cookies = new Map();
});

describe('frame sessions on the server', () => {
  it('reads the session from the header', async () => {
    request.headers.set(SESSION_HEADER, sealSession(admin));
    expect((await currentSession())?.username).toBe('admin');
  });

  it('lets the header alone decide: an invalid header is no session, whatever the cookie says', async () => {
    request.cookies.set(SESSION_COOKIE, sealSession(developer));
    request.headers.set(SESSION_HEADER, sealSession(admin));
    expect((await currentSession())?.username).toBe('admin');
    request.headers.set(SESSION_HEADER, 'forged');
    expect(await currentSession()).toBeUndefined();
    request.headers.delete(SESSION_HEADER);
    expect((await currentSession())?.username).toBe('developer');
  });

  it('still requires same origin and the anti-CSRF header for mutations', async () => {
    const sealed = sealSession(admin);
    request.headers.set(SESSION_HEADER, sealed);
    const post = (h: Record<string, string>) => new Request('http://127.0.0.1:3000/api/k8s/api/v1/namespaces', { method: 'POST', headers: { [SESSION_HEADER]: sealed, ...h } });
    const crossSite = await guard(post({ 'sec-fetch-site': 'cross-site', 'x-glasspane-csrf': csrfFor(admin) }), { mutation: true });
    expect('response' in crossSite && crossSite.response.status).toBe(403);
    const noToken = await guard(post({ 'sec-fetch-site': 'same-origin' }), { mutation: true });
    expect('response' in noToken && noToken.response.status).toBe(403);
    const ok = await guard(post({ 'sec-fetch-site': 'same-origin', 'x-glasspane-csrf': csrfFor(admin) }), { mutation: true });
    expect('session' in ok && ok.session.username).toBe('admin');
  });
});
