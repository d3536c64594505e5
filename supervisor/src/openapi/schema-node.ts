/**
 * The subset of an OpenAPI v3 schema that the supervisor's patch, apply, validation and
 * OpenAPI code walk. Built-in kinds' schemas (generated from @kubernetes/client-node's models)
 * and CRDs' openAPIV3Schema both have this shape. References appear as `$ref` or as
 * `allOf: [{ $ref }]` (the form upstream uses when a description sits beside a reference);
 * a SchemaResolver turns either into the referenced node.
 */
export interface SchemaNode {
  type?: 'object' | 'array' | 'string' | 'integer' | 'number' | 'boolean';
  format?: string;
  description?: string;
  properties?: Record<string, SchemaNode>;
  required?: string[];
  items?: SchemaNode;
  additionalProperties?: SchemaNode | boolean;
  $ref?: string;
  allOf?: SchemaNode[];
  anyOf?: SchemaNode[];
  oneOf?: SchemaNode[];
  not?: SchemaNode;
  enum?: unknown[];
  default?: unknown;
  nullable?: boolean;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: boolean;
  exclusiveMaximum?: boolean;
  multipleOf?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  minItems?: number;
  maxItems?: number;
  uniqueItems?: boolean;
  minProperties?: number;
  maxProperties?: number;
  'x-kubernetes-patch-merge-key'?: string;
  /** Comma-separated: "merge", "replace", "retainKeys", e.g. "merge,retainKeys". */
  'x-kubernetes-patch-strategy'?: string;
  'x-kubernetes-list-type'?: 'atomic' | 'set' | 'map';
  'x-kubernetes-list-map-keys'?: string[];
  'x-kubernetes-map-type'?: 'atomic' | 'granular';
  'x-kubernetes-int-or-string'?: boolean;
  'x-kubernetes-preserve-unknown-fields'?: boolean;
  'x-kubernetes-embedded-resource'?: boolean;
  'x-kubernetes-group-version-kind'?: { group: string; version: string; kind: string }[];
  'x-kubernetes-validations'?: unknown[];
  [extension: `x-${string}`]: unknown;
}

/** Follows `$ref` and single-element `allOf` wrappers until a concrete node is reached. */
export type SchemaResolver = (node: SchemaNode) => SchemaNode;

/** A resolver for schemas that hold no references (e.g. a CRD's openAPIV3Schema). */
export const identityResolver: SchemaResolver = (node) => node;
