import type { YamlPath } from './yaml-edit';

/**
 * A kind's schema from an OpenAPI v3 group-version document, as the API server serves it for
 * built-ins (`allOf: [{$ref}]` wrappers, `anyOf` for int-or-string and quantities) and for CRDs
 * (inline schemas, `x-kubernetes-preserve-unknown-fields`). The kind is found by its
 * `x-kubernetes-group-version-kind`; references are resolved lazily while walking a path, so
 * recursive schemas (JSONSchemaProps) cost nothing up front.
 */
export interface GroupVersionKind {
  group: string;
  version: string;
  kind: string;
}

export interface OpenApiSchema {
  $ref?: string;
  type?: string;
  format?: string;
  description?: string;
  properties?: Record<string, OpenApiSchema>;
  additionalProperties?: boolean | OpenApiSchema;
  items?: OpenApiSchema;
  required?: string[];
  enum?: unknown[];
  default?: unknown;
  nullable?: boolean;
  allOf?: OpenApiSchema[];
  anyOf?: OpenApiSchema[];
  oneOf?: OpenApiSchema[];
  'x-kubernetes-group-version-kind'?: GroupVersionKind[];
  'x-kubernetes-preserve-unknown-fields'?: boolean;
  'x-kubernetes-int-or-string'?: boolean;
  'x-kubernetes-embedded-resource'?: boolean;
  'x-kubernetes-list-type'?: string;
  'x-kubernetes-list-map-keys'?: string[];
  /** Set by `resolveSchema`: the component name a `$ref` pointed at ("Container"). */
  'x-glasspane-ref'?: string;
}

export interface OpenApiDocument {
  components?: { schemas?: Record<string, OpenApiSchema> };
}

export interface KindSchema {
  gvk: GroupVersionKind;
  /** The component's name, e.g. "io.k8s.api.apps.v1.Deployment". */
  name: string;
  schema: OpenApiSchema;
  components: Record<string, OpenApiSchema>;
}

export function findKindSchema(doc: OpenApiDocument, gvk: GroupVersionKind): KindSchema | undefined {
  const components = doc.components?.schemas ?? {};
  for (const [name, schema] of Object.entries(components)) {
    const gvks = schema['x-kubernetes-group-version-kind'] ?? [];
    if (gvks.some((g) => g.group === gvk.group && g.version === gvk.version && g.kind === gvk.kind)) {
      return { gvk, name, schema, components };
    }
  }
  return undefined;
}

const resolved = new WeakMap<OpenApiSchema, OpenApiSchema>();

function refTarget(components: Record<string, OpenApiSchema>, ref: string): { name: string; schema: OpenApiSchema } | undefined {
  const name = ref.replace(/^#\/components\/schemas\//, '');
  const schema = components[name];
  return schema ? { name, schema } : undefined;
}

function shortName(name: string): string {
  return name.slice(name.lastIndexOf('.') + 1);
}

/**
 * The schema with `$ref` followed and `allOf` merged into one (the outer description and
 * default win, properties and required lists are combined). Results are cached per schema.
 */
export function resolveSchema(root: Pick<KindSchema, 'components'>, schema: OpenApiSchema | undefined): OpenApiSchema | undefined {
  if (!schema) return undefined;
  const hit = resolved.get(schema);
  if (hit) return hit;
  let out: OpenApiSchema = { ...schema };
  for (let hops = 0; out.$ref && hops < 32; hops++) {
    const target = refTarget(root.components, out.$ref);
    const { $ref: _ref, ...rest } = out;
    out = target ? { ...target.schema, ...definedOnly(rest), 'x-glasspane-ref': shortName(target.name) } : rest;
  }
  if (out.allOf) {
    const parts = out.allOf.map((p) => resolveSchema(root, p)).filter((p): p is OpenApiSchema => !!p);
    const { allOf: _allOf, ...rest } = out;
    out = parts.reduce<OpenApiSchema>((acc, p) => mergeSchemas(acc, p), {});
    out = { ...out, ...definedOnly(rest), properties: mergeProps(out.properties, rest.properties), required: mergeRequired(out.required, rest.required) };
    if (!out.properties) delete out.properties;
    if (!out.required) delete out.required;
  }
  resolved.set(schema, out);
  return out;
}

function definedOnly(s: OpenApiSchema): OpenApiSchema {
  return Object.fromEntries(Object.entries(s).filter(([, v]) => v !== undefined)) as OpenApiSchema;
}

function mergeProps(a?: Record<string, OpenApiSchema>, b?: Record<string, OpenApiSchema>): Record<string, OpenApiSchema> | undefined {
  return a || b ? { ...a, ...b } : undefined;
}

function mergeRequired(a?: string[], b?: string[]): string[] | undefined {
  return a || b ? [...new Set([...(a ?? []), ...(b ?? [])])] : undefined;
}

function mergeSchemas(a: OpenApiSchema, b: OpenApiSchema): OpenApiSchema {
  return { ...a, ...b, properties: mergeProps(a.properties, b.properties), required: mergeRequired(a.required, b.required) };
}

/** Whether a mapping under this schema may hold keys the schema does not name. */
export function allowsUnknownFields(schema: OpenApiSchema): boolean {
  if (schema['x-kubernetes-preserve-unknown-fields']) return true;
  if (schema.additionalProperties === true) return true;
  if (typeof schema.additionalProperties === 'object') return true;
  // A schema that says nothing about its shape (no type, no properties) accepts anything.
  return !schema.type && !schema.properties && !schema.anyOf && !schema.oneOf && !schema.items;
}

/** The schema of a child: a property, an additionalProperties value, or an array item. */
export function childSchema(root: Pick<KindSchema, 'components'>, parent: OpenApiSchema | undefined, key: string | number): OpenApiSchema | undefined {
  const p = resolveSchema(root, parent);
  if (!p) return undefined;
  if (typeof key === 'number' || p.items) {
    return typeof key === 'number' ? resolveSchema(root, p.items) : undefined;
  }
  const prop = p.properties?.[key];
  if (prop) return resolveSchema(root, prop);
  if (typeof p.additionalProperties === 'object') return resolveSchema(root, p.additionalProperties);
  return undefined;
}

/** The (resolved) schema at a path from the kind's root; undefined where the schema ends. */
export function schemaAtPath(root: KindSchema, path: YamlPath): OpenApiSchema | undefined {
  let s = resolveSchema(root, root.schema);
  for (const key of path) {
    s = childSchema(root, s, key);
    if (!s) return undefined;
  }
  return s;
}

/** The JSON types a value may have here ([] = any). */
export function acceptedTypes(root: Pick<KindSchema, 'components'>, schema: OpenApiSchema): string[] {
  if (schema['x-kubernetes-int-or-string']) return ['integer', 'string'];
  const branches = schema.anyOf ?? schema.oneOf;
  if (branches && !schema.type) {
    const types = branches.flatMap((b) => {
      const r = resolveSchema(root, b);
      return r ? acceptedTypes(root, r) : [];
    });
    return types.includes('') ? [] : [...new Set(types)];
  }
  return schema.type ? [schema.type] : [];
}

/** "integer (int32)", "string", "[]Container", "map[string]string", "int-or-string", "Quantity". */
export function typeLabel(root: Pick<KindSchema, 'components'>, schema: OpenApiSchema): string {
  if (schema['x-kubernetes-int-or-string']) return 'int-or-string';
  const ref = schema['x-glasspane-ref'];
  if (schema.type === 'array') {
    const items = resolveSchema(root, schema.items);
    return `[]${items ? typeLabel(root, items) : 'any'}`;
  }
  if (schema.type === 'object' && typeof schema.additionalProperties === 'object' && !schema.properties) {
    const v = resolveSchema(root, schema.additionalProperties);
    return `map[string]${v ? typeLabel(root, v) : 'any'}`;
  }
  if (ref && (schema.type === 'object' || !schema.type)) return ref;
  const types = acceptedTypes(root, schema);
  if (types.length === 0) return ref ?? 'any';
  const base = types.join(' | ');
  return schema.format && types.length === 1 && schema.format !== 'int-or-string' ? `${base} (${schema.format})` : base;
}
