/**
 * A deduplicating work queue for in-process controllers. Store subscribers enqueue keys
 * synchronously (they must never write from inside a delivery); the queue processes them on a
 * later tick, retrying failures with capped exponential back-off. Work runs in slices of a few
 * milliseconds so that a controller catching up on 100,000 objects never stalls the API server.
 */
const SLICE_MS = 8;

export interface WorkQueueOptions {
  /** Most keys one slice processes (besides its time limit); default unlimited. */
  maxBatch?: number;
  /**
   * Runs each slice's keys, e.g. `(run) => store.batch(run)` to group a slice's writes. A key
   * that throws is retried with back-off; it never aborts the rest of the slice.
   */
  wrap?: (run: () => void) => void;
}

export class WorkQueue {
  private readonly pending = new Set<string>();
  private readonly failures = new Map<string, number>();
  private scheduled = false;
  private stopped = false;
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly maxBatch: number;
  private readonly wrap: (run: () => void) => void;

  constructor(
    private readonly name: string,
    private readonly process: (key: string) => void,
    options: WorkQueueOptions = {},
  ) {
    this.maxBatch = options.maxBatch ?? Infinity;
    this.wrap = options.wrap ?? ((run) => run());
  }

  add(key: string): void {
    if (this.stopped) return;
    this.pending.add(key);
    if (!this.scheduled) {
      this.scheduled = true;
      setImmediate(() => this.drain());
    }
  }

  /** Adds `key` after `ms` real milliseconds; at once when `ms` is 0 or less. */
  addAfter(key: string, ms: number): void {
    if (this.stopped) return;
    if (ms <= 0) return this.add(key);
    const t = setTimeout(() => {
      this.timers.delete(t);
      this.add(key);
    }, ms);
    t.unref();
    this.timers.add(t);
  }

  private drain(): void {
    this.scheduled = false;
    if (this.stopped) return;
    const deadline = Date.now() + SLICE_MS;
    let done = 0;
    this.wrap(() => {
      for (const key of this.pending) {
        if (this.stopped) return;
        if (done >= this.maxBatch || Date.now() > deadline) {
          this.scheduled = true;
          // A timer rather than setImmediate: it lets pending I/O (API requests) run first.
          setTimeout(() => this.drain(), 0);
          return;
        }
        this.pending.delete(key);
        done++;
        this.run(key);
      }
    });
  }

  private run(key: string): void {
    try {
      this.process(key);
      this.failures.delete(key);
    } catch (e) {
      const n = (this.failures.get(key) ?? 0) + 1;
      this.failures.set(key, n);
      if (n === 1 || n % 10 === 0) process.stderr.write(`supervisor: ${this.name}: ${key}: ${(e as Error).message}\n`);
      this.addAfter(key, Math.min(30_000, 50 * 2 ** Math.min(n, 10)));
    }
  }

  stop(): void {
    this.stopped = true;
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
  }
}

export function splitKey(key: string): { namespace: string; name: string } {
  const slash = key.indexOf('/');
  return slash < 0 ? { namespace: '', name: key } : { namespace: key.slice(0, slash), name: key.slice(slash + 1) };
}
