import { builtinDefinitionName, DEF, schemaRef } from '../definition-names';
import type { SchemaNode } from '../schema-node';
import { loadModel, modelExists } from './client-node-models';
import { modelForKind, modelGroup, parseModelName } from './model-packages';
import { applyFieldMetadata } from './patch-metadata';
import { ANY_FIELDS, fallbackDescription, QUANTITY_FIELDS, SPECIAL_COMPONENTS } from './special-types';

/**
 * Turns client-node models into upstream-named OpenAPI v3 component schemas: every root kind
 * and everything it reaches, with descriptions, required lists, GVK extensions on kinds, and the
 * patch metadata of patch-metadata.ts. Build-time only (see scripts/generate-builtin-openapi.ts).
 */

export interface RootKind {
  group: string;
  version: string;
  kind: string;
}

export interface GeneratedComponents {
  schemas: Record<string, SchemaNode>;
  /** client-node model → component name, for review of the package inference. */
  names: Record<string, string>;
}

export function generateComponents(roots: readonly RootKind[]): GeneratedComponents {
  const schemas: Record<string, SchemaNode> = {};
  const names: Record<string, string> = {};
  const used = new Set<string>();
  const kinds = new Map<string, RootKind[]>();

  const nameFor = (model: string, fromGroup: string): string => {
    const known = names[model];
    if (known) return known;
    const parsed = parseModelName(model);
    const name = builtinDefinitionName(modelGroup(model, fromGroup), parsed.version, parsed.typeName);
    if (Object.values(names).includes(name)) throw new Error(`two client-node models map to ${name}`);
    names[model] = name;
    return name;
  };

  for (const root of roots) {
    const model = modelForKind(root.group, root.version, root.kind, modelExists);
    const name = nameFor(model, root.group);
    kinds.set(name, [...(kinds.get(name) ?? []), root]);
    const stack: { model: string; group: string }[] = [{ model, group: root.group }];
    while (stack.length > 0) {
      const next = stack.pop()!;
      const def = nameFor(next.model, next.group);
      if (schemas[def]) continue;
      const group = modelGroup(next.model, next.group);
      const enqueue = (ref: string): string => {
        stack.push({ model: ref, group });
        return nameFor(ref, group);
      };
      schemas[def] = modelSchema(next.model, enqueue, used, kinds.get(def)?.[0]?.kind);
    }
  }

  for (const [name, gvks] of kinds) {
    const schema = schemas[name]!;
    schema['x-kubernetes-group-version-kind'] = gvks.map(({ group, version, kind }) => ({ group, version, kind }));
  }
  for (const key of [...Object.keys(ANY_FIELDS), ...QUANTITY_FIELDS]) {
    if (!used.has(key)) throw new Error(`special-types.ts names ${key}, which no generated schema has`);
  }
  applyFieldMetadata(schemas);
  for (const [name, schema] of Object.entries(SPECIAL_COMPONENTS)) schemas[name] = schema;
  return { schemas: sortKeys(schemas), names };
}

function modelSchema(model: string, enqueue: (model: string) => string, used: Set<string>, ownerKind: string | undefined): SchemaNode {
  const info = loadModel(model);
  const properties: Record<string, SchemaNode> = {};
  const required: string[] = [];
  for (const attr of info.attributes) {
    const key = `${model}.${attr.name}`;
    const typed = typeSchema(attr.type, attr.format, key, enqueue, used);
    const description = attr.description ?? fallbackDescription(attr.name, attr.type, ownerKind) ?? referencedDescription(attr.type);
    properties[attr.name] = withDescription(typed, description);
    if (attr.required) required.push(attr.name);
  }
  const schema: SchemaNode = {};
  if (info.description) schema.description = info.description;
  schema.type = 'object';
  if (info.attributes.length > 0) schema.properties = properties;
  if (required.length > 0) schema.required = required;
  return schema;
}

/**
 * client-node drops the descriptions of properties typed by another model; the referenced type's
 * own description is the closest stand-in (kubectl explain would print "<no description>").
 */
function referencedDescription(type: string): string | undefined {
  const inner = /^(?:Array<(.+)>|\{ \[key: string\]: (.+); \})$/.exec(type);
  const model = inner ? (inner[1] ?? inner[2]!) : type;
  return modelExists(model) ? loadModel(model).description : undefined;
}

/** A `$ref` with siblings is wrapped as `allOf: [{$ref}]`, the form kube-openapi 1.32 serves. */
export function withDescription(node: SchemaNode, description: string | undefined): SchemaNode {
  if (!description) return node;
  if (node.$ref) return { allOf: [{ $ref: node.$ref }], description };
  return { description, ...node };
}

function typeSchema(type: string, format: string, key: string, enqueue: (model: string) => string, used: Set<string>): SchemaNode {
  const array = /^Array<(.+)>$/.exec(type);
  if (array) return { type: 'array', items: typeSchema(array[1]!, format, key, enqueue, used) };
  const map = /^\{ \[key: string\]: (.+); \}$/.exec(type);
  if (map) return { type: 'object', additionalProperties: typeSchema(map[1]!, format, key, enqueue, used) };
  switch (type) {
    case 'string':
      if (QUANTITY_FIELDS.has(key)) {
        used.add(key);
        return { $ref: schemaRef(DEF.quantity) };
      }
      return format ? { type: 'string', format } : { type: 'string' };
    case 'number':
      if (format === 'int32' || format === 'int64') return { type: 'integer', format };
      return format ? { type: 'number', format } : { type: 'number' };
    case 'boolean':
      return { type: 'boolean' };
    case 'Date':
    case 'V1MicroTime':
      return { type: 'string', format: 'date-time' };
    case 'IntOrString':
      return { $ref: schemaRef(DEF.intOrString) };
    case 'any': {
      const target = ANY_FIELDS[key];
      if (!target) throw new Error(`${key} is typed "any" in client-node; map it in special-types.ts ANY_FIELDS`);
      used.add(key);
      return { $ref: schemaRef(target) };
    }
    default:
      if (!modelExists(type)) throw new Error(`${key}: unknown client-node type ${type}`);
      return { $ref: schemaRef(enqueue(type)) };
  }
}

function sortKeys<T>(record: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
