import type { KubeObject } from '../k8s/types';

/**
 * How the objects of a create screen (one, or a wizard's several documents) are sent: each
 * resolved to its API collection, in dependency order (a Namespace before what goes in it,
 * Secrets and claims before the VM that uses them, Services last), namespaced objects placed in
 * the page's namespace unless they name one. Objects in a namespace created by the same request
 * cannot be dry-run before it exists; they are checked by the server when they are created.
 */
export interface ResolvedKind {
  resource: string;
  namespaced: boolean;
}

export interface PlannedObject {
  /** Position of the document in the YAML. */
  index: number;
  obj: KubeObject;
  group: string;
  version: string;
  kind: string;
  resource: string;
  namespaced: boolean;
  namespace?: string;
  /** False when its namespace is created by the same request. */
  dryRunnable: boolean;
}

export interface CreatePlan {
  items: PlannedObject[];
  /** Documents that cannot be sent, in words (with their document number). */
  problems: string[];
}

const ORDER: Record<string, number> = {
  Namespace: 0,
  ResourceQuota: 1,
  LimitRange: 1,
  ServiceAccount: 2,
  Secret: 2,
  ConfigMap: 2,
  PersistentVolumeClaim: 3,
  Service: 5,
  VirtualMachineService: 5,
};

export function splitApiVersion(apiVersion: string): { group: string; version: string } {
  const i = apiVersion.indexOf('/');
  return i < 0 ? { group: '', version: apiVersion } : { group: apiVersion.slice(0, i), version: apiVersion.slice(i + 1) };
}

function isObject(v: unknown): v is KubeObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function planCreate(values: readonly unknown[], defaultNamespace: string | undefined, resolve: (group: string, version: string, kind: string) => ResolvedKind | undefined): CreatePlan {
  const items: PlannedObject[] = [];
  const problems: string[] = [];
  values.forEach((v, index) => {
    const where = values.length > 1 ? `Document ${index + 1}` : 'The object';
    if (!isObject(v)) return problems.push(`${where} is not an object.`);
    const apiVersion = typeof v.apiVersion === 'string' ? v.apiVersion : '';
    const kind = typeof v.kind === 'string' ? v.kind : '';
    if (!apiVersion || !kind) return problems.push(`${where} needs apiVersion and kind.`);
    const { group, version } = splitApiVersion(apiVersion);
    const r = resolve(group, version, kind);
    if (!r) return problems.push(`${where}: the cluster does not serve ${kind} in ${apiVersion}.`);
    const meta: KubeObject['metadata'] = isObject(v.metadata) ? v.metadata : {};
    if (!meta.name && !meta.generateName) return problems.push(`${where} (${kind}) needs a name.`);
    const namespace = r.namespaced ? (meta.namespace ?? defaultNamespace) : undefined;
    if (r.namespaced && !namespace) return problems.push(`${where} (${kind} ${meta.name ?? ''}) needs a namespace.`);
    const obj: KubeObject = r.namespaced ? { ...v, metadata: { ...meta, namespace } } : v;
    items.push({ index, obj, group, version, kind, resource: r.resource, namespaced: r.namespaced, namespace, dryRunnable: true });
  });
  const created = new Set(items.filter((i) => i.group === '' && i.kind === 'Namespace').map((i) => i.obj.metadata.name));
  for (const i of items) if (i.namespace && created.has(i.namespace)) i.dryRunnable = false;
  items.sort((a, b) => (ORDER[a.kind] ?? 4) - (ORDER[b.kind] ?? 4) || a.index - b.index);
  return { items, problems };
}

/** "VirtualMachine web-01", for result lists. */
export function describeItem(i: PlannedObject): string {
  return `${i.kind} ${i.obj.metadata.name ?? i.obj.metadata.generateName ?? ''}`.trim();
}
