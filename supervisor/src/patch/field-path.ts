/**
 * Field path elements, spelled as FieldsV1 keys so one string is both the identity of an element
 * and its serialised form (sigs.k8s.io/structured-merge-diff `fieldpath`):
 *   `f:<name>`          a member of a map or struct
 *   `k:{"name":"x"}`    an item of an associative list, by its key fields (sorted by name)
 *   `v:<json>`          an item of a set list, by value
 *   `i:<n>`             an item of a list by position (only ever decoded, never produced here)
 * A path is a list of elements from the object root.
 */
import { canonicalJson, compareJson, isObject } from './json-util';

export type PathElement = string;
export type FieldPath = readonly PathElement[];

export function fieldElement(name: string): PathElement {
  return `f:${name}`;
}

/** A key element from the key fields of an item; field order does not matter. */
export function keyElement(fields: Record<string, unknown>): PathElement {
  return `k:${canonicalJson(fields)}`;
}

export function valueElement(value: unknown): PathElement {
  return `v:${canonicalJson(value)}`;
}

export function indexElement(index: number): PathElement {
  return `i:${index}`;
}

export type ParsedElement =
  | { kind: 'field'; name: string }
  | { kind: 'key'; fields: [string, unknown][] }
  | { kind: 'value'; value: unknown }
  | { kind: 'index'; index: number };

/** Parses an element; throws on anything that is not a valid FieldsV1 key. */
export function parseElement(element: string): ParsedElement {
  const prefix = element.slice(0, 2);
  const rest = element.slice(2);
  switch (prefix) {
    case 'f:':
      return { kind: 'field', name: rest };
    case 'k:': {
      const fields: unknown = JSON.parse(rest);
      if (!isObject(fields)) throw new Error(`invalid key element ${element}`);
      return { kind: 'key', fields: Object.entries(fields).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)) };
    }
    case 'v:':
      return { kind: 'value', value: JSON.parse(rest) };
    case 'i:':
      if (!/^(0|[1-9][0-9]*)$/.test(rest)) throw new Error(`invalid index element ${element}`);
      return { kind: 'index', index: Number(rest) };
    default:
      throw new Error(`invalid field path element ${JSON.stringify(element)}`);
  }
}

/** Re-spells an element canonically (sorted key fields, canonical JSON), e.g. after decoding FieldsV1. */
export function canonicalElement(element: string): PathElement {
  const parsed = parseElement(element);
  switch (parsed.kind) {
    case 'field':
      return element;
    case 'key':
      return keyElement(Object.fromEntries(parsed.fields));
    case 'value':
      return valueElement(parsed.value);
    case 'index':
      return indexElement(parsed.index);
  }
}

const RANK = { field: 0, key: 1, value: 2, index: 3 } as const;

/** The order structured-merge-diff sorts elements in: fields, then keys, then values, then indexes. */
export function compareElements(a: PathElement, b: PathElement): number {
  if (a === b) return 0;
  const pa = parseElement(a);
  const pb = parseElement(b);
  if (pa.kind !== pb.kind) return RANK[pa.kind] - RANK[pb.kind];
  if (pa.kind === 'field' && pb.kind === 'field') return pa.name < pb.name ? -1 : 1;
  if (pa.kind === 'index' && pb.kind === 'index') return pa.index - pb.index;
  if (pa.kind === 'value' && pb.kind === 'value') return compareJson(pa.value, pb.value);
  if (pa.kind === 'key' && pb.kind === 'key') {
    for (let i = 0; i < Math.min(pa.fields.length, pb.fields.length); i++) {
      const [na, va] = pa.fields[i] as [string, unknown];
      const [nb, vb] = pb.fields[i] as [string, unknown];
      if (na !== nb) return na < nb ? -1 : 1;
      const c = compareJson(va, vb);
      if (c !== 0) return c;
    }
    return pa.fields.length - pb.fields.length;
  }
  return 0;
}

/** A scalar as structured-merge-diff prints it in paths: strings quoted, others as JSON. */
function printValue(value: unknown): string {
  return JSON.stringify(value) ?? 'null';
}

/** The path as upstream prints it in conflicts: `.spec.containers[name="nginx"].image`, `[="x"]`, `[0]`. */
export function formatPath(path: FieldPath): string {
  return path
    .map((element) => {
      const parsed = parseElement(element);
      switch (parsed.kind) {
        case 'field':
          return `.${parsed.name}`;
        case 'key':
          return `[${parsed.fields.map(([k, v]) => `${k}=${printValue(v)}`).join(',')}]`;
        case 'value':
          return `[=${printValue(parsed.value)}]`;
        case 'index':
          return `[${parsed.index}]`;
      }
    })
    .join('');
}
