import { createHash } from 'node:crypto';

/**
 * Deterministic randomness for the simulated runtime: every "random" choice (durations, IDs,
 * log content) is a hash of the things it belongs to (pod uid, container, instance, line), so
 * the same pod always behaves and logs the same way, across requests and restarts.
 */
export function hexOf(...parts: (string | number)[]): string {
  return createHash('sha256').update(parts.join('\u0000')).digest('hex');
}

/** A number in [0, 1) derived from `parts`. */
export function unitOf(...parts: (string | number)[]): number {
  return parseInt(hexOf(...parts).slice(0, 12), 16) / 2 ** 48;
}

/** An integer in [min, max] derived from `parts`. */
export function intOf(min: number, max: number, ...parts: (string | number)[]): number {
  return min + Math.floor(unitOf(...parts) * (max - min + 1));
}

export function pickOf<T>(items: readonly T[], ...parts: (string | number)[]): T {
  return items[Math.floor(unitOf(...parts) * items.length)]!;
}

/** UUID-shaped text from `parts`; `prefix` replaces its first hex digits (e.g. "50" for vSphere instance UUIDs). */
export function uuidOf(prefix: string, ...parts: (string | number)[]): string {
  const h = (prefix + hexOf(...parts)).slice(0, 32);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

/**
 * A small seeded generator for code that needs a sequence of values from one seed (a log line
 * with several random fields). mulberry32 over a 32-bit seed taken from the hash.
 */
export class Rng {
  private state: number;

  constructor(...parts: (string | number)[]) {
    this.state = parseInt(hexOf(...parts).slice(0, 8), 16) >>> 0;
  }

  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }

  hex(length: number): string {
    let out = '';
    while (out.length < length) out += Math.floor(this.next() * 16).toString(16);
    return out;
  }
}
