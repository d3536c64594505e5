import type { SchemaNode } from './schema-node';

/** One served resource as the OpenAPI documents describe it. */
export interface OpenAPIResource {
  group: string;
  version: string;
  kind: string;
  /** Plural, lowercase: "deployments". */
  resource: string;
  namespaced: boolean;
  /** Kube verbs: get list watch create update patch delete deletecollection. */
  verbs: string[];
  /** Subresource names: "status", "scale", "log", "finalize", "token", "binding", "eviction", "exec", ... */
  subresources: string[];
  /** Component name of the kind's schema; built-ins default to the upstream name (io.k8s.api.apps.v1.Deployment). */
  schemaRef?: string;
  /** Component name of the list kind's schema; defaults to `${schemaRef}List`. */
  listSchemaRef?: string;
  /** Whether PATCH advertises application/strategic-merge-patch+json; defaults to "the schema is built-in". */
  strategicMergePatch?: boolean;
}

export interface GroupVersionKindRef {
  group: string;
  version: string;
  kind: string;
}

export interface OpenAPIParameter {
  name: string;
  in: 'query' | 'path';
  description?: string;
  required?: boolean;
  schema: SchemaNode;
}

export interface MediaTypeObject {
  schema: SchemaNode;
}

export interface OpenAPIResponse {
  description: string;
  content?: Record<string, MediaTypeObject>;
}

export interface OpenAPIOperation {
  description: string;
  operationId: string;
  tags: string[];
  parameters?: OpenAPIParameter[];
  requestBody?: { content: Record<string, MediaTypeObject>; required?: boolean };
  responses: Record<string, OpenAPIResponse>;
  'x-kubernetes-action': string;
  /** A single object here (not a list as on schemas): kubectl's supportsQueryParamV3 reads it so. */
  'x-kubernetes-group-version-kind'?: GroupVersionKindRef;
}

export type HttpMethod = 'get' | 'put' | 'post' | 'patch' | 'delete';

export interface OpenAPIPathItem {
  parameters?: OpenAPIParameter[];
  get?: OpenAPIOperation;
  put?: OpenAPIOperation;
  post?: OpenAPIOperation;
  patch?: OpenAPIOperation;
  delete?: OpenAPIOperation;
}

export interface OpenAPIV3Document {
  openapi: '3.0.0';
  info: { title: string; version: string };
  paths: Record<string, OpenAPIPathItem>;
  components: { schemas: Record<string, SchemaNode> };
}
