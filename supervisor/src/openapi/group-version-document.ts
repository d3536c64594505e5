import { builtinComponents } from './builtin-schemas';
import { builtinDefinitionName, DEF, refName } from './definition-names';
import { groupIdentifier, tagFor, versionIdentifier } from './operations';
import { resourcePaths, type ResolvedResource } from './resource-paths';
import type { SchemaNode } from './schema-node';
import type { OpenAPIPathItem, OpenAPIResource, OpenAPIV3Document } from './types';

export interface GroupVersionDocumentInput {
  group: string;
  version: string;
  resources: readonly OpenAPIResource[];
  /** Components beyond the built-in ones (custom resources' schemas); they win over built-ins of the same name. */
  extraSchemas?: Record<string, SchemaNode>;
}

/** Components every document carries whether or not an operation refers to them. */
const ALWAYS_INCLUDED = [DEF.status, DEF.deleteOptions, DEF.watchEvent, DEF.patch];

/**
 * The OpenAPI 3.0 document of one group-version, shaped like upstream's
 * `/openapi/v3/apis/<group>/<version>`: operations for every resource and subresource, and
 * exactly the component schemas those operations reach. A resource whose kind schema is
 * unknown is left out (kubectl then falls back as it does for an undocumented kind).
 */
export function buildGroupVersionDocument(input: GroupVersionDocumentInput): OpenAPIV3Document {
  const { group, version } = input;
  const builtins = builtinComponents();
  const extra = input.extraSchemas ?? {};
  const lookup = (name: string): SchemaNode | undefined => extra[name] ?? builtins[name];

  const paths: Record<string, OpenAPIPathItem> = {};
  for (const res of input.resources) {
    const kindDef = res.schemaRef ?? builtinDefinitionName(res.group, res.version, res.kind);
    if (!lookup(kindDef)) continue;
    const isBuiltin = extra[kindDef] === undefined && builtins[kindDef] !== undefined;
    const resolved: ResolvedResource = {
      res,
      kindDef,
      listDef: res.listSchemaRef ?? `${kindDef}List`,
      strategicMergePatch: res.strategicMergePatch ?? isBuiltin,
      ctx: {
        idPrefix: groupIdentifier(res.group) + versionIdentifier(res.version),
        tag: tagFor(res.group, res.version),
        gvk: { group: res.group, version: res.version, kind: res.kind },
        protobuf: isBuiltin,
      },
    };
    Object.assign(paths, resourcePaths(resolved));
  }

  const schemas = reachableSchemas([...collectRefs(paths), ...ALWAYS_INCLUDED], lookup);
  return {
    openapi: '3.0.0',
    info: { title: 'Kubernetes', version: group === '' ? version : `${group}/${version}` },
    paths: sortKeys(paths),
    components: { schemas },
  };
}

/** Groups resources by group-version, keyed by the OpenAPI v3 path ("api/v1", "apis/apps/v1"). */
export function groupByGroupVersion(resources: readonly OpenAPIResource[]): Map<string, OpenAPIResource[]> {
  const byPath = new Map<string, OpenAPIResource[]>();
  for (const r of resources) {
    const key = groupVersionPath(r.group, r.version);
    byPath.set(key, [...(byPath.get(key) ?? []), r]);
  }
  return byPath;
}

export function groupVersionPath(group: string, version: string): string {
  return group === '' ? `api/${version}` : `apis/${group}/${version}`;
}

/** Every component name referenced (via `$ref`) anywhere inside `value`. */
export function collectRefs(value: unknown, into: Set<string> = new Set()): Set<string> {
  if (Array.isArray(value)) {
    for (const v of value) collectRefs(v, into);
  } else if (typeof value === 'object' && value !== null) {
    for (const [key, v] of Object.entries(value)) {
      if (key === '$ref' && typeof v === 'string') {
        const name = refName(v);
        if (name !== undefined) into.add(name);
      } else if (typeof v === 'object') {
        collectRefs(v, into);
      }
    }
  }
  return into;
}

/** Schemas are shared and read-only, so their outgoing references are computed once. */
const refsBySchema = new WeakMap<SchemaNode, string[]>();

function schemaRefs(schema: SchemaNode): string[] {
  let refs = refsBySchema.get(schema);
  if (!refs) {
    refs = [...collectRefs(schema)];
    refsBySchema.set(schema, refs);
  }
  return refs;
}

/** The named schemas and everything they reference, transitively; unknown names are skipped. */
export function reachableSchemas(names: Iterable<string>, lookup: (name: string) => SchemaNode | undefined): Record<string, SchemaNode> {
  const out: Record<string, SchemaNode> = {};
  const pending = [...names];
  while (pending.length > 0) {
    const name = pending.pop()!;
    if (out[name]) continue;
    const schema = lookup(name);
    if (!schema) continue;
    out[name] = schema;
    for (const ref of schemaRefs(schema)) if (!out[ref]) pending.push(ref);
  }
  return sortKeys(out);
}

export function sortKeys<T>(record: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
