/**
 * OpenAPI for the supervisor: built-in kinds' schemas (generated from @kubernetes/client-node),
 * per-group-version OpenAPI v3 documents for built-ins and CRDs, the `/openapi/v3` root, and the
 * swagger 2.0 JSON form. Serving them over HTTP is the caller's job.
 */
export type { SchemaNode, SchemaResolver } from './schema-node';
export { identityResolver } from './schema-node';
export type { OpenAPIResource, OpenAPIV3Document, OpenAPIOperation, OpenAPIPathItem, OpenAPIParameter, GroupVersionKindRef } from './types';
export { BUILTIN_OPENAPI_RESOURCES } from './builtin-resources';
export { builtinComponents, builtinSchemaFor, builtinResolver, createResolver } from './builtin-schemas';
export { builtinDefinitionName, customResourceDefinitionName, DEF } from './definition-names';
export { buildGroupVersionDocument, groupByGroupVersion, groupVersionPath, type GroupVersionDocumentInput } from './group-version-document';
export {
  buildCustomResourceDocument,
  customResourceComponents,
  mergeOpenAPIDocuments,
  type CustomResourceVersionInput,
} from './custom-resource-document';
export { openapiV3Root, documentHash, OpenAPIDocumentCache, type CachedDocument, type OpenAPIV3Root, type OpenAPIV3RootEntry } from './root';
export { buildSwaggerV2, type SwaggerV2Document } from './swagger-v2';
