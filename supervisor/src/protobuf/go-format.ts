/**
 * Go's text forms of protobuf scalars where they reach Kubernetes JSON: int64 numbers, byte
 * slices (standard base64 with padding), `time.Duration.String()` and the RFC 3339 layouts that
 * metav1.Time (seconds) and metav1.MicroTime (microseconds) marshal to.
 */
import { errors } from '../api/errors';

/** What protobufjs yields for 64-bit fields: a number, or a long.js Long when `long` is installed. */
export type Int64Value = number | { toNumber(): number; toString(): string };

/** JSON number of an int64 (Go writes the exact integer; beyond 2^53 JavaScript rounds). */
export function int64ToNumber(v: Int64Value): number {
  return typeof v === 'number' ? v : v.toNumber();
}

export function int64ToBigInt(v: Int64Value): bigint {
  return typeof v === 'number' ? BigInt(Math.trunc(v)) : BigInt(v.toString());
}

export function bytesToBase64(v: Uint8Array): string {
  return Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString('base64');
}

const NS_PER = { us: 1000n, ms: 1000_000n, s: 1000_000_000n, m: 60_000_000_000n, h: 3_600_000_000_000n } as const;

/** `fraction` digits of `v / scale`, trailing zeros trimmed, with the leading dot (Go's fmtFrac). */
function fraction(v: bigint, scale: bigint): string {
  const digits = scale.toString().length - 1;
  const frac = (v % scale).toString().padStart(digits, '0').replace(/0+$/, '');
  return frac ? `.${frac}` : '';
}

/** Go's `time.Duration(ns).String()`: `0s`, `1.5µs`, `300ms`, `30s`, `1m30s`, `1h0m0s`, `-2h0m0s`. */
export function goDurationString(ns: bigint): string {
  if (ns === 0n) return '0s';
  const sign = ns < 0n ? '-' : '';
  const u = ns < 0n ? -ns : ns;
  if (u < NS_PER.us) return `${sign}${u}ns`;
  if (u < NS_PER.ms) return `${sign}${u / NS_PER.us}${fraction(u, NS_PER.us)}µs`;
  if (u < NS_PER.s) return `${sign}${u / NS_PER.ms}${fraction(u, NS_PER.ms)}ms`;
  const seconds = `${(u / NS_PER.s) % 60n}${fraction(u, NS_PER.s)}s`;
  if (u < NS_PER.m) return `${sign}${seconds}`;
  const minutes = `${(u / NS_PER.m) % 60n}m`;
  if (u < NS_PER.h) return `${sign}${minutes}${seconds}`;
  return `${sign}${u / NS_PER.h}h${minutes}${seconds}`;
}

/** Seconds of Go's zero `time.Time` (0001-01-01T00:00:00Z) since the Unix epoch. */
export const GO_ZERO_TIME_SECONDS = -62135596800;

/**
 * `t.UTC().Format(time.RFC3339)` (fractionDigits 0) or the MicroTime layout
 * `2006-01-02T15:04:05.000000Z07:00` (fractionDigits 6). Years outside 0000-9999 have no
 * RFC 3339 form and are rejected.
 */
export function formatRfc3339(seconds: number, nanos: number, fractionDigits: 0 | 6): string {
  const date = new Date(seconds * 1000);
  const year = date.getUTCFullYear();
  if (!Number.isFinite(date.getTime()) || year < 0 || year > 9999) throw errors.badRequest(`time out of range: ${seconds}s since the Unix epoch`);
  const p2 = (n: number): string => String(n).padStart(2, '0');
  const base = `${String(year).padStart(4, '0')}-${p2(date.getUTCMonth() + 1)}-${p2(date.getUTCDate())}T${p2(date.getUTCHours())}:${p2(date.getUTCMinutes())}:${p2(date.getUTCSeconds())}`;
  if (fractionDigits === 0) return `${base}Z`;
  return `${base}.${String(Math.trunc(nanos / 1000)).padStart(6, '0')}Z`;
}
