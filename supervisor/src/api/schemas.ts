import type { SchemaNode, SchemaResolver } from '../openapi/schema-node';
import { identityResolver } from '../openapi/schema-node';

/** Bridge from built-in kinds to their generated OpenAPI schemas. */
export function builtinTypeSchema(_group: string, _version: string, _kind: string): SchemaNode | undefined {
  return undefined;
}

export const builtinTypeResolver: SchemaResolver = identityResolver;
