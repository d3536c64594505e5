import type { JSONSchema7 } from 'json-schema';

/**
 * OpenAPI v3 schemas as the API server publishes them (`/openapi/v3/<group-version>`
 * `components.schemas`, or a CRD's `openAPIV3Schema`), turned into self-contained JSON Schema
 * for a form: refs inlined (recursion and depth cut off), Kubernetes extensions mapped
 * (int-or-string and quantities become text with their own formats, schemaless fields become
 * YAML-only fields), validation-only combinators dropped. Alongside it, a uiSchema tree with the
 * widgets those mappings need. Pure; no React.
 */
export interface OpenApiSchema {
  type?: string | string[];
  $ref?: string;
  description?: string;
  properties?: Record<string, OpenApiSchema>;
  additionalProperties?: boolean | OpenApiSchema;
  items?: OpenApiSchema | OpenApiSchema[];
  allOf?: OpenApiSchema[];
  anyOf?: OpenApiSchema[];
  oneOf?: OpenApiSchema[];
  required?: string[];
  enum?: unknown[];
  default?: unknown;
  format?: string;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: boolean | number;
  exclusiveMaximum?: boolean | number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  nullable?: boolean;
  'x-kubernetes-int-or-string'?: boolean;
  'x-kubernetes-preserve-unknown-fields'?: boolean;
  [key: string]: unknown;
}

export type OpenApiComponents = Readonly<Record<string, OpenApiSchema>>;

/** uiSchema as a plain tree (RJSF's `UiSchema` shape: `ui:*` keys, property names, `items`, `additionalProperties`). */
export type UiNode = { [key: string]: unknown };

export interface Converted {
  schema: JSONSchema7;
  ui: UiNode;
}

/** Our own string formats (the validator knows them; RJSF ignores unknown formats). */
export const QUANTITY_FORMAT = 'quantity';
export const INT_OR_STRING_FORMAT = 'int-or-string';

/** Nesting beyond this is edited in the YAML (forms that deep are unusable anyway). */
export const MAX_FORM_DEPTH = 10;

const QUANTITY_HELP = 'A quantity, e.g. 500m or 2 for CPU, 512Mi or 4Gi for memory and storage.';
const INT_OR_STRING_HELP = 'A number, or a name or percentage (e.g. 25%).';

function refName(ref: string): string {
  return ref.replace(/^#\/(components\/schemas|definitions)\//, '');
}

/** "className" → "Class name", "primaryIP4" → "Primary IP4", "sshAuthorizedKeys" → "Ssh authorized keys". */
export function humanize(key: string): string {
  const words = key
    .replace(/[_-]+/g, ' ')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .trim()
    .split(/\s+/);
  return words
    .map((w, i) => (/^[A-Z0-9]{2,}$/.test(w) ? w : i === 0 ? w.charAt(0).toUpperCase() + w.slice(1).toLowerCase() : w.toLowerCase()))
    .join(' ');
}

function isIntOrString(s: OpenApiSchema, name?: string): boolean {
  if (s['x-kubernetes-int-or-string'] || name?.endsWith('.IntOrString')) return true;
  const alts = s.anyOf ?? s.oneOf;
  if (!alts || alts.length !== 2 || s.type || s.properties) return false;
  const types = alts.map((a) => a.type).sort();
  return types[0] === 'integer' && types[1] === 'string';
}

function isQuantity(s: OpenApiSchema, name?: string): boolean {
  if (name?.endsWith('.api.resource.Quantity') || s.format === QUANTITY_FORMAT) return true;
  const alts = s.anyOf ?? s.oneOf;
  if (!alts || alts.length !== 2 || s.type || s.properties) return false;
  const types = alts.map((a) => a.type).sort();
  return types[0] === 'number' && types[1] === 'string' && /quantity/i.test(s.description ?? '');
}

function opaque(title: string | undefined, description: string | undefined, reason: string): Converted {
  const schema: JSONSchema7 = {};
  if (title) schema.title = title;
  if (description) schema.description = description;
  return { schema, ui: { 'ui:field': 'yamlOnly', 'ui:options': { reason } } };
}

function copyValidation(from: OpenApiSchema, to: JSONSchema7): void {
  if (from.enum) to.enum = from.enum.filter((v) => v !== null) as JSONSchema7['enum'];
  if (from.pattern) to.pattern = from.pattern;
  if (typeof from.minLength === 'number') to.minLength = from.minLength;
  if (typeof from.maxLength === 'number') to.maxLength = from.maxLength;
  if (typeof from.minItems === 'number') to.minItems = from.minItems;
  if (typeof from.maxItems === 'number') to.maxItems = from.maxItems;
  // OpenAPI 3.0: exclusiveMinimum is a boolean modifier of minimum; JSON Schema 7: a number.
  if (typeof from.minimum === 'number') {
    if (from.exclusiveMinimum === true) to.exclusiveMinimum = from.minimum;
    else to.minimum = from.minimum;
  }
  if (typeof from.maximum === 'number') {
    if (from.exclusiveMaximum === true) to.exclusiveMaximum = from.maximum;
    else to.maximum = from.maximum;
  }
}

function withDefaultHelp(description: string | undefined, dflt: unknown): string | undefined {
  if (dflt === undefined || dflt === null || typeof dflt === 'object') return description;
  const d = `Default: ${String(dflt)}.`;
  return description ? `${description} ${d}` : d;
}

interface Ctx {
  components: OpenApiComponents;
  maxDepth: number;
}

/** Unwraps `$ref` and single-element `allOf` wrappers; the outermost description wins. */
function unwrap(s: OpenApiSchema, ctx: Ctx, stack: readonly string[]): { target: OpenApiSchema; name?: string; description?: string; dflt?: unknown; cycle: boolean } {
  let target = s;
  let name: string | undefined;
  let description = s.description;
  let dflt = s.default;
  for (let hops = 0; hops < 16; hops++) {
    if (target.$ref) {
      name = refName(target.$ref);
      if (stack.includes(name)) return { target, name, description, dflt, cycle: true };
      target = ctx.components[name] ?? {};
    } else if (target.allOf?.length === 1 && !target.properties && !target.type) {
      target = target.allOf[0]!;
    } else break;
    description ??= target.description;
    dflt ??= target.default;
  }
  return { target, name, description, dflt, cycle: false };
}

function convertNode(s: OpenApiSchema, key: string | undefined, ctx: Ctx, depth: number, stack: readonly string[]): Converted {
  const title = key === undefined ? undefined : humanize(key);
  const { target, name, description, dflt, cycle } = unwrap(s, ctx, stack);
  const help = withDefaultHelp(description, dflt);
  if (cycle) return opaque(title, help, 'recursive');
  if (depth > ctx.maxDepth) return opaque(title, help, 'deep');
  const nextStack = name ? [...stack, name] : stack;
  const base = (): JSONSchema7 => {
    const out: JSONSchema7 = {};
    if (title) out.title = title;
    if (help) out.description = help;
    return out;
  };

  if (isQuantity(target, name)) return { schema: { ...base(), type: 'string', format: QUANTITY_FORMAT }, ui: { 'ui:widget': 'quantity', 'ui:placeholder': 'e.g. 1Gi', 'ui:help': QUANTITY_HELP } };
  if (isIntOrString(target, name)) return { schema: { ...base(), type: 'string', format: INT_OR_STRING_FORMAT }, ui: { 'ui:widget': 'intOrString', 'ui:help': INT_OR_STRING_HELP } };
  if (name?.endsWith('.Time') || name?.endsWith('.MicroTime')) return { schema: { ...base(), type: 'string' }, ui: {} };
  if (name?.endsWith('.RawExtension') || name?.endsWith('.FieldsV1') || name?.endsWith('.JSON')) return opaque(title, help, 'free-form');

  const type = Array.isArray(target.type) ? target.type.find((t) => t !== 'null') : target.type;
  if (type === 'array' || (!type && target.items)) {
    const items = Array.isArray(target.items) ? target.items[0] : target.items;
    if (!items) return opaque(title, help, 'free-form');
    const inner = convertNode(items, undefined, ctx, depth + 1, nextStack);
    if (inner.ui['ui:field'] === 'yamlOnly') return opaque(title, help, String((inner.ui['ui:options'] as { reason?: string }).reason ?? 'free-form'));
    const schema: JSONSchema7 = { ...base(), type: 'array', items: inner.schema };
    copyValidation(target, schema);
    return { schema, ui: Object.keys(inner.ui).length ? { items: inner.ui } : {} };
  }
  if (type === 'object' || (!type && (target.properties || typeof target.additionalProperties === 'object'))) {
    const props = target.properties ?? {};
    const keys = Object.keys(props);
    const extra = typeof target.additionalProperties === 'object' ? target.additionalProperties : undefined;
    if (keys.length === 0 && !extra) return opaque(title, help, 'free-form');
    const schema: JSONSchema7 = { ...base(), type: 'object' };
    const ui: UiNode = {};
    if (keys.length) {
      schema.properties = {};
      for (const k of keys) {
        const child = convertNode(props[k]!, k, ctx, depth + 1, nextStack);
        schema.properties[k] = child.schema;
        if (Object.keys(child.ui).length) ui[k] = child.ui;
      }
      const required = (target.required ?? []).filter((r) => keys.includes(r));
      if (required.length) schema.required = required;
    }
    if (extra) {
      const child = convertNode(extra, undefined, ctx, depth + 1, nextStack);
      if (child.ui['ui:field'] === 'yamlOnly' && keys.length === 0) return opaque(title, help, 'free-form');
      if (child.ui['ui:field'] !== 'yamlOnly') {
        schema.additionalProperties = child.schema;
        if (Object.keys(child.ui).length) ui.additionalProperties = child.ui;
      }
    }
    return { schema, ui };
  }
  if (type === 'string' || type === 'integer' || type === 'number' || type === 'boolean') {
    const schema: JSONSchema7 = { ...base(), type };
    copyValidation(target, schema);
    return { schema, ui: {} };
  }
  return opaque(title, help, 'free-form');
}

/** Converts one schema (with refs into `components`) into form JSON Schema and its uiSchema. */
export function convertSchema(root: OpenApiSchema, components: OpenApiComponents = {}, opts: { maxDepth?: number } = {}): Converted {
  return convertNode(root, undefined, { components, maxDepth: opts.maxDepth ?? MAX_FORM_DEPTH }, 0, []);
}

/** The component schema of a kind in a group-version document (by its x-kubernetes-group-version-kind). */
export function findKindSchema(components: OpenApiComponents, group: string, version: string, kind: string): OpenApiSchema | undefined {
  for (const s of Object.values(components)) {
    const gvks = s['x-kubernetes-group-version-kind'];
    if (Array.isArray(gvks) && gvks.some((g: { group?: string; version?: string; kind?: string }) => (g.group ?? '') === group && g.version === version && g.kind === kind)) return s;
  }
  const suffix = `.${version}.${kind}`;
  return Object.entries(components).find(([k]) => k.endsWith(suffix))?.[1];
}
