import { afterAll, describe, expect, it } from 'vitest';
import { CoreV1Api, Watch, makeInformer, type Informer, type KubeConfig, type ObjectCache, type V1ConfigMap } from '@kubernetes/client-node';
import { useSupervisor } from './harness';
import { deferred, waitFor, within } from './poll';

/**
 * client-node informers (list + watch + cache) and their recovery from 410 Gone. The watch
 * history is in memory, so restarting the supervisor on the same data directory makes every
 * older resourceVersion expire: the informer must get 410, re-list, and converge.
 */
describe('client-node informer', () => {
  const sv = useSupervisor();
  const ns = 'informer';
  const selector = 'app=informer';
  let informer: (Informer<V1ConfigMap> & ObjectCache<V1ConfigMap>) | undefined;
  afterAll(async () => {
    await informer?.stop();
  });

  const core = (): CoreV1Api => sv().kubeConfig().makeApiClient(CoreV1Api);
  const create = (name: string, v = '1') => core().createNamespacedConfigMap({ namespace: ns, body: { metadata: { name, labels: { app: 'informer' } }, data: { v } } });
  const patch = (name: string, v: string) => core().patchNamespacedConfigMap({ namespace: ns, name, body: [{ op: 'replace', path: '/data/v', value: v }] });
  const cached = (): string[] => (informer?.list(ns) ?? []).map((o) => `${o.metadata!.name}=${o.data?.v}`).sort();
  const newestCachedRv = (): number => Math.max(...(informer?.list(ns) ?? []).map((o) => Number(o.metadata!.resourceVersion)));
  const server = async (): Promise<string[]> => (await core().listNamespacedConfigMap({ namespace: ns, labelSelector: selector })).items.map((o) => `${o.metadata!.name}=${o.data?.v}`).sort();

  it('fills its cache, sees add/update/delete, and recovers from 410 Expired after a restart', async () => {
    await core().createNamespace({ body: { metadata: { name: ns } } });
    await create('pre-1');
    await create('pre-2');
    await core().createNamespacedConfigMap({ namespace: ns, body: { metadata: { name: 'unrelated' } } });

    const kc: KubeConfig = sv().kubeConfig();
    const api = kc.makeApiClient(CoreV1Api);
    let listCalls = 0;
    informer = makeInformer<V1ConfigMap>(
      kc,
      `/api/v1/namespaces/${ns}/configmaps`,
      () => {
        listCalls++;
        return api.listNamespacedConfigMap({ namespace: ns, labelSelector: selector });
      },
      selector,
    );
    const log: string[] = [];
    const errors: unknown[] = [];
    informer.on('add', (o) => log.push(`add ${o.metadata!.name}=${o.data?.v}`));
    informer.on('update', (o) => log.push(`update ${o.metadata!.name}=${o.data?.v}`));
    informer.on('delete', (o) => log.push(`delete ${o.metadata!.name}`));
    informer.on('error', (e) => errors.push(e));

    await informer.start();
    expect(listCalls).toBe(1);
    expect(cached()).toEqual(['pre-1=1', 'pre-2=1']);
    expect(log.sort()).toEqual(['add pre-1=1', 'add pre-2=1']);

    log.length = 0;
    await create('live');
    await patch('pre-1', '2');
    await core().deleteNamespacedConfigMap({ namespace: ns, name: 'pre-2' });
    await waitFor(() => log.length >= 3, { what: `three informer callbacks (got ${JSON.stringify(log)})` });
    expect(log).toEqual(['add live=1', 'update pre-1=2', 'delete pre-2']);
    expect(cached()).toEqual(['live=1', 'pre-1=2']);
    const rvBefore = newestCachedRv();
    // Writes the informer does not watch move the store's resourceVersion past the informer's.
    await core().createNamespacedConfigMap({ namespace: 'default', body: { metadata: { name: 'elsewhere' } } });

    // Stop the server under the informer: its watch ends, the reconnect fails, it reports an error.
    await sv().stop();
    await waitFor(() => errors.length > 0, { what: 'the informer to report the lost connection' });
    // Restart on the same port and data dir; change things while the informer is disconnected.
    await sv().restart();
    await create('while-down');
    await patch('live', '3');
    await core().deleteNamespacedConfigMap({ namespace: ns, name: 'pre-1' });

    // The informer's resourceVersion predates the new server's watch history: 410, then a re-list.
    log.length = 0;
    await informer.start();
    await waitFor(async () => JSON.stringify(cached()) === JSON.stringify(await server()), { what: 'the informer cache to converge after the 410' });
    expect(cached()).toEqual(['live=3', 'while-down=1']);
    expect(listCalls).toBe(2);
    expect(log.sort()).toEqual(['add while-down=1', 'delete pre-1', 'update live=3']);
    expect(newestCachedRv()).toBeGreaterThan(rvBefore);

    // And it keeps watching from the re-list.
    log.length = 0;
    await create('after');
    await waitFor(() => log.includes('add after=1'), { what: 'the add after the re-list' });
    expect(listCalls).toBe(2);
  });

  it('a watch from an expired resourceVersion gets an ERROR event with 410 Expired, then the stream ends', async () => {
    // Every resourceVersion from before the restart in the previous test is now outside the history.
    const events: { type: string; object: { kind?: string; code?: number; reason?: string; status?: string; message?: string } }[] = [];
    const done = deferred<unknown>();
    await new Watch(sv().kubeConfig()).watch(`/api/v1/namespaces/${ns}/configmaps`, { resourceVersion: '5' }, (type: string, object: (typeof events)[number]['object']) => events.push({ type, object }), (err: unknown) => done.resolve(err ?? null));
    expect(await within(done.promise, 15_000, 'the expired watch to end')).toBeNull();
    expect(events).toHaveLength(1);
    expect(events[0]!.type).toBe('ERROR');
    expect(events[0]!.object).toMatchObject({ kind: 'Status', status: 'Failure', reason: 'Expired', code: 410 });
    expect(events[0]!.object.message).toMatch(/^too old resource version: 5 \(\d+\)$/);
  });
});
