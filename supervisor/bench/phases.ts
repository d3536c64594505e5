import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { BenchClient } from './http-client';
import { createMany, ensureNamespace } from './creates';
import { realisticPod, smallConfigMap } from './fixtures';
import { listBench } from './list-bench';
import type { BenchOptions } from './options';
import type { BenchResults, ServerPhase } from './report';
import { cpuSeconds, runQueueWaitSeconds, type ServerProcess } from './server-process';
import { watchBench } from './watch-bench';

/**
 * The benchmark's phases in order (warm-up, creates, pod seeding + lists, watch), each bracketed
 * by the server probe so the server's CPU use, event-loop stalls, GC pauses and commit times are
 * attributed to the phase that caused them, and optionally profiled on its own.
 */
const WARMUP_CREATES = 500;

export interface PhaseContext {
  opts: BenchOptions;
  server: ServerProcess;
  client: BenchClient;
  results: BenchResults;
  /** Where per-phase CPU profiles go; undefined = no profiling. */
  profDir?: string;
  log(msg: string): void;
}

async function phase<T>(ctx: PhaseContext, name: string, run: () => Promise<T>): Promise<T> {
  await ctx.server.probe('reset');
  if (ctx.profDir) await ctx.server.probe('profile-start');
  const cpu0 = cpuSeconds(ctx.server.pid);
  const wait0 = [runQueueWaitSeconds(ctx.server.pid), runQueueWaitSeconds('self')];
  const t0 = performance.now();
  const result = await run();
  const seconds = (performance.now() - t0) / 1000;
  const cpu1 = cpuSeconds(ctx.server.pid);
  const wait1 = [runQueueWaitSeconds(ctx.server.pid), runQueueWaitSeconds('self')];
  const share = (a: number | undefined, b: number | undefined): number | undefined => (a !== undefined && b !== undefined ? ((b - a) / seconds) * 100 : undefined);
  const snap = await ctx.server.probe('snapshot');
  if (ctx.profDir) await ctx.server.probe('profile-stop', path.join(ctx.profDir, `${name}.cpuprofile`));
  const entry: ServerPhase = { seconds, ...snap };
  entry.cpuPercent = share(cpu0, cpu1);
  entry.serverCpuWaitPercent = share(wait0[0], wait1[0]);
  entry.clientCpuWaitPercent = share(wait0[1], wait1[1]);
  ctx.results.server[name] = entry;
  return result;
}

/**
 * Waits until the store's resourceVersion has not moved for 1 s (at most 60 s), so the list
 * phase times lists, not the scheduler still marking the seeded pods Unschedulable. Returns
 * how long that took.
 */
async function settle(client: PhaseContext['client']): Promise<number> {
  const t0 = performance.now();
  let last = '';
  let since = t0;
  while (performance.now() - t0 < 60_000) {
    const res = await client.ok('GET', '/api/v1/namespaces/bench-pods/configmaps?limit=1');
    const rv = (JSON.parse(res.body.toString('utf8')) as { metadata: { resourceVersion: string } }).metadata.resourceVersion;
    if (rv !== last) {
      last = rv;
      since = performance.now();
    } else if (performance.now() - since >= 1000) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  return Math.round(performance.now() - t0);
}

export async function runPhases(ctx: PhaseContext): Promise<void> {
  const { opts, client, results } = ctx;
  // Warm-up: lets V8 optimise the write path before anything is timed.
  await ensureNamespace(client, 'bench-warmup');
  await createMany(client, '/api/v1/namespaces/bench-warmup/configmaps', WARMUP_CREATES, opts.concurrency, (i) => smallConfigMap('bench-warmup', i));

  if (opts.phases.has('creates')) {
    ctx.log(`creates: ${opts.creates} ConfigMaps, ${opts.concurrency} in flight`);
    await ensureNamespace(client, 'bench-creates');
    results.creates = await phase(ctx, 'creates', () => createMany(client, '/api/v1/namespaces/bench-creates/configmaps', opts.creates, opts.concurrency, (i) => smallConfigMap('bench-creates', i)));
  }
  if (opts.phases.has('list')) {
    ctx.log(`list: seeding ${opts.pods} pods`);
    await ensureNamespace(client, 'bench-pods');
    results.podSeed = await phase(ctx, 'pod-seed', () => createMany(client, '/api/v1/namespaces/bench-pods/pods', opts.pods, opts.concurrency, (i) => realisticPod('bench-pods', i)));
    ctx.log(`list: waiting for the controllers to settle`);
    results.settleMs = await settle(client);
    ctx.log(`list: timing lists of ${opts.pods} pods`);
    results.list = await phase(ctx, 'list', () => listBench(client, 'bench-pods', opts.pods, opts.listRepeats, () => cpuSeconds(ctx.server.pid)));
  }
  if (opts.phases.has('watch')) {
    ctx.log(`watch: ${opts.watchers} watchers, ${opts.rate} writes/s for ${opts.durationSec} s`);
    await ensureNamespace(client, 'bench-watch');
    const watch = { namespace: 'bench-watch', watchers: opts.watchers, rate: opts.rate, durationSec: opts.durationSec, maxInFlight: 64, drainTimeoutMs: 15_000 };
    results.watch = await phase(ctx, 'watch', () => watchBench(client, ctx.server, watch));
  }
}
