import { createRequire } from 'node:module';
import fs from 'node:fs';
import { Session } from 'node:inspector';
import { monitorEventLoopDelay, PerformanceObserver, performance } from 'node:perf_hooks';

/**
 * Instrumentation preloaded into the supervisor process by the benchmark (`--import`), so server-
 * side costs can be attributed without changing supervisor code. Over the parent's IPC channel
 * it answers `reset`, `snapshot` (event-loop delay, GC pauses, durable SQLite commit times) and
 * `profile-start`/`profile-stop` (a V8 CPU profile of just one phase). Overhead is two
 * `performance.now()` calls per commit and one histogram timer.
 */
interface Probe {
  probe: 'reset' | 'snapshot' | 'profile-start' | 'profile-stop';
  id: number;
  file?: string;
}

export interface DurationStats {
  count: number;
  totalMs: number;
  p50: number;
  p99: number;
  max: number;
  over50ms: number;
}

export interface ProbeSnapshot {
  loopDelayMs: { p50: number; p99: number; max: number };
  gc: DurationStats;
  commits: DurationStats;
}

type TransactionFn = (...args: unknown[]) => unknown;
interface DatabaseClass {
  prototype: { transaction(this: unknown, fn: TransactionFn): TransactionFn };
}

const require = createRequire(import.meta.url);
const Database = require('better-sqlite3') as DatabaseClass;

let commits: number[] = [];
let gcs: number[] = [];
let depth = 0;

// Times every outermost transaction: a durable put/remove is one fsynced commit.
const originalTransaction = Database.prototype.transaction;
Database.prototype.transaction = function (this: unknown, fn: TransactionFn): TransactionFn {
  const tx = originalTransaction.call(this, fn);
  return function (this: unknown, ...args: unknown[]): unknown {
    const start = depth === 0 ? performance.now() : 0;
    depth++;
    try {
      return tx.apply(this, args);
    } finally {
      depth--;
      if (depth === 0) commits.push(performance.now() - start);
    }
  };
};

const loop = monitorEventLoopDelay({ resolution: 1 });
loop.enable();
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) gcs.push(e.duration);
}).observe({ entryTypes: ['gc'] });

function stats(samples: number[]): DurationStats {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (p: number): number => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]! : 0);
  return { count: sorted.length, totalMs: sorted.reduce((a, b) => a + b, 0), p50: at(50), p99: at(99), max: sorted.at(-1) ?? 0, over50ms: sorted.filter((v) => v > 50).length };
}

let session: Session | undefined;
function post<T>(method: string, params?: object): Promise<T> {
  return new Promise((resolve, reject) => session!.post(method, params ?? {}, (err, res) => (err ? reject(err) : resolve(res as T))));
}

async function handle(msg: Probe): Promise<unknown> {
  switch (msg.probe) {
    case 'reset':
      commits = [];
      gcs = [];
      loop.reset();
      return {};
    case 'snapshot':
      return { loopDelayMs: { p50: loop.percentile(50) / 1e6, p99: loop.percentile(99) / 1e6, max: loop.max / 1e6 }, gc: stats(gcs), commits: stats(commits) } satisfies ProbeSnapshot;
    case 'profile-start':
      session ??= new Session();
      session.connect();
      await post('Profiler.enable');
      await post('Profiler.setSamplingInterval', { interval: 200 });
      await post('Profiler.start');
      return {};
    case 'profile-stop': {
      const { profile } = await post<{ profile: unknown }>('Profiler.stop');
      session?.disconnect();
      session = undefined;
      fs.writeFileSync(msg.file!, JSON.stringify(profile));
      return { file: msg.file };
    }
  }
}

if (process.send) {
  process.on('message', (raw: unknown) => {
    const msg = raw as Probe;
    if (typeof msg?.probe !== 'string') return;
    handle(msg).then(
      (result) => process.send!({ probeReply: msg.id, result }),
      (e: unknown) => process.send!({ probeReply: msg.id, error: String(e) }),
    );
  });
}
