import type { StoreEvent } from './store';

/**
 * A bounded, resourceVersion-ordered window of recent store events, used to resume watches
 * from a resourceVersion and to rebuild older list snapshots for continue tokens.
 * `startRv` is the newest resourceVersion that is NOT covered: a watch from rv >= startRv can
 * be served exactly; anything older is answered with 410 Expired.
 */
export class History {
  private readonly buffer: (StoreEvent | undefined)[];
  private head = 0;
  private size = 0;
  private start: number;

  constructor(private readonly capacity: number, currentRv: number) {
    this.buffer = new Array(capacity);
    this.start = currentRv;
  }

  get startRv(): number {
    return this.start;
  }

  append(event: StoreEvent): void {
    const index = (this.head + this.size) % this.capacity;
    if (this.size === this.capacity) {
      const evicted = this.buffer[this.head]!;
      this.start = evicted.rv;
      this.head = (this.head + 1) % this.capacity;
    } else {
      this.size++;
    }
    this.buffer[index] = event;
  }

  private at(i: number): StoreEvent {
    return this.buffer[(this.head + i) % this.capacity]!;
  }

  /** Events with rv > `rv`, oldest first. The caller checks `rv >= startRv` first. */
  since(rv: number): StoreEvent[] {
    let lo = 0;
    let hi = this.size;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.at(mid).rv <= rv) lo = mid + 1;
      else hi = mid;
    }
    const out: StoreEvent[] = [];
    for (let i = lo; i < this.size; i++) out.push(this.at(i));
    return out;
  }
}
