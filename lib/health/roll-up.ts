import type { Health } from '../resources/types';

/** The worst health of a set, for tree badges that roll up to their parents. */
const ORDER: Health[] = ['error', 'warning', 'progressing', 'unknown', 'healthy'];

export function worst(healths: Iterable<Health>): Health {
  let best = ORDER.length - 1;
  let any = false;
  for (const h of healths) {
    any = true;
    best = Math.min(best, ORDER.indexOf(h));
  }
  return any ? ORDER[best]! : 'healthy';
}

export function countByHealth(healths: Iterable<Health>): Record<Health, number> {
  const out: Record<Health, number> = { healthy: 0, progressing: 0, warning: 0, error: 0, unknown: 0 };
  for (const h of healths) out[h]++;
  return out;
}
