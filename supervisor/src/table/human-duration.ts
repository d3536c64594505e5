/**
 * apimachinery `pkg/util/duration.HumanDuration` and the printers' timestamp helpers.
 * Durations are truncated (never rounded) at each unit, exactly as Go's integer division does.
 */

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

/** Upstream's "~2-3 significant figures" rendering: `45s`, `4m5s`, `25m`, `5h3m`, `30h`, `3d5h`, `45d`, `2y30d`, `9y`. */
export function humanDuration(ms: number): string {
  const seconds = Math.trunc(ms / SECOND);
  // Up to 2s in the future is tolerated as clock skew between machines.
  if (seconds < -1) return '<invalid>';
  if (seconds < 0) return '0s';
  if (seconds < 120) return `${seconds}s`;
  const minutes = Math.trunc(ms / MINUTE);
  if (minutes < 10) {
    const s = seconds % 60;
    return s === 0 ? `${minutes}m` : `${minutes}m${s}s`;
  }
  if (minutes < 180) return `${minutes}m`;
  const hours = Math.trunc(ms / HOUR);
  if (hours < 8) {
    const m = minutes % 60;
    return m === 0 ? `${hours}h` : `${hours}h${m}m`;
  }
  if (hours < 48) return `${hours}h`;
  const days = Math.trunc(hours / 24);
  if (hours < 24 * 8) {
    const h = hours % 24;
    return h === 0 ? `${days}d` : `${days}d${h}h`;
  }
  if (hours < 24 * 365 * 2) return `${days}d`;
  const years = Math.trunc(days / 365);
  if (hours < 24 * 365 * 8) {
    const dy = days % 365;
    return dy === 0 ? `${years}y` : `${years}y${dy}d`;
  }
  return `${years}y`;
}

/** Go's zero `time.Time` (0001-01-01T00:00:00Z), which metav1.Time serialises for "unset". */
const GO_ZERO_TIME = -62135596800000;

const RFC3339 = /^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/;

/**
 * Parses an RFC 3339 timestamp (metav1.Time / MicroTime). Returns `undefined` for anything that
 * is not one and `null` for an unset time (absent, empty, `null` or Go's zero time).
 */
export function parseTimestamp(value: unknown): number | null | undefined {
  if (value === undefined || value === null || value === '' || value === 'null') return null;
  if (typeof value !== 'string' || !RFC3339.test(value)) return undefined;
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) return undefined;
  return ms <= GO_ZERO_TIME ? null : ms;
}

/** printers.go `translateTimestampSince`: `<unknown>` for an unset or unparsable time. */
export function timestampSince(value: unknown, now: number): string {
  const ms = parseTimestamp(value);
  return ms === null || ms === undefined ? '<unknown>' : humanDuration(now - ms);
}
