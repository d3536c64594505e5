/**
 * Simulated durations measured against real timestamps. Object timestamps are wall-clock time,
 * but every delay the controllers honour (minReadySeconds, progressDeadlineSeconds,
 * activeDeadlineSeconds, back-off, TTLs) is simulated time, i.e. wall-clock time multiplied by
 * SUPERVISOR_TIME_SCALE, so a test at scale 50 sees a 600 s deadline pass in 12 s.
 */
export function simSecondsSince(since: string | undefined | null, nowMs: number, scale: number): number {
  if (!since) return 0;
  const t = Date.parse(since);
  if (Number.isNaN(t)) return 0;
  return ((nowMs - t) / 1000) * scale;
}

/** Simulated seconds left until `since + seconds`, never negative. */
export function simSecondsLeft(since: string | undefined | null, seconds: number, nowMs: number, scale: number): number {
  return Math.max(0, seconds - simSecondsSince(since, nowMs, scale));
}
