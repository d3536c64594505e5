import { acceptedTypes, childSchema, resolveSchema, schemaAtPath, typeLabel, type KindSchema, type OpenApiSchema } from './openapi-schema';
import { cursorContext } from './yaml-cursor';
import type { YamlPath } from './yaml-edit';
import { formatPath } from './yaml-paths';

/**
 * Completion candidates and hover documentation at a cursor, from the kind's schema. The cursor's
 * place is read from indentation (./yaml-cursor), so both work on text that does not parse yet.
 */
export interface CompletionItem {
  label: string;
  kind: 'property' | 'value';
  /** The type, e.g. "integer (int32)" or "[]Container". */
  detail?: string;
  /** The schema's description. */
  info?: string;
  /** Text inserted in place of the typed prefix. */
  apply: string;
  required?: boolean;
}

export interface CompletionResult {
  /** Where the replaced prefix starts. */
  from: number;
  items: CompletionItem[];
}

export interface HoverInfo {
  from: number;
  to: number;
  path: YamlPath;
  title: string;
  type: string;
  description?: string;
  required: boolean;
  enum?: string[];
  default?: unknown;
}

/** Deprecated and server-set metadata fields are offered last. */
const SERVER_SET = new Set(['uid', 'resourceVersion', 'generation', 'creationTimestamp', 'deletionTimestamp', 'deletionGracePeriodSeconds', 'managedFields', 'selfLink', 'status']);

function insertFor(key: string, schema: OpenApiSchema, root: KindSchema, indent: string): string {
  const types = acceptedTypes(root, schema);
  if (types.length === 1 && types[0] === 'object') return `${key}:\n${indent}  `;
  if (types.length === 1 && types[0] === 'array') {
    const items = resolveSchema(root, schema.items);
    const itemTypes = items ? acceptedTypes(root, items) : [];
    return itemTypes.length === 1 && itemTypes[0] === 'object' ? `${key}:\n${indent}- ` : `${key}:\n${indent}- `;
  }
  return `${key}: `;
}

function scalarOptions(schema: OpenApiSchema, root: KindSchema): string[] {
  if (schema.enum?.length) return schema.enum.map((e) => (typeof e === 'string' ? e : JSON.stringify(e)));
  const types = acceptedTypes(root, schema);
  if (types.length === 1 && types[0] === 'boolean') return ['true', 'false'];
  return [];
}

export function completeAt(text: string, offset: number, root: KindSchema): CompletionResult | undefined {
  const ctx = cursorContext(text, offset);
  if (ctx.position === 'value') {
    const schema = schemaAtPath(root, ctx.path);
    if (!schema) return undefined;
    const options = scalarOptions(schema, root).filter((o) => o.toLowerCase().startsWith(ctx.prefix.toLowerCase()));
    if (options.length === 0) return undefined;
    return { from: ctx.from, items: options.map((o) => ({ label: o, kind: 'value', detail: typeLabel(root, schema), apply: o })) };
  }
  const parent = schemaAtPath(root, ctx.path);
  if (!parent) return undefined;
  // A list of scalars: the cursor is on an item, so offer the item's values.
  if (!parent.properties) {
    const options = scalarOptions(parent, root).filter((o) => o.toLowerCase().startsWith(ctx.prefix.toLowerCase()));
    return options.length ? { from: ctx.from, items: options.map((o) => ({ label: o, kind: 'value', detail: typeLabel(root, parent), apply: o })) } : undefined;
  }
  const lineStart = text.lastIndexOf('\n', ctx.from - 1) + 1;
  const indent = ' '.repeat(ctx.from - lineStart);
  const required = new Set(parent.required ?? []);
  const items: CompletionItem[] = [];
  for (const key of Object.keys(parent.properties)) {
    if (ctx.siblings.includes(key) || !key.toLowerCase().startsWith(ctx.prefix.toLowerCase())) continue;
    const child = childSchema(root, parent, key);
    if (!child) continue;
    items.push({ label: key, kind: 'property', detail: typeLabel(root, child), info: child.description, apply: insertFor(key, child, root, indent), required: required.has(key) });
  }
  items.sort((a, b) => rank(a) - rank(b) || a.label.localeCompare(b.label));
  return items.length ? { from: ctx.from, items } : undefined;
}

function rank(item: CompletionItem): number {
  if (item.required) return 0;
  return SERVER_SET.has(item.label) ? 2 : 1;
}

/** The documentation of the key under the cursor (or of the key whose value it is on). */
export function hoverAt(text: string, offset: number, root: KindSchema): HoverInfo | undefined {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const lineEndRaw = text.indexOf('\n', offset);
  const line = text.slice(lineStart, lineEndRaw < 0 ? text.length : lineEndRaw);
  const m = /^(\s*(?:-\s+)*)("(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^\s"'#:][^:#]*?)\s*:(?:\s|$)/.exec(line);
  if (!m) return undefined;
  const keyFrom = lineStart + m[1]!.length;
  const keyTo = keyFrom + m[2]!.length;
  // Resolve the path as if the cursor stood right after "key:".
  const ctx = cursorContext(text, keyTo + 1);
  if (ctx.position !== 'value') return undefined;
  const schema = schemaAtPath(root, ctx.path);
  if (!schema) return undefined;
  const parent = schemaAtPath(root, ctx.path.slice(0, -1));
  return {
    from: keyFrom,
    to: keyTo,
    path: ctx.path,
    title: formatPath(ctx.path),
    type: typeLabel(root, schema),
    description: schema.description,
    required: !!parent?.required?.includes(ctx.key),
    enum: schema.enum?.map((e) => String(e)),
    default: schema.default,
  };
}
