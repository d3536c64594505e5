import type { YamlPath } from './yaml-edit';
import { formatPath } from './yaml-paths';

/**
 * Field-level differences between two plain objects: the review's summary ("spec.replicas:
 * 2 → 3") and the three-way merge's building block. Mappings are compared key by key; lists
 * whose items all carry a unique `name` (containers, ports, env, volumes) item by name; other
 * lists as whole values.
 */
export interface FieldChange {
  path: YamlPath;
  kind: 'added' | 'removed' | 'changed';
  before?: unknown;
  after?: unknown;
}

export function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const bb = b as unknown[];
    return a.length === bb.length && a.every((x, i) => deepEqual(x, bb[i]));
  }
  const ao = a as Record<string, unknown>;
  const bo = b as Record<string, unknown>;
  const ak = Object.keys(ao).filter((k) => ao[k] !== undefined);
  const bk = Object.keys(bo).filter((k) => bo[k] !== undefined);
  return ak.length === bk.length && ak.every((k) => Object.hasOwn(bo, k) && deepEqual(ao[k], bo[k]));
}

/** The `name`s of a list whose items are all mappings with distinct string names. */
export function namedItems(list: unknown): string[] | undefined {
  if (!Array.isArray(list) || list.length === 0) return undefined;
  const names: string[] = [];
  for (const item of list) {
    if (!isPlainObject(item) || typeof item.name !== 'string') return undefined;
    names.push(item.name);
  }
  return new Set(names).size === names.length ? names : undefined;
}

export function objectChanges(before: unknown, after: unknown, path: (string | number)[] = []): FieldChange[] {
  if (deepEqual(before, after)) return [];
  if (before === undefined) return [{ path, kind: 'added', after }];
  if (after === undefined) return [{ path, kind: 'removed', before }];
  if (isPlainObject(before) && isPlainObject(after)) {
    const keys = [...Object.keys(before), ...Object.keys(after).filter((k) => !Object.hasOwn(before, k))];
    return keys.flatMap((k) => objectChanges(before[k], after[k], [...path, k]));
  }
  const bn = namedItems(before);
  const an = namedItems(after);
  if (bn && an && Array.isArray(before) && Array.isArray(after)) {
    const out: FieldChange[] = [];
    after.forEach((item, i) => {
      const j = bn.indexOf(an[i]!);
      out.push(...objectChanges(j >= 0 ? before[j] : undefined, item, [...path, i]));
    });
    before.forEach((item, j) => {
      if (!an.includes(bn[j]!)) out.push({ path: [...path, j], kind: 'removed', before: item });
    });
    return out;
  }
  return [{ path, kind: 'changed', before, after }];
}

function short(v: unknown): string {
  if (v === undefined) return '(none)';
  const s = typeof v === 'string' ? v : JSON.stringify(v);
  return s.length > 60 ? `${s.slice(0, 59)}…` : s;
}

/** "spec.replicas: 2 → 3", "metadata.labels.tier: added (front)". */
export function describeChange(c: FieldChange): string {
  const where = formatPath(c.path) || '(whole object)';
  if (c.kind === 'added') return `${where}: added (${short(c.after)})`;
  if (c.kind === 'removed') return `${where}: removed (was ${short(c.before)})`;
  return `${where}: ${short(c.before)} → ${short(c.after)}`;
}
