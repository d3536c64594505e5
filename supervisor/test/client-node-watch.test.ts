import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CoreV1Api, Watch, type KubeConfig, type V1ConfigMap } from '@kubernetes/client-node';
import { useSupervisor } from './harness';
import { deferred, waitFor, within } from './poll';

/** client-node `Watch` against the supervisor's watch endpoint. */
describe('client-node Watch', () => {
  const sv = useSupervisor();
  let kc: KubeConfig;
  let core: CoreV1Api;
  const open: AbortController[] = [];

  beforeAll(() => {
    kc = sv().kubeConfig();
    core = kc.makeApiClient(CoreV1Api);
  });
  afterEach(() => {
    open.splice(0).forEach((c) => c.abort());
  });

  interface Event {
    type: string;
    name: string;
    rv: number;
    data?: Record<string, string>;
    object: V1ConfigMap;
  }

  /** Starts a watch that records every event; `done` settles when client-node calls done(). */
  const record = async (path: string, query: Record<string, string | number | boolean | undefined>) => {
    const events: Event[] = [];
    const done = deferred<unknown>();
    const controller = await new Watch(kc).watch(
      path,
      query,
      (type: string, object: V1ConfigMap) => {
        events.push({ type, name: object.metadata?.name ?? '', rv: Number(object.metadata?.resourceVersion), data: object.data, object });
      },
      (err: unknown) => done.resolve(err ?? null),
    );
    open.push(controller);
    return { events, done: done.promise, controller };
  };
  const createNs = async (name: string): Promise<string> => {
    await core.createNamespace({ body: { metadata: { name } } });
    return name;
  };
  const cm = (ns: string, name: string, data?: Record<string, string>, labels?: Record<string, string>): Promise<V1ConfigMap> =>
    core.createNamespacedConfigMap({ namespace: ns, body: { metadata: { name, labels }, ...(data ? { data } : {}) } });
  const listRv = async (ns: string): Promise<string> => (await core.listNamespacedConfigMap({ namespace: ns })).metadata!.resourceVersion!;

  it('delivers ADDED, MODIFIED and DELETED in order, with kind, apiVersion and increasing resourceVersions', async () => {
    const ns = await createNs('watch-basic');
    const w = await record(`/api/v1/namespaces/${ns}/configmaps`, { resourceVersion: await listRv(ns) });
    const created = await cm(ns, 'w', { v: '1' });
    const modified = await core.patchNamespacedConfigMap({ namespace: ns, name: 'w', body: [{ op: 'replace', path: '/data/v', value: '2' }] });
    await core.deleteNamespacedConfigMap({ namespace: ns, name: 'w' });
    await waitFor(() => w.events.length >= 3, { what: 'three watch events' });
    expect(w.events.map((e) => [e.type, e.name, e.data])).toEqual([
      ['ADDED', 'w', { v: '1' }],
      ['MODIFIED', 'w', { v: '2' }],
      ['DELETED', 'w', { v: '2' }],
    ]);
    for (const e of w.events) expect([e.object.kind, e.object.apiVersion]).toEqual(['ConfigMap', 'v1']);
    expect(w.events[0]!.rv).toBe(Number(created.metadata!.resourceVersion));
    expect(w.events[1]!.rv).toBe(Number(modified.metadata!.resourceVersion));
    // The DELETED event carries the resourceVersion of the deletion itself.
    expect(w.events[2]!.rv).toBeGreaterThan(w.events[1]!.rv);
  });

  it('resumes from a resourceVersion: every event after it, none before', async () => {
    const ns = await createNs('watch-resume');
    const a = await cm(ns, 'a', { v: '1' });
    const a2 = await core.patchNamespacedConfigMap({ namespace: ns, name: 'a', body: [{ op: 'replace', path: '/data/v', value: '2' }] });
    await cm(ns, 'b');
    await core.deleteNamespacedConfigMap({ namespace: ns, name: 'a' });
    const w = await record(`/api/v1/namespaces/${ns}/configmaps`, { resourceVersion: a2.metadata!.resourceVersion });
    // A sentinel write after the resume point: once it arrives, everything before it has been seen.
    await cm(ns, 'sentinel');
    await waitFor(() => w.events.some((e) => e.name === 'sentinel'), { what: 'the sentinel event' });
    expect(w.events.map((e) => [e.type, e.name])).toEqual([
      ['ADDED', 'b'],
      ['DELETED', 'a'],
      ['ADDED', 'sentinel'],
    ]);
    expect(w.events.every((e) => e.rv > Number(a2.metadata!.resourceVersion))).toBe(true);
    expect(Number(a.metadata!.resourceVersion)).toBeLessThan(Number(a2.metadata!.resourceVersion));
  });

  it('without a resourceVersion starts with synthetic ADDED events for existing objects', async () => {
    const ns = await createNs('watch-initial');
    await cm(ns, 'one', undefined, { app: 'x' });
    await cm(ns, 'two', undefined, { app: 'x' });
    await cm(ns, 'other', undefined, { app: 'y' });
    const w = await record(`/api/v1/namespaces/${ns}/configmaps`, { labelSelector: 'app=x' });
    await waitFor(() => w.events.length >= 2, { what: 'initial events' });
    await cm(ns, 'sentinel', undefined, { app: 'x' });
    await waitFor(() => w.events.some((e) => e.name === 'sentinel'), { what: 'the sentinel event' });
    expect(w.events.map((e) => [e.type, e.name]).slice(0, 2).sort()).toEqual([
      ['ADDED', 'one'],
      ['ADDED', 'two'],
    ]);
    expect(w.events.map((e) => [e.type, e.name]).slice(2)).toEqual([['ADDED', 'sentinel']]);
  });

  it('label selector transitions arrive as DELETED (leaving) and ADDED (entering)', async () => {
    const ns = await createNs('watch-selector');
    const w = await record(`/api/v1/namespaces/${ns}/configmaps`, { resourceVersion: await listRv(ns), labelSelector: 'tier=web' });
    await cm(ns, 'moving', undefined, { tier: 'web' });
    const out = await core.patchNamespacedConfigMap({ namespace: ns, name: 'moving', body: [{ op: 'replace', path: '/metadata/labels/tier', value: 'db' }] });
    await core.patchNamespacedConfigMap({ namespace: ns, name: 'moving', body: [{ op: 'add', path: '/data', value: { ignored: 'while out of the selector' } }] });
    const back = await core.patchNamespacedConfigMap({ namespace: ns, name: 'moving', body: [{ op: 'replace', path: '/metadata/labels/tier', value: 'web' }] });
    await waitFor(() => w.events.length >= 3, { what: 'three events' });
    await cm(ns, 'sentinel', undefined, { tier: 'web' });
    await waitFor(() => w.events.some((e) => e.name === 'sentinel'), { what: 'the sentinel event' });
    // As upstream's watch cache does, the DELETED event for an object leaving the selector
    // carries its previous (still matching) state with the resourceVersion of the change.
    expect(w.events.map((e) => [e.type, e.name, e.object.metadata?.labels?.tier, e.data])).toEqual([
      ['ADDED', 'moving', 'web', undefined],
      ['DELETED', 'moving', 'web', undefined],
      ['ADDED', 'moving', 'web', { ignored: 'while out of the selector' }],
      ['ADDED', 'sentinel', 'web', undefined],
    ]);
    expect(w.events[1]!.rv).toBe(Number(out.metadata!.resourceVersion));
    expect(w.events[2]!.rv).toBe(Number(back.metadata!.resourceVersion));
  });

  it('watch-list (sendInitialEvents) sends the current state, an initial-events-end BOOKMARK, then changes', async () => {
    const ns = await createNs('watch-list');
    await cm(ns, 'existing', { v: '1' });
    const w = await record(`/api/v1/namespaces/${ns}/configmaps`, { sendInitialEvents: true, resourceVersionMatch: 'NotOlderThan', allowWatchBookmarks: true, resourceVersion: '' });
    await waitFor(() => w.events.some((e) => e.type === 'BOOKMARK'), { what: 'the initial-events-end bookmark' });
    await cm(ns, 'later');
    await waitFor(() => w.events.some((e) => e.name === 'later'), { what: 'the live event' });
    expect(w.events.map((e) => [e.type, e.name]).sort().slice(0, 2)).toEqual([
      ['ADDED', 'existing'],
      ['ADDED', 'kube-root-ca.crt'],
    ]);
    expect(w.events.map((e) => e.type).slice(2)).toEqual(['BOOKMARK', 'ADDED']);
    const bookmark = w.events[2]!.object;
    expect(bookmark.metadata?.annotations).toEqual({ 'k8s.io/initial-events-end': 'true' });
    expect(w.events[3]!.rv).toBeGreaterThan(w.events[2]!.rv);
  });

  it('a server-side timeout ends the watch cleanly: done(null)', async () => {
    const ns = await createNs('watch-timeout');
    const w = await record(`/api/v1/namespaces/${ns}/configmaps`, { resourceVersion: await listRv(ns), timeoutSeconds: 1 });
    expect(await within(w.done, 15_000, 'the server to end the watch')).toBeNull();
  });

  it('20 concurrent watchers each receive every event of a burst, in resourceVersion order', async () => {
    const ns = await createNs('watch-fanout');
    const rv = await listRv(ns);
    const watchers = await Promise.all(Array.from({ length: 20 }, () => record(`/api/v1/namespaces/${ns}/configmaps`, { resourceVersion: rv })));
    const N = 60;
    const acked: { name: string; rv: number }[] = [];
    let next = 0;
    await Promise.all(
      Array.from({ length: 6 }, async () => {
        while (next < N) {
          const name = `burst-${next++}`;
          const created = await cm(ns, name, { n: name });
          acked.push({ name, rv: Number(created.metadata!.resourceVersion) });
        }
      }),
    );
    const expected = acked.sort((x, y) => x.rv - y.rv).map((a) => ['ADDED', a.name, a.rv]);
    for (const [i, w] of watchers.entries()) {
      await waitFor(() => w.events.length >= N, { what: `watcher ${i} to receive ${N} events (has ${w.events.length})` });
      expect(w.events.map((e) => [e.type, e.name, e.rv])).toEqual(expected);
    }
  });
});
