import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import type { BenchClient, Target } from './http-client';
import { summarize, type Summary } from './stats';
import { WatchStream } from './watch-stream';
import type { WriterDone, WriterRun, WriterWarm } from './watch-writer';

/**
 * Watch fan-out lag: W watches (one connection each) on one namespace's ConfigMaps from the
 * current resourceVersion, while a separate process creates ConfigMaps at a steady rate. Every
 * watcher must see exactly the acknowledged writes, in resourceVersion order.
 */
export interface WatchOptions {
  namespace: string;
  watchers: number;
  rate: number;
  durationSec: number;
  maxInFlight: number;
  /** How long to wait, after the last write, for every watcher to catch up. */
  drainTimeoutMs: number;
}

export interface WatchResults {
  watchers: number;
  planned: number;
  acknowledged: number;
  writeFailures: string[];
  achievedRate: number;
  writerSendDelayMs: Summary;
  writeLatencyMs: Summary;
  lagMs: Summary;
  eventsPerWatcher: { min: number; max: number };
  watchersComplete: number;
  lost: number;
  reordered: number;
  duplicated: number;
  problems: string[];
  /** Events for objects other than the writer's (other controllers), summed over watchers. */
  foreignEvents: number;
  clockOffsetMs: number;
  clientLoopDelayMs: { p99: number; max: number };
  /** The writes with the largest lag (worst watcher), with when they were sent and how long the POST took. */
  worst: { seq: number; atMs: number; lagMs: number; writeLatencyMs: number; watchersOver100ms: number }[];
}

const WRITER = fileURLToPath(new URL('./watch-writer.ts', import.meta.url));

function request<T>(child: ChildProcess, msg: object, kind: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const onMessage = (m: unknown): void => {
      if ((m as { kind: string }).kind !== kind) return;
      child.off('message', onMessage);
      child.off('exit', onExit);
      resolve(m as T);
    };
    const onExit = (code: number | null): void => {
      child.off('message', onMessage);
      reject(new Error(`watch writer exited (code ${code}) before answering ${kind}`));
    };
    child.on('message', onMessage);
    child.once('exit', onExit);
    child.send(msg);
  });
}

/** Offset to add to the writer's clock to get ours: the ping with the smallest round trip wins. */
async function clockOffset(child: ChildProcess): Promise<number> {
  let best = { rtt: Infinity, offset: 0 };
  for (let i = 0; i < 30; i++) {
    const t0 = performance.timeOrigin + performance.now();
    const { t } = await request<{ t: number }>(child, { kind: 'ping' }, 'pong');
    const t1 = performance.timeOrigin + performance.now();
    if (t1 - t0 < best.rtt) best = { rtt: t1 - t0, offset: (t0 + t1) / 2 - t };
  }
  return best.offset;
}

async function until(cond: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!cond() && performance.now() < deadline) await new Promise((r) => setTimeout(r, 20));
}

/** Compares one watcher's rv sequence with the acknowledged rvs (ascending). */
export function checkOrder(got: readonly number[], expected: readonly number[]): { lost: number; reordered: number; duplicated: number } {
  const want = new Set(expected);
  const seen = new Set<number>();
  let duplicated = 0;
  let reordered = 0;
  let last = -Infinity;
  for (const rv of got) {
    if (seen.has(rv)) duplicated++;
    seen.add(rv);
    if (rv <= last) reordered++;
    last = Math.max(last, rv);
  }
  let lost = 0;
  for (const rv of want) if (!seen.has(rv)) lost++;
  return { lost, reordered, duplicated };
}

function worstWrites(streams: WatchStream[], acks: WriterDone['acks'], n: number): WatchResults['worst'] {
  const bySeq = new Map<number, { max: number; over: number }>();
  for (const s of streams) {
    for (const e of s.events) {
      const w = bySeq.get(e.seq) ?? { max: -Infinity, over: 0 };
      w.max = Math.max(w.max, e.lagMs);
      if (e.lagMs > 100) w.over++;
      bySeq.set(e.seq, w);
    }
  }
  const ackOf = new Map(acks.map((a) => [a.seq, a]));
  return [...bySeq.entries()]
    .sort((a, b) => b[1].max - a[1].max)
    .slice(0, n)
    .map(([seq, w]) => ({ seq, atMs: ackOf.get(seq)?.atMs ?? Number.NaN, lagMs: w.max, writeLatencyMs: ackOf.get(seq)?.latencyMs ?? Number.NaN, watchersOver100ms: w.over }));
}

export async function watchBench(client: BenchClient, target: Target, opts: WatchOptions): Promise<WatchResults> {
  const collection = `/api/v1/namespaces/${opts.namespace}/configmaps`;
  const list = await client.json<{ metadata: { resourceVersion: string } }>('GET', `${collection}?limit=1`);
  const writer = fork(WRITER, [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const streams: WatchStream[] = [];
  try {
    const offset = await clockOffset(writer);
    const warm: WriterWarm = { kind: 'warm', target, connections: opts.maxInFlight };
    const warmed = await request<{ error?: string }>(writer, warm, 'warmed');
    if (warmed.error) throw new Error(`watch writer warm-up: ${warmed.error}`);
    const path = `${collection}?watch=true&resourceVersion=${list.metadata.resourceVersion}`;
    for (let i = 0; i < opts.watchers; i++) streams.push(new WatchStream(target, path, offset));
    await Promise.all(streams.map((s) => s.open()));

    const loop = monitorEventLoopDelay({ resolution: 5 });
    loop.enable();
    const run: WriterRun = { kind: 'run', target, namespace: opts.namespace, rate: opts.rate, durationSec: opts.durationSec, maxInFlight: opts.maxInFlight };
    const done = await request<WriterDone>(writer, run, 'done');
    const expected = done.acks.map((a) => a.rv).sort((a, b) => a - b);
    await until(() => streams.every((s) => s.events.length >= expected.length || s.problems.length > 0), opts.drainTimeoutMs);
    loop.disable();

    const lags: number[] = [];
    let lost = 0;
    let reordered = 0;
    let duplicated = 0;
    let complete = 0;
    const problems: string[] = [];
    for (const [i, s] of streams.entries()) {
      for (const e of s.events) lags.push(e.lagMs);
      const check = checkOrder(s.events.map((e) => e.rv), expected);
      lost += check.lost;
      reordered += check.reordered;
      duplicated += check.duplicated;
      if (check.lost === 0 && check.reordered === 0 && check.duplicated === 0 && s.events.length === expected.length) complete++;
      for (const p of s.problems) problems.push(`watcher ${i}: ${p}`);
    }
    const counts = streams.map((s) => s.events.length);
    const worst = worstWrites(streams, done.acks, 5);
    return {
      watchers: opts.watchers,
      planned: done.planned,
      acknowledged: done.acks.length,
      writeFailures: done.failures.slice(0, 10),
      achievedRate: done.acks.length / done.elapsedSec,
      writerSendDelayMs: done.sendDelay,
      writeLatencyMs: done.latency,
      lagMs: summarize(lags),
      eventsPerWatcher: { min: Math.min(...counts), max: Math.max(...counts) },
      watchersComplete: complete,
      lost,
      reordered,
      duplicated,
      problems: problems.slice(0, 20),
      foreignEvents: streams.reduce((a, s) => a + s.foreign, 0),
      clockOffsetMs: offset,
      clientLoopDelayMs: { p99: loop.percentile(99) / 1e6, max: loop.max / 1e6 },
      worst,
    };
  } finally {
    for (const s of streams) s.close();
    if (writer.exitCode === null) writer.kill('SIGKILL');
  }
}
