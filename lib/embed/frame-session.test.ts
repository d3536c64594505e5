import { describe, expect, it } from 'vitest';
import { upstreamRequestHeaders } from '../security/proxy-policy';
import { createFrameSessionStore, FRAME_SESSION_HEADER, isConsoleApi, parseEmbeddedLogin, parsePopupMessage, POPUP_MESSAGE, withFrameSession } from './frame-session';

const ORIGIN = 'http://127.0.0.1:3000';

function recorder() {
  const calls: { url: string; headers: Headers }[] = [];
  const impl = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    calls.push({ url, headers: new Headers(init?.headers ?? (input instanceof Request ? input.headers : undefined)) });
    return new Response('{}');
  }) as typeof fetch;
  return { calls, impl };
}

describe('frame session header', () => {
  it('is added to the console API only, and only while a session is held', async () => {
    const store = createFrameSessionStore();
    const { calls, impl } = recorder();
    const f = withFrameSession(impl, store, ORIGIN);
    await f('/api/auth/session');
    store.set('sealed-value');
    await f('/api/k8s/api/v1/namespaces', { headers: { accept: 'application/json' } });
    await f(new URL('/api/stream', ORIGIN), { method: 'POST', headers: new Headers({ 'x-glasspane-csrf': 'c' }) });
    await f(new Request(`${ORIGIN}/api/k8s/version`, { headers: { accept: 'text/plain' } }));
    await f('http://localhost:4100/api/inventory');
    await f('/_next/static/chunk.js');
    await f('//evil.test/api/x');
    expect(calls.map((c) => c.headers.get(FRAME_SESSION_HEADER))).toEqual([null, 'sealed-value', 'sealed-value', 'sealed-value', null, null, null]);
    expect(calls[1]!.headers.get('accept')).toBe('application/json');
    expect(calls[2]!.headers.get('x-glasspane-csrf')).toBe('c');
    expect(calls[3]!.headers.get('accept')).toBe('text/plain');
    store.set(undefined);
    await f('/api/auth/session');
    expect(calls.at(-1)!.headers.get(FRAME_SESSION_HEADER)).toBeNull();
  });

  it('is never forwarded to the API server', () => {
    const out = upstreamRequestHeaders(new Headers({ [FRAME_SESSION_HEADER]: 'sealed-value', accept: 'application/json' }), 'user-token');
    expect(Object.keys(out).map((k) => k.toLowerCase())).not.toContain(FRAME_SESSION_HEADER);
    expect(JSON.stringify(out)).not.toContain('sealed-value');
  });

  it('recognises console API URLs', () => {
    expect(isConsoleApi('/api/k8s/x', ORIGIN)).toBe(true);
    expect(isConsoleApi(`${ORIGIN}/api/stream`, ORIGIN)).toBe(true);
    expect(isConsoleApi('http://localhost:3000/api/stream', ORIGIN)).toBe(false);
    expect(isConsoleApi('/apix', ORIGIN)).toBe(false);
    expect(isConsoleApi('/embed/inventory', ORIGIN)).toBe(false);
  });

  it('reads embedded login answers and pop-up messages strictly', () => {
    const login = { username: 'admin', expiresAt: 1_900_000_000, session: 'v1.abc' };
    expect(parseEmbeddedLogin({ ...login, groups: ['system:masters'] })).toEqual(login);
    expect(parseEmbeddedLogin({ username: 'admin', expiresAt: 1 })).toBeUndefined();
    expect(parseEmbeddedLogin({ ...login, session: '' })).toBeUndefined();
    expect(parsePopupMessage({ type: POPUP_MESSAGE, login })).toEqual(login);
    expect(parsePopupMessage({ type: 'other', login })).toBeUndefined();
    expect(parsePopupMessage(null)).toBeUndefined();
  });
});
