/**
 * Cron schedules as CronJobs accept them (robfig/cron ParseStandard): five fields
 * (minute hour day-of-month month day-of-week) with `*`, `?`, lists, ranges, steps and
 * month/day names, the descriptors @yearly/@annually/@monthly/@weekly/@daily/@midnight/@hourly
 * and `@every <duration>`. When both day fields are restricted a day matches either of them.
 * Times are computed in UTC or in an IANA time zone (spec.timeZone).
 */
export interface CronSchedule {
  minutes: Set<number>;
  hours: Set<number>;
  days: Set<number>;
  months: Set<number>;
  weekdays: Set<number>;
  dayStar: boolean;
  weekdayStar: boolean;
  /** `@every`: a fixed interval in ms instead of fields. */
  everyMs?: number;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
const DESCRIPTORS: Record<string, string> = {
  '@yearly': '0 0 1 1 *',
  '@annually': '0 0 1 1 *',
  '@monthly': '0 0 1 * *',
  '@weekly': '0 0 * * 0',
  '@daily': '0 0 * * *',
  '@midnight': '0 0 * * *',
  '@hourly': '0 * * * *',
};

function value(s: string, names: string[] | undefined, offset: number): number {
  const i = names?.indexOf(s.toLowerCase()) ?? -1;
  if (i >= 0) return i + offset;
  if (!/^\d+$/.test(s)) throw new Error(`failed to parse int from ${s}: strconv.Atoi: parsing "${s}": invalid syntax`);
  return Number(s);
}

function field(expr: string, min: number, max: number, names?: string[], nameOffset = 0): { values: Set<number>; star: boolean } {
  const values = new Set<number>();
  let star = false;
  for (const part of expr.split(',')) {
    const [range, stepText] = part.split('/') as [string, string | undefined];
    let lo: number;
    let hi: number;
    if (range === '*' || range === '?') {
      lo = min;
      hi = max;
      if (stepText === undefined) star = true;
    } else {
      const [a, b] = range.split('-') as [string, string | undefined];
      lo = value(a, names, nameOffset);
      hi = b !== undefined ? value(b, names, nameOffset) : stepText !== undefined ? max : lo;
    }
    const step = stepText === undefined ? 1 : Number(stepText);
    if (!Number.isInteger(step) || step <= 0) throw new Error(`step of range should be a positive number: ${part}`);
    if (lo < min) throw new Error(`beginning of range (${lo}) below minimum (${min}): ${part}`);
    if (hi > max) throw new Error(`end of range (${hi}) above maximum (${max}): ${part}`);
    if (lo > hi) throw new Error(`beginning of range (${lo}) beyond end of range (${hi}): ${part}`);
    for (let v = lo; v <= hi; v += step) values.add(v);
  }
  return { values, star };
}

function parseDuration(s: string): number {
  const re = /(\d+(?:\.\d+)?)(ms|h|m|s)/g;
  let total = 0;
  let consumed = 0;
  for (let m = re.exec(s); m; m = re.exec(s)) {
    const n = Number(m[1]);
    total += m[2] === 'h' ? n * 3_600_000 : m[2] === 'm' ? n * 60_000 : m[2] === 's' ? n * 1000 : n;
    consumed += m[0].length;
  }
  if (consumed !== s.length || total <= 0) throw new Error(`failed to parse duration @every ${s}: time: invalid duration "${s}"`);
  return total;
}

export function parseCron(spec: string): CronSchedule {
  const text = spec.trim();
  if (text.startsWith('TZ=') || text.startsWith('CRON_TZ=')) throw new Error('CRON_TZ or TZ used in schedule is not supported, please use the timeZone field');
  if (text.startsWith('@every ')) {
    const all = new Set<number>();
    return { minutes: all, hours: all, days: all, months: all, weekdays: all, dayStar: true, weekdayStar: true, everyMs: Math.max(1000, parseDuration(text.slice(7).trim())) };
  }
  const expanded = text.startsWith('@') ? DESCRIPTORS[text.toLowerCase()] : text;
  if (!expanded) throw new Error(`unrecognized descriptor: ${text}`);
  const fields = expanded.split(/\s+/);
  if (fields.length !== 5) throw new Error(`expected exactly 5 fields, found ${fields.length}: ${text}`);
  const [mi, h, dom, mon, dow] = fields as [string, string, string, string, string];
  const days = field(dom, 1, 31);
  const weekdays = field(dow, 0, 6, WEEKDAYS);
  return {
    minutes: field(mi, 0, 59).values,
    hours: field(h, 0, 23).values,
    days: days.values,
    months: field(mon, 1, 12, MONTHS, 1).values,
    weekdays: weekdays.values,
    dayStar: days.star,
    weekdayStar: weekdays.star,
  };
}

/** Offset of a time zone from UTC at an instant, in ms (local = utc + offset). */
export function zoneOffsetMs(timeZone: string | undefined, at: number): number {
  if (!timeZone || timeZone === 'UTC' || timeZone === 'Etc/UTC') return 0;
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' }).formatToParts(new Date(at));
  const get = (t: string): number => Number(parts.find((p) => p.type === t)?.value ?? 0);
  const local = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return local - Math.floor(at / 1000) * 1000;
}

function dayMatches(s: CronSchedule, d: Date): boolean {
  const dom = s.days.has(d.getUTCDate());
  const dow = s.weekdays.has(d.getUTCDay());
  return s.dayStar || s.weekdayStar ? dom && dow : dom || dow;
}

/** The first activation strictly after `afterMs` (UTC ms), or undefined if none within five years. */
export function nextActivation(s: CronSchedule, afterMs: number, timeZone?: string): number | undefined {
  if (s.everyMs) return afterMs - (afterMs % 1000) + s.everyMs;
  const offset = zoneOffsetMs(timeZone, afterMs);
  const d = new Date(Math.floor((afterMs + offset) / 60_000) * 60_000 + 60_000);
  const limit = d.getTime() + 5 * 366 * 86_400_000;
  while (d.getTime() < limit) {
    if (!s.months.has(d.getUTCMonth() + 1)) {
      d.setUTCMonth(d.getUTCMonth() + 1, 1);
      d.setUTCHours(0, 0, 0, 0);
    } else if (!dayMatches(s, d)) {
      d.setUTCDate(d.getUTCDate() + 1);
      d.setUTCHours(0, 0, 0, 0);
    } else if (!s.hours.has(d.getUTCHours())) {
      d.setUTCHours(d.getUTCHours() + 1, 0, 0, 0);
    } else if (!s.minutes.has(d.getUTCMinutes())) {
      d.setUTCMinutes(d.getUTCMinutes() + 1, 0, 0);
    } else {
      const local = d.getTime();
      return local - zoneOffsetMs(timeZone, local - offset);
    }
  }
  return undefined;
}

function lastActivationAtOrBefore(s: CronSchedule, nowMs: number, timeZone?: string): number | undefined {
  for (let back = 60_000; back < 10 * 366 * 86_400_000; back *= 2) {
    let last: number | undefined;
    for (let c = nextActivation(s, nowMs - back, timeZone); c !== undefined && c <= nowMs; c = nextActivation(s, c, timeZone)) last = c;
    if (last !== undefined) return last;
  }
  return undefined;
}

/**
 * mostRecentScheduleTime: the latest activation in (earliestMs, nowMs], how many activations
 * fell in that window (capped at 101, where upstream stops counting), and the next one after now.
 */
export function scheduleWindow(s: CronSchedule, earliestMs: number, nowMs: number, timeZone?: string): { mostRecent?: number; missed: number; next?: number } {
  let missed = 0;
  let mostRecent: number | undefined;
  let t = nextActivation(s, earliestMs, timeZone);
  while (t !== undefined && t <= nowMs) {
    mostRecent = t;
    missed++;
    if (missed > 100) {
      // Too many to walk one by one (upstream stops counting too): jump to the last one before now.
      mostRecent = lastActivationAtOrBefore(s, nowMs, timeZone) ?? mostRecent;
      break;
    }
    t = nextActivation(s, t, timeZone);
  }
  return { mostRecent, missed, next: nextActivation(s, Math.max(nowMs, mostRecent ?? nowMs), timeZone) };
}
