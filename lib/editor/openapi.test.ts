import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { clearOpenApiCache, loadKindSchema, parseApiVersion } from './openapi';
import { APPS_V1, VMOP } from './test-support/fixtures';

/** The console proxy as the browser sees it: /api/k8s/openapi/v3 and the hash URLs. */
function serve(paths: Record<string, string>, docs: Record<string, unknown>) {
  const calls: string[] = [];
  vi.stubGlobal('fetch', async (url: string) => {
    calls.push(url);
    const path = url.replace(/^\/api\/k8s/, '');
    const body = path === '/openapi/v3' ? { paths: Object.fromEntries(Object.entries(paths).map(([p, u]) => [p, { serverRelativeURL: u }])) } : docs[path];
    return new Response(body === undefined ? '{"kind":"Status","code":404}' : JSON.stringify(body), { status: body === undefined ? 404 : 200 });
  });
  return calls;
}

describe('loadKindSchema', () => {
  beforeEach(() => clearOpenApiCache());
  afterEach(() => vi.unstubAllGlobals());

  it('finds a built-in kind through the root and caches documents by hash URL', async () => {
    const calls = serve({ 'apis/apps/v1': '/openapi/v3/apis/apps/v1?hash=AB12' }, { '/openapi/v3/apis/apps/v1?hash=AB12': APPS_V1 });
    const ks = await loadKindSchema({ group: 'apps', version: 'v1', kind: 'Deployment' });
    expect(ks?.name).toBe('io.k8s.api.apps.v1.Deployment');
    await loadKindSchema({ group: 'apps', version: 'v1', kind: 'Deployment' });
    expect(calls).toEqual(['/api/k8s/openapi/v3', '/api/k8s/openapi/v3/apis/apps/v1?hash=AB12']);
  });

  it('re-reads the root once for a group-version it does not list yet (a new CRD)', async () => {
    let crdInstalled = false;
    const calls: string[] = [];
    vi.stubGlobal('fetch', async (url: string) => {
      calls.push(url);
      if (url.endsWith('/openapi/v3')) {
        const paths: Record<string, { serverRelativeURL: string }> = {};
        if (crdInstalled) paths['apis/vmoperator.vmware.com/v1alpha5'] = { serverRelativeURL: '/openapi/v3/apis/vmoperator.vmware.com/v1alpha5?hash=C0FFEE' };
        crdInstalled = true;
        return new Response(JSON.stringify({ paths }));
      }
      return new Response(JSON.stringify(VMOP));
    });
    const ks = await loadKindSchema({ group: 'vmoperator.vmware.com', version: 'v1alpha5', kind: 'VirtualMachine' });
    expect(ks?.schema.properties?.spec).toBeDefined();
    expect(calls.filter((c) => c.endsWith('/openapi/v3'))).toHaveLength(2);
  });

  it('answers undefined for a kind the server does not describe', async () => {
    serve({}, {});
    expect(await loadKindSchema({ group: 'example.com', version: 'v1', kind: 'Widget' })).toBeUndefined();
  });

  it('splits apiVersion', () => {
    expect(parseApiVersion('v1')).toEqual({ group: '', version: 'v1' });
    expect(parseApiVersion('postgresql.cnpg.io/v1')).toEqual({ group: 'postgresql.cnpg.io', version: 'v1' });
  });
});
