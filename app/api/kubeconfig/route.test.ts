import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';

/**
 * The kubeconfig download hands out the user's token, so it needs the session, a same-origin
 * request and the anti-CSRF header — for GET as for POST — and is never cached.
 */
vi.mock('server-only', () => ({}));
const request = vi.hoisted(() => ({ headers: new Headers(), cookies: new Map<string, string>() }));
vi.mock('next/headers', () => ({
  headers: async () => request.headers,
  cookies: async () => ({ get: (name: string) => (request.cookies.has(name) ? { name, value: request.cookies.get(name) } : undefined) }),
}));

const dir = mkdtempSync(path.join(tmpdir(), 'gp-kubeconfig-'));
const kubeconfig = path.join(dir, 'kubeconfig');
writeFileSync(
  kubeconfig,
  `apiVersion: v1
kind: Config
clusters:
- name: supervisor
  cluster: {server: "https://127.0.0.1:6443", certificate-authority-data: "Q0EtREFUQQ=="}
users:
- name: admin
  user: {token: console-admin-token}
contexts:
- name: admin
  context: {cluster: supervisor, user: admin}
current-context: admin
`,
);
const saved = { ...process.env };
process.env.GLASSPANE_KUBECONFIG = kubeconfig;
afterAll(() => {
  process.env = saved;
});

const { newSession, sealSession, SESSION_COOKIE } = await import('@/lib/k8s-server/session');
const { csrfFor } = await import('@/lib/k8s-server/request-guard');
const { GET, POST } = await import('./route');

const developer = newSession('developer-token', 'developer', 'team-a');
const url = (ns = 'team-a') => `http://127.0.0.1:3000/api/kubeconfig?namespace=${encodeURIComponent(ns)}`;

beforeEach(() => {
  request.headers = new Headers();
  request.cookies = new Map([[SESSION_COOKIE, sealSession(developer)]]);
});

describe('GET /api/kubeconfig', () => {
  it('answers 401 without a session', async () => {
    request.cookies = new Map();
    expect((await GET(new Request(url(), { headers: { 'sec-fetch-site': 'same-origin', 'x-glasspane-csrf': csrfFor(developer) } }))).status).toBe(401);
  });

  it('refuses a cross-site request and one without the anti-CSRF header', async () => {
    const cross = await GET(new Request(url(), { headers: { 'sec-fetch-site': 'cross-site', 'x-glasspane-csrf': csrfFor(developer) } }));
    expect(cross.status).toBe(403);
    // A top-level navigation from another site (a link) carries the cookie but no header.
    const link = await GET(new Request(url(), { headers: { 'sec-fetch-site': 'same-origin' } }));
    expect(link.status).toBe(403);
    const post = await POST(new Request(url(), { method: 'POST', headers: { origin: 'https://evil.example', host: '127.0.0.1:3000', 'x-glasspane-csrf': csrfFor(developer) } }));
    expect(post.status).toBe(403);
  });

  it('refuses a namespace that is not a namespace name', async () => {
    const res = await GET(new Request(url('../etc'), { headers: { 'sec-fetch-site': 'same-origin', 'x-glasspane-csrf': csrfFor(developer) } }));
    expect(res.status).toBe(400);
  });

  it('returns the user’s kubeconfig as an uncached attachment, without the console’s credentials', async () => {
    const res = await GET(new Request(url(), { headers: { 'sec-fetch-site': 'same-origin', 'x-glasspane-csrf': csrfFor(developer) } }));
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="supervisor-team-a.kubeconfig"');
    const text = await res.text();
    expect(text).not.toContain('console-admin-token');
    const cfg = parse(text);
    expect(cfg.clusters).toEqual([{ name: 'supervisor', cluster: { server: 'https://127.0.0.1:6443', 'certificate-authority-data': 'Q0EtREFUQQ==' } }]);
    expect(cfg.users[0].user).toEqual({ token: 'developer-token' });
    expect(cfg.contexts[0].context.namespace).toBe('team-a');
    expect(cfg['current-context']).toBe('team-a');
  });
});
