import { afterAll, describe, expect, it } from 'vitest';
import { useSupervisor } from './harness';
import { RestClient } from './https-client';

/**
 * Crash durability: a burst of ConfigMap creates over HTTPS with several requests in flight,
 * SIGKILL in the middle of it, restart on the same data directory. Every write that was
 * acknowledged (2xx) must survive intact, nothing may be half-written, uids must not change,
 * and resourceVersions must keep increasing across the crash.
 */
describe('durability across kill -9', () => {
  const sv = useSupervisor();
  const ns = 'burst';
  const TOTAL = 500;
  const IN_FLIGHT = 8;
  const KILL_AFTER = 200;
  const clients: RestClient[] = [];
  afterAll(() => clients.forEach((c) => c.close()));

  interface ConfigMap {
    kind: string;
    apiVersion: string;
    metadata: { name: string; namespace: string; uid: string; resourceVersion: string; labels?: Record<string, string>; creationTimestamp: string };
    data?: Record<string, string>;
  }
  interface Ack {
    uid: string;
    resourceVersion: number;
  }

  const client = (): RestClient => {
    const c = new RestClient(sv().url, sv().token('admin'), sv().caPem(), IN_FLIGHT);
    clients.push(c);
    return c;
  };
  /** The body of write i: large enough to span pages, fully checkable after the crash. */
  const payloadOf = (i: number): string => `${i}:`.padEnd(2048, String.fromCharCode(97 + (i % 26)));
  const manifest = (i: number) => ({
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name: `cm-${i}`, namespace: ns, labels: { burst: 'yes', index: String(i) } },
    data: { index: String(i), payload: payloadOf(i) },
  });

  it('keeps every acknowledged write, intact, with stable uids and increasing resourceVersions', async () => {
    const api = client();
    const nsRes = await api.request<{ metadata: { uid: string; resourceVersion: string } }>('POST', '/api/v1/namespaces', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns } });
    expect(nsRes.status).toBe(201);

    const acked = new Map<string, Ack>();
    let next = 0;
    let killed: Promise<unknown> | undefined;
    const worker = async (): Promise<void> => {
      while (next < TOTAL && !killed) {
        const i = next++;
        let res;
        try {
          res = await api.request<ConfigMap>('POST', `/api/v1/namespaces/${ns}/configmaps`, manifest(i));
        } catch {
          return; // the server is gone; this write was never acknowledged
        }
        expect(res.status, `create cm-${i}`).toBe(201);
        acked.set(res.body.metadata.name, { uid: res.body.metadata.uid, resourceVersion: Number(res.body.metadata.resourceVersion) });
        if (acked.size === KILL_AFTER && !killed) killed = sv().kill();
      }
    };
    await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
    expect(killed, 'the burst must be interrupted by the kill').toBeDefined();
    const status = (await killed) as { signal: string | null };
    expect(status.signal).toBe('SIGKILL');
    expect(acked.size).toBeGreaterThanOrEqual(KILL_AFTER);
    expect(acked.size).toBeLessThan(TOTAL);
    const maxAckedRv = Math.max(...[...acked.values()].map((a) => a.resourceVersion));

    await sv().restart();
    const after = client();
    const list = await after.request<{ metadata: { resourceVersion: string }; items: ConfigMap[] }>('GET', `/api/v1/namespaces/${ns}/configmaps?labelSelector=burst%3Dyes`);
    expect(list.status).toBe(200);
    expect(Number(list.body.metadata.resourceVersion)).toBeGreaterThanOrEqual(maxAckedRv);
    const stored = new Map(list.body.items.map((o) => [o.metadata.name, o]));

    // Every acknowledged write is there, with the uid and resourceVersion it was acknowledged with.
    const lost = [...acked.keys()].filter((name) => !stored.has(name));
    expect(lost, 'acknowledged writes lost in the crash').toEqual([]);
    for (const [name, ack] of acked) {
      const obj = stored.get(name)!;
      expect([name, obj.metadata.uid, Number(obj.metadata.resourceVersion)]).toEqual([name, ack.uid, ack.resourceVersion]);
    }
    // Nothing is half-written: every stored object (acknowledged or not) is complete.
    for (const obj of stored.values()) {
      const i = Number(obj.metadata.name.slice('cm-'.length));
      expect(obj.kind).toBe('ConfigMap');
      expect(obj.apiVersion).toBe('v1');
      expect(obj.metadata.labels).toEqual({ burst: 'yes', index: String(i) });
      expect(obj.data).toEqual({ index: String(i), payload: payloadOf(i) });
      expect(obj.metadata.uid).toMatch(/^[0-9a-f-]{36}$/);
      expect(obj.metadata.creationTimestamp).toMatch(/Z$/);
    }
    // Individual reads agree with the list (the object store and any index are consistent).
    for (const name of [...acked.keys()].slice(0, 20)) {
      const one = await after.request<ConfigMap>('GET', `/api/v1/namespaces/${ns}/configmaps/${name}`);
      expect([one.status, one.body.metadata.uid]).toEqual([200, acked.get(name)!.uid]);
    }

    // The namespace created before the crash keeps its uid.
    const nsAfter = await after.request<{ metadata: { uid: string } }>('GET', `/api/v1/namespaces/${ns}`);
    expect(nsAfter.body.metadata.uid).toBe(nsRes.body.metadata.uid);

    // resourceVersions keep increasing after the restart: a new write is newer than anything acknowledged.
    const fresh = await after.request<ConfigMap>('POST', `/api/v1/namespaces/${ns}/configmaps`, { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'after-restart' } });
    expect(fresh.status).toBe(201);
    expect(Number(fresh.body.metadata.resourceVersion)).toBeGreaterThan(maxAckedRv);
    expect(Number(fresh.body.metadata.resourceVersion)).toBeGreaterThan(Number(list.body.metadata.resourceVersion));
    const update = await after.request<ConfigMap>('PUT', `/api/v1/namespaces/${ns}/configmaps/cm-0`, { ...stored.get('cm-0')!, data: { index: '0', payload: 'updated' } });
    expect(update.status).toBe(200);
    expect(Number(update.body.metadata.resourceVersion)).toBeGreaterThan(Number(fresh.body.metadata.resourceVersion));
    expect(update.body.metadata.uid).toBe(acked.get('cm-0')!.uid);
  });
});
