import { refName } from './definition-names';
import { sortKeys } from './group-version-document';
import type { SchemaNode } from './schema-node';
import type { HttpMethod, OpenAPIOperation, OpenAPIParameter, OpenAPIV3Document } from './types';

/**
 * The swagger 2.0 form of the v3 documents, for `GET /openapi/v2` with `Accept: application/json`.
 * Same operations and definitions, rewritten the way kube-openapi publishes v2: `#/definitions/`
 * references, body parameters instead of requestBody, `consumes`/`produces` lists, and no v3-only
 * keywords (anyOf/oneOf/not/nullable are dropped; an int-or-string keeps its extension and format).
 */

export interface SwaggerV2Parameter {
  name: string;
  in: 'query' | 'path' | 'body';
  description?: string;
  required?: boolean;
  type?: string;
  uniqueItems?: boolean;
  schema?: SchemaNode;
}

export interface SwaggerV2Operation {
  description: string;
  operationId: string;
  tags: string[];
  consumes?: string[];
  produces: string[];
  schemes: string[];
  parameters?: SwaggerV2Parameter[];
  responses: Record<string, { description: string; schema?: SchemaNode }>;
  [extension: `x-${string}`]: unknown;
}

export type SwaggerV2PathItem = Partial<Record<HttpMethod, SwaggerV2Operation>> & { parameters?: SwaggerV2Parameter[] };

export interface SwaggerV2Document {
  swagger: '2.0';
  info: { title: string; version: string };
  paths: Record<string, SwaggerV2PathItem>;
  definitions: Record<string, SchemaNode>;
}

const METHODS: HttpMethod[] = ['get', 'put', 'post', 'patch', 'delete'];

export function buildSwaggerV2(input: { documents: readonly OpenAPIV3Document[]; version?: string }): SwaggerV2Document {
  const paths: Record<string, SwaggerV2PathItem> = {};
  const definitions: Record<string, SchemaNode> = {};
  const converted = new Map<SchemaNode, SchemaNode>();
  for (const doc of input.documents) {
    for (const [name, schema] of Object.entries(doc.components.schemas)) {
      if (!definitions[name]) definitions[name] = memoized(converted, schema);
    }
    for (const [path, item] of Object.entries(doc.paths)) {
      const out: SwaggerV2PathItem = {};
      if (item.parameters) out.parameters = item.parameters.map(parameterV2);
      for (const method of METHODS) {
        const op = item[method];
        if (op) out[method] = operationV2(op);
      }
      paths[path] = out;
    }
  }
  return { swagger: '2.0', info: { title: 'Kubernetes', version: input.version ?? 'unversioned' }, paths: sortKeys(paths), definitions: sortKeys(definitions) };
}

function memoized(cache: Map<SchemaNode, SchemaNode>, schema: SchemaNode): SchemaNode {
  let out = cache.get(schema);
  if (!out) {
    out = schemaV2(schema);
    cache.set(schema, out);
  }
  return out;
}

/** Rewrites one schema tree into its swagger 2.0 spelling. */
export function schemaV2(node: SchemaNode): SchemaNode {
  const out: SchemaNode = {};
  for (const [key, value] of Object.entries(node) as [keyof SchemaNode, unknown][]) {
    if (key === 'anyOf' || key === 'oneOf' || key === 'not' || key === 'nullable') continue;
    if (key === '$ref' && typeof value === 'string') {
      const name = refName(value);
      out.$ref = name === undefined ? value : `#/definitions/${name}`;
    } else if (key === 'properties' && value) {
      out.properties = Object.fromEntries(Object.entries(value as Record<string, SchemaNode>).map(([k, v]) => [k, schemaV2(v)]));
    } else if ((key === 'items' || key === 'additionalProperties') && typeof value === 'object' && value !== null) {
      out[key] = schemaV2(value as SchemaNode);
    } else if (key === 'allOf' && Array.isArray(value)) {
      out.allOf = (value as SchemaNode[]).map(schemaV2);
    } else {
      (out as Record<string, unknown>)[key] = value;
    }
  }
  if (node['x-kubernetes-int-or-string'] && !out.type) {
    out.type = 'string';
    out.format = 'int-or-string';
  } else if (!out.type && !out.$ref && !out.allOf && (node.anyOf ?? node.oneOf)?.some((s) => s.type === 'string')) {
    out.type = 'string';
  }
  return out;
}

function parameterV2(p: OpenAPIParameter): SwaggerV2Parameter {
  const out: SwaggerV2Parameter = { name: p.name, in: p.in };
  if (p.description) out.description = p.description;
  if (p.required) out.required = true;
  if (p.schema.type) out.type = p.schema.type;
  out.uniqueItems = true;
  return out;
}

function operationV2(op: OpenAPIOperation): SwaggerV2Operation {
  const parameters = (op.parameters ?? []).map(parameterV2);
  let consumes: string[] | undefined;
  if (op.requestBody) {
    const entries = Object.entries(op.requestBody.content);
    consumes = entries.map(([type]) => type);
    const schema = entries[0]?.[1].schema;
    if (schema) parameters.unshift({ name: 'body', in: 'body', required: op.requestBody.required ?? false, schema: schemaV2(schema) });
  }
  const produces = new Set<string>();
  const responses: SwaggerV2Operation['responses'] = {};
  for (const [code, response] of Object.entries(op.responses)) {
    const media = Object.entries(response.content ?? {});
    for (const [type] of media) produces.add(type);
    const schema = media[0]?.[1].schema;
    responses[code] = schema ? { description: response.description, schema: schemaV2(schema) } : { description: response.description };
  }
  const out: SwaggerV2Operation = {
    description: op.description,
    operationId: op.operationId,
    tags: op.tags,
    produces: [...produces],
    schemes: ['https'],
    responses,
    'x-kubernetes-action': op['x-kubernetes-action'],
  };
  if (consumes) out.consumes = consumes;
  if (parameters.length > 0) out.parameters = parameters;
  if (op['x-kubernetes-group-version-kind']) out['x-kubernetes-group-version-kind'] = op['x-kubernetes-group-version-kind'];
  return out;
}
