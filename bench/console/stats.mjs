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
 * Median and max over the repeats of a figure; a null sample is a repeat in which the figure
 * was not reached (it counts in `n`, not in `reached`, and not in the statistics).
 * @param {readonly (number | null | undefined)[]} samples
 * @returns {{ n: number, reached: number, median: number, max: number, runs: (number | null)[] }}
 */
export function summarize(samples) {
  const got = samples.filter((v) => typeof v === 'number' && Number.isFinite(v)).map(Number);
  return {
    n: samples.length,
    reached: got.length,
    median: percentile(got, 50),
    max: got.length ? Math.max(...got) : Number.NaN,
    runs: samples.map((v) => (typeof v === 'number' ? round(v) : null)),
  };
}

/** Rounds for display and JSON: 2 decimals below 10, 1 below 1000, integers above. */
export function round(v) {
  if (!Number.isFinite(v)) return v;
  const abs = Math.abs(v);
  const digits = abs < 10 ? 100 : abs < 1000 ? 10 : 1;
  return Math.round(v * digits) / digits;
}

/** Milliseconds for people: "0.4 ms", "850 ms", "2.4 s". */
export function ms(v) {
  if (!Number.isFinite(v)) return 'n/a';
  if (v < 10) return `${v.toFixed(1)} ms`;
  return v < 1000 ? `${Math.round(v)} ms` : `${(v / 1000).toFixed(v < 10_000 ? 2 : 1)} s`;
}

/** Bytes for people, in decimal units as the goals are: "512 kB", "86.3 MB". */
export function bytes(v) {
  if (!Number.isFinite(v)) return 'n/a';
  if (v < 1e6) return `${Math.round(v / 1e3)} kB`;
  return `${(v / 1e6).toFixed(1)} MB`;
}
