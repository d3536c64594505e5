import { BUILTIN_OPENAPI_RESOURCES } from '../builtin-resources';
import { SUBRESOURCE_KINDS } from '../subresources';
import type { RootKind } from './build-components';
import { generateComponents, type GeneratedComponents } from './build-components';

/**
 * The kinds that get components: every built-in resource's kind and list kind, the kinds used
 * by subresources (Scale, Eviction, Binding, TokenRequest) and the meta kinds operations use.
 * Core kinds come first: package inference gives a shared type the group of its first reacher.
 */
export function builtinRoots(): RootKind[] {
  const roots: RootKind[] = [];
  const ordered = [...BUILTIN_OPENAPI_RESOURCES].sort((a, b) => Number(a.group !== '') - Number(b.group !== ''));
  for (const r of ordered) {
    roots.push({ group: r.group, version: r.version, kind: r.kind });
    if (r.verbs.includes('list')) roots.push({ group: r.group, version: r.version, kind: `${r.kind}List` });
  }
  for (const k of SUBRESOURCE_KINDS) roots.push(k.gvk);
  for (const kind of ['Status', 'DeleteOptions', 'WatchEvent', 'APIResourceList']) roots.push({ group: '', version: 'v1', kind });
  return roots;
}

export function generateBuiltinComponents(): GeneratedComponents {
  return generateComponents(builtinRoots());
}

/** One component per line: compact, yet a regenerated file diffs per type. */
export function serializeComponents(schemas: GeneratedComponents['schemas']): string {
  const lines = Object.entries(schemas).map(([name, schema]) => `${JSON.stringify(name)}:${JSON.stringify(schema)}`);
  return `{\n${lines.join(',\n')}\n}\n`;
}
