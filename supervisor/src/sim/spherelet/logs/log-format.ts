/**
 * Time formats the simulated programs print (all UTC), and the kubelet's own timestamp prefix.
 */
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

const p2 = (n: number): string => String(n).padStart(2, '0');
const p3 = (n: number): string => String(n).padStart(3, '0');

function parts(d: Date) {
  return {
    y: d.getUTCFullYear(),
    mo: d.getUTCMonth(),
    d: d.getUTCDate(),
    h: p2(d.getUTCHours()),
    mi: p2(d.getUTCMinutes()),
    s: p2(d.getUTCSeconds()),
    ms: p3(d.getUTCMilliseconds()),
  };
}

/** `2025-03-01T10:00:05.123456789Z`: the kubelet's `--timestamps` prefix (fixed nine digits). */
export function kubeletTimestamp(at: number, nanosWithinMs: number): string {
  const d = new Date(Math.floor(at));
  return `${d.toISOString().slice(0, 19)}.${p3(d.getUTCMilliseconds())}${String(nanosWithinMs).padStart(6, '0')}Z`;
}

/** nginx error log: `2025/03/01 10:00:05`. */
export function nginxErrorTime(d: Date): string {
  const t = parts(d);
  return `${t.y}/${p2(t.mo + 1)}/${p2(t.d)} ${t.h}:${t.mi}:${t.s}`;
}

/** Common log format: `01/Mar/2025:10:00:05 +0000`. */
export function clfTime(d: Date): string {
  const t = parts(d);
  return `${p2(t.d)}/${MONTHS[t.mo]}/${t.y}:${t.h}:${t.mi}:${t.s} +0000`;
}

/** PostgreSQL log_line_prefix `%m`: `2025-03-01 10:00:05.123 UTC`. */
export function postgresTime(d: Date): string {
  const t = parts(d);
  return `${t.y}-${p2(t.mo + 1)}-${p2(t.d)} ${t.h}:${t.mi}:${t.s}.${t.ms} UTC`;
}

/** Redis: `01 Mar 2025 10:00:05.123`. */
export function redisTime(d: Date): string {
  const t = parts(d);
  return `${p2(t.d)} ${MONTHS[t.mo]} ${t.y} ${t.h}:${t.mi}:${t.s}.${t.ms}`;
}

/** log4j/logback and Python logging: `2025-03-01 10:00:05,123`. */
export function commaTime(d: Date): string {
  const t = parts(d);
  return `${t.y}-${p2(t.mo + 1)}-${p2(t.d)} ${t.h}:${t.mi}:${t.s},${t.ms}`;
}

/** TensorFlow's C++ logging: `2025-03-01 10:00:05.123456`. */
export function microTime(d: Date, micros: number): string {
  const t = parts(d);
  return `${t.y}-${p2(t.mo + 1)}-${p2(t.d)} ${t.h}:${t.mi}:${t.s}.${t.ms}${p3(micros % 1000)}`;
}

/** ISO 8601 with milliseconds: `2025-03-01T10:00:05.123Z` (zap, logrus, MinIO). */
export function isoTime(d: Date): string {
  return d.toISOString();
}

/** ISO 8601 in seconds: `2025-03-01T10:00:05Z`. */
export function isoSeconds(d: Date): string {
  return d.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** `date` in a shell: `Sat Mar  1 10:00:05 UTC 2025`. */
export function shellDate(d: Date): string {
  const days = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
  const t = parts(d);
  return `${days[d.getUTCDay()]} ${MONTHS[t.mo]} ${String(t.d).padStart(2, ' ')} ${t.h}:${t.mi}:${t.s} UTC ${t.y}`;
}
