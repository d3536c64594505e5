/**
 * Simulated time: real wall-clock timestamps, but delays divided by SUPERVISOR_TIME_SCALE so
 * tests can run a VM's minute-long boot in a second. Timers are unref'd and cancelled on stop.
 */
export class Clock {
  private readonly timers = new Set<NodeJS.Timeout>();

  constructor(readonly scale: number) {}

  now(): Date {
    return new Date();
  }

  /** A simulated duration in real milliseconds. */
  real(ms: number): number {
    return Math.max(0, ms / this.scale);
  }

  after(ms: number, fn: () => void): () => void {
    const t = setTimeout(() => {
      this.timers.delete(t);
      fn();
    }, this.real(ms));
    t.unref();
    this.timers.add(t);
    return () => {
      clearTimeout(t);
      this.timers.delete(t);
    };
  }

  every(ms: number, fn: () => void): () => void {
    const t = setInterval(fn, this.real(ms));
    t.unref();
    this.timers.add(t);
    return () => {
      clearInterval(t);
      this.timers.delete(t);
    };
  }

  stop(): void {
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
  }
}
