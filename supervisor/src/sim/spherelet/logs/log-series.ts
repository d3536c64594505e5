import { intOf, Rng, unitOf } from '../hash';
import type { LogScript } from './log-script';

/**
 * The lines of one container instance as an indexed series, without materializing it: line i's
 * time and text are computed on demand, and "how many lines by time t" is O(1) for the steady
 * part, so `--tail` and `--since` on a container that has been logging for days stay cheap.
 *
 * Steady line i is printed at start + (E + (i + j_i) × mean) / scale, with j_i ∈ [0, 0.9) from
 * the hash of the instance and i: irregular, strictly increasing, and invertible.
 */
export interface InstanceWindow {
  /** Real epoch ms the instance started. */
  startedAt: number;
  /** Real epoch ms it exited, once it has. */
  finishedAt?: number;
  exitCode?: number;
}

export interface LogLine {
  /** Index in the series. */
  index: number;
  /** Real epoch ms (fractional). */
  at: number;
  /** Nanoseconds within the millisecond for the `--timestamps` prefix. */
  nanos: number;
  text: string;
}

/** The kubelet keeps only the current log file; older lines are rotated away. */
export const RETAINED_LINES = 10_000;
/** Real ms between the last lines before an exit. */
const TRAILER_SPACING = 0.25;

export class LogSeries {
  private readonly startupTimes: number[];
  private readonly steadyBase: number;
  private readonly cutoff: number;
  private trailerCache?: string[];

  constructor(
    private readonly script: LogScript,
    private readonly win: InstanceWindow,
    private readonly scale: number,
    private readonly seed: (string | number)[],
  ) {
    const exit = win.finishedAt;
    this.cutoff = exit === undefined ? Infinity : exit - (this.trailer().length + 1) * TRAILER_SPACING;
    this.startupTimes = script.startup.map((l) => win.startedAt + l.offsetMs / scale).filter((t) => t <= this.cutoff);
    const lastOffset = script.startup.length ? script.startup[script.startup.length - 1]!.offsetMs + 50 : 0;
    this.steadyBase = lastOffset;
  }

  private trailer(): string[] {
    if (this.win.finishedAt === undefined || !this.script.trailer) return [];
    this.trailerCache ??= this.script.trailer(this.win.exitCode ?? 0, new Date(this.win.finishedAt), new Rng(...this.seed, 'trailer'));
    return this.trailerCache;
  }

  private jitter(i: number): number {
    return 0.9 * unitOf(...this.seed, 'line', i);
  }

  private steadyTime(i: number): number {
    return this.win.startedAt + (this.steadyBase + (i + this.jitter(i)) * this.script.steadyMs!) / this.scale;
  }

  /** Steady lines printed at or before `t` (strictly before when `strict`). */
  private steadyCount(t: number, strict: boolean): number {
    if (!this.script.steadyMs || !this.script.steady) return 0;
    const limit = Math.min(t, this.cutoff);
    const q = ((limit - this.win.startedAt) * this.scale - this.steadyBase) / this.script.steadyMs;
    if (q < 0) return 0;
    const whole = Math.floor(q);
    const t0 = this.steadyTime(whole);
    return whole + (strict ? (t0 < limit ? 1 : 0) : t0 <= limit ? 1 : 0);
  }

  private trailerTimes(): number[] {
    const lines = this.trailer();
    return lines.map((_, k) => this.win.finishedAt! - (lines.length - k) * TRAILER_SPACING);
  }

  /** Lines printed at or before `t`. */
  countAt(t: number): number {
    const startup = this.startupTimes.filter((x) => x <= t).length;
    const trailer = this.trailerTimes().filter((x) => x <= t).length;
    return startup + this.steadyCount(t, false) + trailer;
  }

  /** Index of the first line printed at or after `t`. */
  firstAtOrAfter(t: number): number {
    const startup = this.startupTimes.filter((x) => x < t).length;
    const trailer = this.trailerTimes().filter((x) => x < t).length;
    return startup + this.steadyCount(t, true) + trailer;
  }

  /** The time line `index` is printed (Infinity: it never is, as the instance exits first). */
  timeOf(index: number): number {
    const s = this.startupTimes.length;
    if (index < s) return this.startupTimes[index]!;
    const finalSteady = this.win.finishedAt === undefined ? Infinity : this.steadyCount(Infinity, false);
    if (index - s < finalSteady) {
      if (!this.script.steadyMs || !this.script.steady) return Infinity;
      const at = this.steadyTime(index - s);
      return at <= this.cutoff ? at : Infinity;
    }
    const trailer = this.trailerTimes();
    return trailer[index - s - finalSteady] ?? Infinity;
  }

  line(index: number): LogLine {
    const at = this.timeOf(index);
    const date = new Date(Math.floor(at));
    const s = this.startupTimes.length;
    let text: string;
    if (index < s) text = this.script.startup[index]!.text(date);
    else {
      const steadyIndex = index - s;
      const finalSteady = this.win.finishedAt === undefined ? Infinity : this.steadyCount(Infinity, false);
      text = steadyIndex < finalSteady ? this.script.steady!(steadyIndex, date, new Rng(...this.seed, 'line', steadyIndex)) : (this.trailer()[steadyIndex - finalSteady] ?? '');
    }
    return { index, at, nanos: intOf(0, 999_999, ...this.seed, 'ns', index), text };
  }
}

export interface Selection {
  from: number;
  to: number;
}

/** The lines a request gets at time `until`: rotation, then `sinceTime`, then `tailLines`. */
export function selectLines(series: LogSeries, until: number, options: { tailLines?: number; since?: number }): Selection {
  const to = series.countAt(until);
  let from = Math.max(0, to - RETAINED_LINES);
  if (options.since !== undefined) from = Math.max(from, series.firstAtOrAfter(options.since));
  if (options.tailLines !== undefined) from = Math.max(from, to - options.tailLines);
  return { from: Math.min(from, to), to };
}
