import { describe, expect, it } from 'vitest';
import { FIRST_PAGE, listInPages, NEXT_PAGE, withQuery, type Lister } from './paged-list';
import { KubeError, statusOf } from './status';
import type { KubeList, KubeObject } from './types';

const pod = (i: number): KubeObject => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name: `web-${String(i).padStart(5, '0')}`, namespace: 'team-a', resourceVersion: String(100 + i) } });

/** A fake API server holding `n` pods at resourceVersion 7000, paging like the real one. */
function server(n: number, opts: { expireContinue?: boolean } = {}) {
  const all = Array.from({ length: n }, (_, i) => pod(i));
  const calls: string[] = [];
  const get: Lister = async <T,>(path: string) => {
    calls.push(path);
    const q = new URL(path, 'http://x').searchParams;
    const limit = Number(q.get('limit') ?? 0);
    const start = Number(q.get('continue') ?? 0);
    if (q.has('continue') && opts.expireContinue) throw new KubeError(statusOf(410, 'Expired', 'The provided continue parameter is too old'));
    const end = limit ? Math.min(n, start + limit) : n;
    const list: KubeList = { apiVersion: 'v1', kind: 'PodList', metadata: { resourceVersion: '7000', ...(end < n ? { continue: String(end), remainingItemCount: n - end } : {}) }, items: all.slice(start, end) };
    return list as T;
  };
  return { get, calls };
}

describe('listInPages', () => {
  it('reads a small collection in one request', async () => {
    const { get, calls } = server(120);
    const pages: number[] = [];
    const list = await listInPages('/api/v1/namespaces/team-a/pods', undefined, (p) => pages.push(p.items.length), get);
    expect(list.items).toHaveLength(120);
    expect(list.metadata).toEqual({ resourceVersion: '7000' });
    expect(calls).toEqual([`/api/v1/namespaces/team-a/pods?limit=${FIRST_PAGE}`]);
    expect(pages).toEqual([]);
  });

  it('shows the first pages of a large one, then returns it whole at the first page’s resourceVersion', async () => {
    const { get, calls } = server(12_345);
    const partials: KubeList[] = [];
    const list = await listInPages('/api/v1/pods?labelSelector=app%3Dweb', undefined, (p) => partials.push(p), get);
    expect(list.items.map((o) => o.metadata.name)).toEqual(Array.from({ length: 12_345 }, (_, i) => pod(i).metadata.name));
    expect(list.metadata).toEqual({ resourceVersion: '7000' });
    expect(partials.map((p) => [p.items.length, p.metadata.remainingItemCount])).toEqual([
      [FIRST_PAGE, 12_345 - FIRST_PAGE],
      [FIRST_PAGE + NEXT_PAGE, 12_345 - FIRST_PAGE - NEXT_PAGE],
      [FIRST_PAGE + 2 * NEXT_PAGE, 12_345 - FIRST_PAGE - 2 * NEXT_PAGE],
    ]);
    expect(partials.every((p) => p.metadata.resourceVersion === '7000' && !p.metadata.continue)).toBe(true);
    // The caller's query survives; later pages are larger and carry the token.
    expect(calls[0]).toBe(`/api/v1/pods?labelSelector=app%3Dweb&limit=${FIRST_PAGE}`);
    expect(calls[1]).toBe(`/api/v1/pods?labelSelector=app%3Dweb&limit=${NEXT_PAGE}&continue=${FIRST_PAGE}`);
    expect(calls).toHaveLength(4);
  });

  it('falls back to one plain list when the continue token has expired (410)', async () => {
    const { get, calls } = server(900, { expireContinue: true });
    const list = await listInPages('/api/v1/pods', undefined, () => {}, get);
    expect(list.items).toHaveLength(900);
    expect(calls.at(-1)).toBe('/api/v1/pods');
  });

  it('passes other failures on', async () => {
    const get: Lister = async () => {
      throw new KubeError(statusOf(403, 'Forbidden', 'pods is forbidden'));
    };
    await expect(listInPages('/api/v1/pods', undefined, () => {}, get)).rejects.toMatchObject({ code: 403 });
  });
});

describe('withQuery', () => {
  it('adds or replaces parameters and keeps the rest', () => {
    expect(withQuery('/api/v1/pods', { limit: '5' })).toBe('/api/v1/pods?limit=5');
    expect(withQuery('/api/v1/pods?limit=9&fieldSelector=spec.nodeName%3Desxi-01', { limit: '5' })).toBe('/api/v1/pods?limit=5&fieldSelector=spec.nodeName%3Desxi-01');
  });
});
