/**
 * Pod logs as lines: the pods/log request for the chosen options, splitting a stream into lines
 * (a partial last line is carried over), a cap on lines kept in memory, and search (filter or
 * highlight, case-insensitive). Lines are only ever rendered as text.
 */
export interface LogOptions {
  container: string;
  follow: boolean;
  previous: boolean;
  timestamps: boolean;
  /** Undefined reads the whole log. */
  tailLines?: number;
}

export function logPath(podPath: string, o: LogOptions): string {
  const q = new URLSearchParams({ container: o.container });
  if (o.follow) q.set('follow', 'true');
  if (o.previous) q.set('previous', 'true');
  if (o.timestamps) q.set('timestamps', 'true');
  if (o.tailLines !== undefined) q.set('tailLines', String(o.tailLines));
  return `${podPath}/log?${q.toString()}`;
}

export function splitChunk(carry: string, chunk: string): { lines: string[]; carry: string } {
  const text = carry + chunk;
  const parts = text.split('\n');
  const rest = parts.pop() ?? '';
  return { lines: parts.map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l)), carry: rest };
}

export const MAX_LOG_LINES = 50_000;

/** Appends, dropping the oldest lines beyond `max`. Returns a new array. */
export function appendCapped(lines: readonly string[], more: readonly string[], max = MAX_LOG_LINES): string[] {
  const all = more.length ? [...lines, ...more] : [...lines];
  return all.length > max ? all.slice(all.length - max) : all;
}

export interface LinePart {
  text: string;
  match: boolean;
}

/** Splits a line around every case-insensitive occurrence of `query`. */
export function highlightParts(line: string, query: string): LinePart[] {
  if (!query) return [{ text: line, match: false }];
  const hay = line.toLowerCase();
  const needle = query.toLowerCase();
  const parts: LinePart[] = [];
  let at = 0;
  for (let i = hay.indexOf(needle); i >= 0; i = hay.indexOf(needle, i + needle.length)) {
    if (i > at) parts.push({ text: line.slice(at, i), match: false });
    parts.push({ text: line.slice(i, i + needle.length), match: true });
    at = i + needle.length;
  }
  if (at < line.length || parts.length === 0) parts.push({ text: line.slice(at), match: false });
  return parts;
}

/** Indexes of lines containing `query` (case-insensitive). */
export function matchingLines(lines: readonly string[], query: string): number[] {
  const needle = query.toLowerCase();
  const out: number[] = [];
  lines.forEach((l, i) => {
    if (!needle || l.toLowerCase().includes(needle)) out.push(i);
  });
  return out;
}
