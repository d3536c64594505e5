/**
 * Default names for new objects: `<prefix>-<n>` with the smallest n not taken in the namespace
 * (by the names the page already watches), so the first suggestion usually just works.
 */
export function freshName(prefix: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  const base = prefix.toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 50) || 'app';
  for (let n = 1; ; n++) {
    const name = `${base}-${n}`;
    if (!used.has(name)) return name;
  }
}

/** The prefix of a starting name ("pg-1" → "pg"), for kinds whose form names an instance. */
export function namePrefix(name: string | undefined, fallback: string): string {
  const m = /^(.*?)-\d+$/.exec(name ?? '');
  return m?.[1] || name || fallback;
}
