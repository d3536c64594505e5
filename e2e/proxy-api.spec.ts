import type { APIRequestContext } from '@playwright/test';
import { expect, test } from './fixtures';
import { signInAs } from './sign-in';

/**
 * The proxy at the HTTP level, against the running console and supervisor: 401 without a
 * session; mutations refused (403) when cross-origin or without the anti-CSRF header, and
 * accepted with both; no `*\/proxy` subresource passes; a client's `Impersonate-*` and
 * `Authorization` headers never reach the API server; upstream errors come back as `Status`.
 */
const CSRF = 'x-glasspane-csrf';
const CM = `proxy-api-${Date.now().toString(36)}`;
const cmPath = '/api/k8s/api/v1/namespaces/team-a/configmaps';

async function csrfToken(request: APIRequestContext): Promise<string> {
  const res = await request.get('/api/auth/session');
  expect(res.status()).toBe(200);
  return ((await res.json()) as { csrfToken: string }).csrfToken;
}

const configMap = (name: string) => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, namespace: 'team-a' }, data: { via: 'proxy' } });

test.afterAll(async ({ kubectl }) => {
  await kubectl.run(['delete', 'configmap', CM, '-n', 'team-a', '--ignore-not-found']);
});

test('without a session the proxy answers 401 as a Status, and forwards nothing', async ({ playwright, baseURL }) => {
  const anonymous = await playwright.request.newContext({ baseURL });
  try {
    const res = await anonymous.get('/api/k8s/api/v1/namespaces');
    expect(res.status()).toBe(401);
    expect(await res.json()).toMatchObject({ kind: 'Status', status: 'Failure', code: 401 });
    // A bearer token of the client's own is not a way in either.
    const withBearer = await anonymous.get('/api/k8s/api/v1/namespaces', { headers: { Authorization: 'Bearer anything' } });
    expect(withBearer.status()).toBe(401);
    // The watch stream (a POST) is refused before anything is opened upstream.
    expect([401, 403]).toContain((await anonymous.post('/api/stream', { data: { watches: [] } })).status());
  } finally {
    await anonymous.dispose();
  }
});

test('a mutation needs a same-origin request and the anti-CSRF header', async ({ page, baseURL, kubectl }) => {
  await signInAs(page, 'admin');
  const token = await csrfToken(page.request);
  const body = JSON.stringify(configMap(CM));
  const json = { 'Content-Type': 'application/json' };

  const crossSite = await page.request.post(cmPath, { data: body, headers: { ...json, [CSRF]: token, Origin: 'https://evil.example', 'Sec-Fetch-Site': 'cross-site' } });
  expect(crossSite.status()).toBe(403);
  expect(await crossSite.json()).toMatchObject({ kind: 'Status', code: 403 });

  const noHeader = await page.request.post(cmPath, { data: body, headers: { ...json, Origin: baseURL! } });
  expect(noHeader.status()).toBe(403);
  const wrongHeader = await page.request.post(cmPath, { data: body, headers: { ...json, Origin: baseURL!, [CSRF]: 'not-the-token' } });
  expect(wrongHeader.status()).toBe(403);
  expect((await kubectl.run(['get', 'configmap', CM, '-n', 'team-a'])).exitCode).not.toBe(0);

  const ok = await page.request.post(cmPath, { data: body, headers: { ...json, Origin: baseURL!, [CSRF]: token } });
  expect(ok.status()).toBe(201);
  expect(await kubectl.ok(['get', 'configmap', CM, '-n', 'team-a', '-o', 'jsonpath={.data.via}'])).toBe('proxy');
  // An upstream refusal comes back as the API server's Status.
  const again = await page.request.post(cmPath, { data: body, headers: { ...json, Origin: baseURL!, [CSRF]: token } });
  expect(again.status()).toBe(409);
  expect(await again.json()).toMatchObject({ kind: 'Status', reason: 'AlreadyExists', code: 409 });
});

test('proxy subresources and paths outside the Kubernetes API are refused', async ({ page }) => {
  await signInAs(page, 'admin');
  for (const path of [
    '/api/k8s/api/v1/namespaces/x/services/y/proxy',
    '/api/k8s/api/v1/namespaces/x/services/y:80/proxy/admin',
    '/api/k8s/api/v1/nodes/esxi-01.vsphere.local/proxy/configz',
    '/api/k8s/api/v1/namespaces/team-a/pods/p/proxy',
    '/api/k8s/logs/',
    '/api/k8s/metrics',
  ]) {
    const res = await page.request.get(path);
    expect(res.status(), path).toBe(403);
    expect(await res.json(), path).toMatchObject({ kind: 'Status', code: 403 });
  }
  // Encoded traversal does not climb out of the allowlist.
  expect((await page.request.get('/api/k8s/api/v1/namespaces/%2e%2e/%2e%2e/metrics')).status()).not.toBe(200);
});

test('a client’s Impersonate-* and Authorization headers never reach the API server', async ({ page }) => {
  await signInAs(page, 'admin');
  // admin may read team-b; developer may not. Were the header forwarded, admin (who may
  // impersonate) would act as developer and get 403.
  const res = await page.request.get('/api/k8s/api/v1/namespaces/team-b/configmaps', { headers: { 'Impersonate-User': 'developer', 'Impersonate-Group': 'system:authenticated' } });
  expect(res.status()).toBe(200);

  await signInAs(page, 'developer', '/self-service');
  // The reverse: developer cannot become admin by header or by a bearer token of their own.
  const escalate = await page.request.get('/api/k8s/api/v1/namespaces/team-b/configmaps', { headers: { 'Impersonate-User': 'admin', 'Impersonate-Group': 'system:masters' } });
  expect(escalate.status()).toBe(403);
  const status = (await escalate.json()) as { kind: string; reason: string; message: string };
  expect(status).toMatchObject({ kind: 'Status', reason: 'Forbidden' });
  expect(status.message).toContain('User "developer" cannot list resource "configmaps"');
});
