import { readFileSync } from 'node:fs';
import { builtinDefinitionName, refName } from './definition-names';
import type { SchemaNode, SchemaResolver } from './schema-node';

/**
 * The built-in kinds' OpenAPI v3 component schemas, generated from @kubernetes/client-node by
 * supervisor/scripts/generate-builtin-openapi.ts. The JSON is read and parsed on first use, once.
 * Callers must treat the returned schemas as read-only: they are shared by every document.
 */

let components: Record<string, SchemaNode> | undefined;

export function builtinComponents(): Record<string, SchemaNode> {
  if (!components) {
    const text = readFileSync(new URL('./generated/builtin-schemas.json', import.meta.url), 'utf8');
    components = JSON.parse(text) as Record<string, SchemaNode>;
  }
  return components;
}

/** The schema of a built-in kind (e.g. `('apps', 'v1', 'Deployment')`), if generated. */
export function builtinSchemaFor(group: string, version: string, kind: string): SchemaNode | undefined {
  return builtinComponents()[builtinDefinitionName(group, version, kind)];
}

/**
 * A resolver over a component map: follows `$ref` (`#/components/schemas/<name>`) and
 * single-element `allOf` wrappers until a node with neither is reached. The wrapper's own
 * extensions (e.g. a patch strategy next to the reference) are not carried over; read them from
 * the property node before resolving. Unknown references resolve to the empty schema.
 */
export function createResolver(lookup: (name: string) => SchemaNode | undefined): SchemaResolver {
  return (node) => {
    let current = node;
    for (let depth = 0; depth < 32; depth++) {
      if (current.$ref !== undefined) {
        const name = refName(current.$ref);
        const target = name === undefined ? undefined : lookup(name);
        if (!target) return {};
        current = target;
      } else if (current.allOf?.length === 1 && current.allOf[0]) {
        current = current.allOf[0];
      } else {
        return current;
      }
    }
    throw new Error('schema reference cycle');
  };
}

export const builtinResolver: SchemaResolver = createResolver((name) => builtinComponents()[name]);
