/**
 * A deduplicating work queue for in-process controllers. Store subscribers enqueue keys
 * synchronously (they must never write from inside a delivery); the queue processes them on a
 * later tick, retrying failures with capped exponential back-off. Work runs in slices of a few
 * milliseconds so that a controller catching up on 100,000 objects never stalls the API server.
 */
const SLICE_MS = 8;
export class WorkQueue {
  private readonly pending = new Set<string>();
  private readonly failures = new Map<string, number>();
  private scheduled = false;
  private stopped = false;
  private readonly timers = new Set<NodeJS.Timeout>();

  constructor(private readonly name: string, private readonly process: (key: string) => void) {}

  add(key: string): void {
    if (this.stopped) return;
    this.pending.add(key);
    if (!this.scheduled) {
      this.scheduled = true;
      setImmediate(() => this.drain());
    }
  }

  addAfter(key: string, ms: number): void {
    if (this.stopped) return;
    const t = setTimeout(() => {
      this.timers.delete(t);
      this.add(key);
    }, ms);
    t.unref();
    this.timers.add(t);
  }

  private drain(): void {
    this.scheduled = false;
    const deadline = Date.now() + SLICE_MS;
    for (const key of this.pending) {
      if (this.stopped) return;
      if (Date.now() > deadline) {
        this.scheduled = true;
        // A timer rather than setImmediate: it lets pending I/O (API requests) run first.
        setTimeout(() => this.drain(), 0);
        return;
      }
      this.pending.delete(key);
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
