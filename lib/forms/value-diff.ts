import { deepEqual } from './validate-value';

/**
 * What a form change did to the object, as the smallest set of path edits: changed leaves and
 * arrays are set, removed or cleared fields deleted. Edits that only add empty structure (an
 * `{}` or `[]` a form library creates for an untouched section, or an `undefined`) are dropped,
 * so opening a section of the form never writes anything into the YAML.
 */
export type ValuePath = (string | number)[];

export type ValueEdit = { op: 'set'; path: ValuePath; value: unknown } | { op: 'delete'; path: ValuePath };

export function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Empty containers and undefined — nothing a user typed. */
export function isHollow(v: unknown): boolean {
  if (v === undefined) return true;
  if (Array.isArray(v)) return v.length === 0;
  if (isPlainObject(v)) return Object.values(v).every(isHollow);
  return false;
}

/** `v` without keys whose values are hollow (recursively); undefined when nothing is left. */
export function pruneHollow(v: unknown): unknown {
  if (Array.isArray(v)) return v.map((x) => (isPlainObject(x) ? (pruneHollow(x) ?? {}) : x));
  if (!isPlainObject(v)) return v;
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(v)) {
    if (isHollow(x)) continue;
    out[k] = pruneHollow(x);
  }
  return Object.keys(out).length ? out : undefined;
}

function walk(prev: unknown, next: unknown, path: ValuePath, out: ValueEdit[]): void {
  if (deepEqual(prev, next)) return;
  if (isPlainObject(prev) && isPlainObject(next)) {
    for (const k of Object.keys(prev)) {
      if (next[k] === undefined && prev[k] !== undefined) out.push({ op: 'delete', path: [...path, k] });
    }
    for (const [k, v] of Object.entries(next)) {
      if (v === undefined) continue;
      if (prev[k] === undefined) {
        if (isHollow(v)) continue;
        out.push({ op: 'set', path: [...path, k], value: pruneHollow(v) ?? v });
      } else walk(prev[k], v, [...path, k], out);
    }
    return;
  }
  if (next === undefined) out.push({ op: 'delete', path });
  else out.push({ op: 'set', path, value: next });
}

/** The edits that turn `prev` into `next` (ignoring hollow additions). */
export function diffValues(prev: unknown, next: unknown): ValueEdit[] {
  const out: ValueEdit[] = [];
  walk(prev, next, [], out);
  return out;
}

/** The plain value at a path. */
export function valueAt(v: unknown, path: readonly (string | number)[]): unknown {
  let cur = v;
  for (const k of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string | number, unknown>)[k];
  }
  return cur;
}

/**
 * The shape of a value's object keys (not its values), as one string: changes when a key is
 * added or removed anywhere. A form library that remembers which map entries it shows needs a
 * fresh start when the YAML adds or removes entries behind its back.
 */
export function keyShape(v: unknown, limit = 5000): string {
  const out: string[] = [];
  const walk = (x: unknown, path: string) => {
    if (out.length >= limit) return;
    if (Array.isArray(x)) x.forEach((y, i) => walk(y, `${path}[${i}]`));
    else if (isPlainObject(x)) {
      for (const k of Object.keys(x).sort()) {
        out.push(`${path}/${k}`);
        walk(x[k], `${path}/${k}`);
      }
    }
  };
  walk(v, '');
  return out.join('\n');
}
