import { performance } from 'node:perf_hooks';
import type { KubeObject } from '../src/api/types';
import { type BenchClient, runBounded } from './http-client';
import { summarize, type Summary } from './stats';

/**
 * Create throughput: N POSTs with a fixed number in flight. Each acknowledged create is durable
 * on the server (fsynced SQLite commit), so this is the durable-write rate.
 */
export interface CreateRun {
  count: number;
  concurrency: number;
  seconds: number;
  perSecond: number;
  latencyMs: Summary;
}

export async function ensureNamespace(client: BenchClient, name: string): Promise<void> {
  const res = await client.request('POST', '/api/v1/namespaces', { body: { apiVersion: 'v1', kind: 'Namespace', metadata: { name } } });
  if (res.status !== 201 && res.status !== 409) throw new Error(`creating namespace ${name}: HTTP ${res.status} ${res.body.toString('utf8').slice(0, 300)}`);
}

export async function createMany(
  client: BenchClient,
  collectionPath: string,
  count: number,
  concurrency: number,
  make: (i: number) => KubeObject,
): Promise<CreateRun> {
  const latencies = new Float64Array(count);
  const start = performance.now();
  await runBounded(count, concurrency, async (i) => {
    const res = await client.ok('POST', collectionPath, { body: make(i) });
    latencies[i] = res.ttlbMs;
  });
  const seconds = (performance.now() - start) / 1000;
  return {
    count,
    concurrency,
    seconds,
    perSecond: count / seconds,
    latencyMs: summarize(latencies),
  };
}
