import type { SchemaNode, SchemaResolver } from '../openapi/schema-node';
import { builtinResolver, builtinSchemaFor } from '../openapi/builtin-schemas';

/** Bridge from built-in kinds to their OpenAPI schemas, generated from @kubernetes/client-node's models. */
export function builtinTypeSchema(group: string, version: string, kind: string): SchemaNode | undefined {
  return builtinSchemaFor(group, version, kind);
}

export const builtinTypeResolver: SchemaResolver = builtinResolver;
