import type { ResourceDescriptor } from './types';

/** Kubernetes API paths for a descriptor at a served version. */
export function collectionPath(d: Pick<ResourceDescriptor, 'group' | 'resource' | 'namespaced'>, version: string, namespace?: string): string {
  const base = d.group ? `/apis/${d.group}/${version}` : `/api/${version}`;
  return d.namespaced && namespace ? `${base}/namespaces/${encodeURIComponent(namespace)}/${d.resource}` : `${base}/${d.resource}`;
}

export function objectPath(d: Pick<ResourceDescriptor, 'group' | 'resource' | 'namespaced'>, version: string, namespace: string | undefined, name: string): string {
  return `${collectionPath(d, version, namespace)}/${encodeURIComponent(name)}`;
}

export function withQuery(path: string, query: Record<string, string | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== '') q.set(k, v);
  const s = q.toString();
  return s ? `${path}?${s}` : path;
}
