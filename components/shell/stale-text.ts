/**
 * Words for the stale-data banner: how long ago (coarse, for the eye) and since when (exact,
 * for the record). Pure, so the banner's ticking text is testable.
 */
export function elapsedText(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} min`;
  const h = Math.floor(m / 60);
  return m % 60 ? `${h} h ${m % 60} min` : `${h} h`;
}

/** 14:02:31, or "26 Nov, 14:02:31" when the outage began on another day. */
export function sinceText(since: number, now: number, locale?: string): string {
  const d = new Date(since);
  const time = d.toLocaleTimeString(locale, { hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false });
  if (new Date(now).toDateString() === d.toDateString()) return time;
  return `${d.toLocaleDateString(locale, { day: 'numeric', month: 'short' })}, ${time}`;
}
