import type { Store } from '../../storage/store';

/**
 * A deduplicating work queue like controllers/work-queue.ts whose drain runs as one durable
 * store transaction: binding a thousand pods costs one fsync per batch instead of three per pod.
 * Batches are capped so the event loop (and the API) breathes between them. A failing key is
 * retried with capped exponential back-off; its failure never aborts the batch.
 */
export class BatchQueue {
  private readonly pending = new Set<string>();
  private readonly failures = new Map<string, number>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private scheduled = false;
  private stopped = false;

  constructor(
    private readonly name: string,
    private readonly store: Store,
    private readonly process: (key: string) => void,
    private readonly maxBatch = 500,
  ) {}

  add(key: string): void {
    if (this.stopped) return;
    this.pending.add(key);
    this.schedule();
  }

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

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => this.drain());
  }

  private drain(): void {
    this.scheduled = false;
    if (this.stopped) return;
    const keys: string[] = [];
    for (const key of this.pending) {
      keys.push(key);
      if (keys.length >= this.maxBatch) break;
    }
    for (const key of keys) this.pending.delete(key);
    if (this.pending.size) this.schedule();
    this.store.batch(() => {
      for (const key of keys) {
        if (this.stopped) return;
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
    });
  }

  stop(): void {
    this.stopped = true;
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
  }
}
