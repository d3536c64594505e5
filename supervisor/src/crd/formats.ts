/**
 * OpenAPI `format` checks for custom resources, following the kube-openapi strfmt registry:
 * a string with a known format must parse as that format; unknown formats are accepted
 * (upstream ignores them too). Integer formats additionally bound the value, which upstream's
 * CR validator does not do; the supervisor rejects out-of-range int32/int64 values so they never
 * reach an operator that would fail to decode them.
 */
import { isIP } from 'node:net';

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^([0-9]{2}):([0-9]{2}):([0-9]{2})(\.[0-9]+)?(z|[+-][0-9]{2}:[0-9]{2})$/;
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const UUID_VERSIONED = (v: number) => new RegExp(`^[0-9a-f]{8}-[0-9a-f]{4}-${v}[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$`, 'i');
const EMAIL = /^[^\s@]+@[^\s@]+$/;
const HOSTNAME_LABEL = /^[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?$/;
const MAC = /^(?:[0-9a-fA-F]{2}([:-]))(?:[0-9a-fA-F]{2}\1){4}[0-9a-fA-F]{2}$|^(?:[0-9a-fA-F]{4}\.){2}[0-9a-fA-F]{4}$/;
const GO_DURATION = /^[-+]?(?:(?:\d+(?:\.\d*)?|\.\d+)(?:ns|us|µs|μs|ms|s|m|h))+$/;
const HUMAN_DURATION = /^\s*\d+\s*(?:ns|us|µs|ms|s|m|h|d|w|nanoseconds?|microseconds?|milliseconds?|seconds?|minutes?|hours?|days?|weeks?)\s*$/i;

export function isDate(value: string): boolean {
  const m = DATE.exec(value);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** strfmt.IsDateTime: an RFC 3339 date, "T" (any case), time with zone. */
export function isDateTime(value: string): boolean {
  const parts = value.toLowerCase().split('t');
  if (parts.length !== 2 || !isDate(parts[0] ?? '')) return false;
  const m = TIME.exec(parts[1] ?? '');
  return !!m && (m[1] ?? '') <= '23' && (m[2] ?? '') <= '59' && (m[3] ?? '') <= '59';
}

function isHostname(value: string): boolean {
  if (value.length === 0 || value.length > 255) return false;
  return value.replace(/\.$/, '').split('.').every((label) => HOSTNAME_LABEL.test(label));
}

function isCidr(value: string): boolean {
  const slash = value.indexOf('/');
  if (slash < 0) return false;
  const ip = value.slice(0, slash);
  const bits = value.slice(slash + 1);
  const family = isIP(ip);
  if (!family || !/^\d{1,3}$/.test(bits)) return false;
  return Number(bits) <= (family === 4 ? 32 : 128);
}

/** url.ParseRequestURI: an absolute URI or an absolute path. */
function isUri(value: string): boolean {
  if (value.startsWith('/')) return !/\s/.test(value);
  try {
    new URL(value);
    return true;
  } catch {
    return false;
  }
}

const stringFormats: Record<string, (value: string) => boolean> = {
  byte: (v) => BASE64.test(v),
  date: isDate,
  'date-time': isDateTime,
  datetime: isDateTime,
  uuid: (v) => UUID.test(v),
  uuid3: (v) => UUID_VERSIONED(3).test(v),
  uuid4: (v) => UUID_VERSIONED(4).test(v),
  uuid5: (v) => UUID_VERSIONED(5).test(v),
  email: (v) => EMAIL.test(v),
  hostname: isHostname,
  ipv4: (v) => isIP(v) === 4,
  ipv6: (v) => isIP(v) === 6,
  cidr: isCidr,
  mac: (v) => MAC.test(v),
  uri: isUri,
  duration: (v) => v === '0' || GO_DURATION.test(v) || HUMAN_DURATION.test(v),
  password: () => true,
};

/** True when `value` satisfies `format`, or when the format is not one the server checks. */
export function matchesStringFormat(format: string, value: string): boolean {
  const check = stringFormats[format];
  return check ? check(value) : true;
}

const integerRanges: Record<string, [number, number]> = {
  int32: [-2147483648, 2147483647],
  int64: [-9223372036854775808, 9223372036854775807],
};

/** True when `value` fits the integer `format` (int32/int64); other formats are not bounded. */
export function fitsIntegerFormat(format: string, value: number): boolean {
  const range = integerRanges[format];
  return !range || (value >= range[0] && value <= range[1]);
}
