/**
 * Small statistics over raw samples: nearest-rank percentiles, as supervisor/bench/stats.ts
 * computes them, so both benchmarks report the same way. Empty input gives NaN, never throws.
 */

/**
 * Nearest-rank percentile of the samples (unsorted input is fine).
 * @param {readonly number[]} samples
 * @param {number} p 0..100
 */
export function percentile(samples, p) {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return /** @type {number} */ (sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))]);
}

/**
 * @param {readonly number[]} samples
 * @returns {{ n: number, median: number, p95: number, max: number, runs: number[] }}
 */
export function summarize(samples) {
  return {
    n: samples.length,
    median: percentile(samples, 50),
    p95: percentile(samples, 95),
    max: samples.length ? Math.max(...samples) : Number.NaN,
    runs: samples.map(round),
  };
}

/** Rounds for display and JSON: 2 decimals below 10, 1 below 1000, integers above. */
export function round(v) {
  if (!Number.isFinite(v)) return v;
  const abs = Math.abs(v);
  const digits = abs < 10 ? 100 : abs < 1000 ? 10 : 1;
  return Math.round(v * digits) / digits;
}

/** Milliseconds for people: "850 ms", "2.4 s". */
export function ms(v) {
  if (!Number.isFinite(v)) return 'n/a';
  return v < 1000 ? `${Math.round(v)} ms` : `${(v / 1000).toFixed(v < 10_000 ? 2 : 1)} s`;
}

/** Bytes for people: "512 KiB", "86.3 MiB". */
export function bytes(v) {
  if (!Number.isFinite(v)) return 'n/a';
  if (v < 2 ** 20) return `${Math.round(v / 1024)} KiB`;
  return `${(v / 2 ** 20).toFixed(1)} MiB`;
}
