/**
 * Reconnect delays: exponential from `baseMs`, capped at `maxMs`, with full jitter in the upper
 * half so many tabs recovering from one outage do not reconnect in step.
 */
export function backoffDelay(attempt: number, baseMs = 1000, maxMs = 30_000, random: () => number = Math.random): number {
  const ceiling = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}
