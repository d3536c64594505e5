import { afterEach, describe, expect, it, vi } from 'vitest';
import { dryRun, saveObject } from './dry-run';
import { applyItem } from './import';
import { liveDeployment } from './test-support/fixtures';
import type { KubeObject } from '../k8s/types';

interface Call {
  url: string;
  method: string;
  contentType?: string;
  body?: string;
}

function api(answer: (c: Call) => { status: number; body: unknown }) {
  const calls: Call[] = [];
  vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
    const headers = (init.headers ?? {}) as Record<string, string>;
    const c = { url, method: init.method ?? 'GET', contentType: headers['content-type'], body: init.body as string | undefined };
    calls.push(c);
    const a = answer(c);
    return new Response(JSON.stringify(a.body), { status: a.status });
  });
  return calls;
}

const PATH = '/apis/apps/v1/namespaces/shop/deployments/web';
const obj = liveDeployment() as KubeObject;

describe('dry run and save', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('updates with PUT, Strict field validation and the resourceVersion in the body', async () => {
    const calls = api(() => ({ status: 200, body: obj }));
    expect((await dryRun({ mode: 'update', path: PATH }, obj)).ok).toBe(true);
    expect((await saveObject({ mode: 'create', path: '/apis/apps/v1/namespaces/shop/deployments' }, obj)).ok).toBe(true);
    expect(calls.map((c) => `${c.method} ${c.url}`)).toEqual([
      `PUT /api/k8s${PATH}?dryRun=All&fieldValidation=Strict`,
      'POST /api/k8s/apis/apps/v1/namespaces/shop/deployments?fieldValidation=Strict',
    ]);
    expect(JSON.parse(calls[0]!.body!).metadata.resourceVersion).toBe('1042');
  });

  it('returns a 409 on update as a conflict, and field problems otherwise', async () => {
    api(() => ({ status: 409, body: { kind: 'Status', status: 'Failure', reason: 'Conflict', code: 409, message: 'the object has been modified' } }));
    const c = await saveObject({ mode: 'update', path: PATH }, obj);
    expect(c).toMatchObject({ ok: false, conflict: true, message: 'Someone changed the object on the server since you started editing.' });
    vi.unstubAllGlobals();
    api(() => ({ status: 422, body: { kind: 'Status', status: 'Failure', reason: 'Invalid', code: 422, message: 'invalid', details: { causes: [{ field: 'spec.replicas', message: 'Invalid value: -1' }] } } }));
    const r = await dryRun({ mode: 'update', path: PATH }, obj);
    expect(r).toMatchObject({ ok: false, conflict: false, problems: [{ path: ['spec', 'replicas'], message: 'spec.replicas: Invalid value: -1' }] });
  });
});

describe('applyItem (server-side apply)', () => {
  afterEach(() => vi.unstubAllGlobals());
  const item = { line: 1, label: 'Deployment shop/web', object: obj, path: PATH };

  it('creates with an apply patch as glasspane', async () => {
    const calls = api((c) => (c.method === 'GET' ? { status: 404, body: { kind: 'Status', code: 404, reason: 'NotFound' } } : { status: 201, body: obj }));
    expect(await applyItem(item, { dryRun: true, force: false })).toMatchObject({ outcome: 'created' });
    expect(calls[1]).toMatchObject({ method: 'PATCH', url: `/api/k8s${PATH}?fieldManager=glasspane&fieldValidation=Strict&dryRun=All`, contentType: 'application/apply-patch+yaml' });
  });

  it('tells configured from unchanged, ignoring server-set fields', async () => {
    api((c) => ({ status: 200, body: c.method === 'GET' ? obj : { ...obj, metadata: { ...obj.metadata, resourceVersion: '2000', managedFields: [] } } }));
    expect(await applyItem(item, { dryRun: false, force: false })).toMatchObject({ outcome: 'unchanged' });
    vi.unstubAllGlobals();
    api((c) => ({ status: 200, body: c.method === 'GET' ? obj : liveDeployment({ replicas: 5 }) }));
    expect(await applyItem(item, { dryRun: false, force: true })).toMatchObject({ outcome: 'configured' });
  });

  it('explains an ownership conflict', async () => {
    api((c) => (c.method === 'GET' ? { status: 200, body: obj } : { status: 409, body: { kind: 'Status', code: 409, reason: 'Conflict', message: 'Apply failed with 1 conflict: conflict with "kubectl-client-side-apply": .spec.replicas' } }));
    const r = await applyItem(item, { dryRun: false, force: false });
    expect(r.outcome).toBe('error');
    if (r.outcome === 'error') expect(r.message).toMatch(/Override conflicts/);
  });
});
