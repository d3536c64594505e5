/**
 * Helpers shared by the built-in printers: tolerant field access over stored JSON, column
 * definition builders, and the upstream string formats for labels, selectors and containers.
 */
import { isObject } from '../api/types';
import type { TableColumnDefinition } from './types';

/** Reads a nested field; any missing or non-container step yields `undefined`. */
export function at(value: unknown, ...path: (string | number)[]): unknown {
  let cur = value;
  for (const key of path) {
    if (typeof key === 'number') {
      if (!Array.isArray(cur)) return undefined;
      cur = cur[key];
    } else {
      if (!isObject(cur)) return undefined;
      cur = cur[key];
    }
  }
  return cur;
}

export function str(value: unknown, fallback = ''): string {
  return typeof value === 'string' ? value : fallback;
}

export function int(value: unknown, fallback = 0): number {
  return typeof value === 'number' && Number.isFinite(value) ? Math.trunc(value) : fallback;
}

export function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

export function record(value: unknown): Record<string, unknown> {
  return isObject(value) ? value : {};
}

/** Number of keys of a map-valued field (ConfigMap/Secret data). */
export function keyCount(value: unknown): number {
  return Object.keys(record(value)).length;
}

// Descriptions of the two metadata columns, as upstream takes them from ObjectMeta's swagger docs.
export const NAME_DESCRIPTION =
  'Name must be unique within a namespace. Is required when creating resources, although some resources may allow a client to request the generation of an appropriate name automatically. Name is primarily intended for creation idempotence and configuration definition. Cannot be updated. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names#names';
export const CREATION_TIMESTAMP_DESCRIPTION =
  'CreationTimestamp is a timestamp representing the server time when this object was created. It is not guaranteed to be set in happens-before order across separate operations. Clients may not set this value. It is represented in RFC3339 form and is in UTC.\n\nPopulated by the system. Read-only. Null for lists. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata';

export function column(name: string, type: string, description: string, priority = 0, format = ''): TableColumnDefinition {
  return { name, type, format, description, priority };
}

export const nameColumn = (): TableColumnDefinition => column('Name', 'string', NAME_DESCRIPTION, 0, 'name');
export const ageColumn = (): TableColumnDefinition => column('Age', 'string', CREATION_TIMESTAMP_DESCRIPTION);
export const containersColumn = (): TableColumnDefinition => column('Containers', 'string', 'Names of each container in the template.', 1);
export const imagesColumn = (): TableColumnDefinition => column('Images', 'string', 'Images referenced by each container in the template.', 1);

/** labels.FormatLabels: `k=v` pairs sorted by key, comma-joined; `<none>` when empty. */
export function formatLabels(labels: unknown): string {
  const entries = Object.entries(record(labels)).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  if (entries.length === 0) return '<none>';
  return entries.map(([k, v]) => `${k}=${str(v)}`).join(',');
}

/**
 * metav1.LabelSelectorAsSelector(...).String(): requirements sorted by key, matchLabels as `k=v`,
 * In/NotIn with sorted values, Exists as `k`, DoesNotExist as `!k`. Empty or absent → "".
 * Returns `undefined` for a selector upstream would reject (unknown operator).
 */
export function labelSelectorString(selector: unknown): string | undefined {
  if (!isObject(selector)) return '';
  const reqs: { key: string; text: string }[] = [];
  for (const [key, value] of Object.entries(record(selector.matchLabels))) reqs.push({ key, text: `${key}=${str(value)}` });
  for (const expr of list(selector.matchExpressions)) {
    const key = str(at(expr, 'key'));
    const values = list(at(expr, 'values')).map((v) => str(v)).sort();
    switch (at(expr, 'operator')) {
      case 'In':
        reqs.push({ key, text: `${key} in (${values.join(',')})` });
        break;
      case 'NotIn':
        reqs.push({ key, text: `${key} notin (${values.join(',')})` });
        break;
      case 'Exists':
        reqs.push({ key, text: key });
        break;
      case 'DoesNotExist':
        reqs.push({ key, text: `!${key}` });
        break;
      default:
        return undefined;
    }
  }
  return reqs
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map((r) => r.text)
    .join(',');
}

/** metav1.FormatLabelSelector: like labelSelectorString but `<none>` when empty, `<error>` when invalid. */
export function formatLabelSelector(selector: unknown): string {
  const s = labelSelectorString(selector);
  if (s === undefined) return '<error>';
  return s === '' ? '<none>' : s;
}

/** printers.go `layoutContainerCells`: container names and images, each comma-joined. */
export function containerCells(containers: unknown): [string, string] {
  const items = list(containers);
  return [items.map((c) => str(at(c, 'name'))).join(','), items.map((c) => str(at(c, 'image'))).join(',')];
}

/** printers.go `listWithMoreString`: the first `max` entries, then `+ N more...`. */
export function listWithMore(items: string[], max: number, emptyText = '<unset>'): string {
  if (items.length > max) return `${items.slice(0, max).join(',')} + ${items.length - max} more...`;
  const joined = items.join(',');
  return joined === '' ? emptyText : joined;
}

/** A sorted, de-duplicated, comma-joined list (Go `sets.NewString(...).List()` joined). */
export function sortedUnique(items: string[]): string {
  return [...new Set(items)].sort().join(',');
}

/** intstr.IntOrString.String(). */
export function intOrString(value: unknown): string {
  if (typeof value === 'number') return String(Math.trunc(value));
  return str(value);
}

/** resource.Quantity as stored; a missing quantity prints as the zero quantity `0`. */
export function quantity(value: unknown): string {
  if (typeof value === 'number') return String(value);
  return typeof value === 'string' && value !== '' ? value : '0';
}
