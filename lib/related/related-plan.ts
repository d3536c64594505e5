import type { KubeObject } from '../k8s/types';
import { get } from '../resources/format';
import { selectorMatches, selectorString } from './label-selector';
import { descendantsOf } from './owners';

/**
 * What the Related tab lists for an object: which collections to read (kind, namespace,
 * selectors), and which of their items belong to the object — its descendants through
 * ownerReferences, everything an operator labelled as its own, the objects that select it (a
 * VM's VirtualMachineServices) or that it selects (a Service's pods), or those naming it in a
 * field (a VM's snapshots, a host's pods and VMs). Pure: the tab reads the collections.
 */
export type Keep =
  /** Items descending from the object through ownerReferences (across all 'descendants' queries). */
  | { kind: 'descendants' }
  /** Every item the query returns (the selectors already restrict it). */
  | { kind: 'all' }
  /** Items whose selector at `path` (a map or a LabelSelector) matches the object's labels. */
  | { kind: 'selects-object'; path: string }
  /** Items whose field at `path` equals `value`. */
  | { kind: 'field'; path: string; value: string };

export interface RelatedQuery {
  key: string;
  title: string;
  descriptorId: string;
  /** Namespace to read; undefined lists across namespaces (or a cluster-scoped kind). */
  namespace?: string;
  labelSelector?: string;
  fieldSelector?: string;
  keep: Keep;
}

const VMOP = 'vmoperator.vmware.com';

/** Operator-backed services and the label their operator puts on everything it makes for an instance. */
export const OPERATOR_INSTANCE_LABELS: Record<string, string> = {
  'clusters.postgresql.cnpg.io': 'cnpg.io/cluster',
  'cassandradatacenters.cassandra.datastax.com': 'cassandra.datastax.com/datacenter',
  'tfjobs.kubeflow.org': 'training.kubeflow.org/job-name',
  'tenants.minio.min.io': 'v1.min.io/tenant',
};

const q = (key: string, title: string, descriptorId: string, namespace: string | undefined, keep: Keep, extra: Partial<RelatedQuery> = {}): RelatedQuery => ({ key, title, descriptorId, namespace, keep, ...extra });
const descendants: Keep = { kind: 'descendants' };
const all: Keep = { kind: 'all' };

function podSelector(obj: KubeObject): string | undefined {
  return selectorString(get(obj, 'spec.selector'));
}

export function relatedQueries(descriptorId: string, obj: KubeObject): RelatedQuery[] {
  const ns = obj.metadata.namespace;
  const name = obj.metadata.name ?? '';
  const label = OPERATOR_INSTANCE_LABELS[descriptorId];
  if (label) {
    const sel = `${label}=${name}`;
    return [
      q('pods', 'Pods', 'pods', ns, all, { labelSelector: sel }),
      q('pvcs', 'Volume claims', 'persistentvolumeclaims', ns, all, { labelSelector: sel }),
      q('services', 'Services', 'services', ns, all, { labelSelector: sel }),
      q('secrets', 'Secrets', 'secrets', ns, all, { labelSelector: sel }),
    ];
  }
  switch (descriptorId) {
    case 'deployments.apps':
      return [q('replicasets', 'ReplicaSets', 'replicasets.apps', ns, descendants, { labelSelector: podSelector(obj) }), q('pods', 'Pods', 'pods', ns, descendants, { labelSelector: podSelector(obj) })];
    case 'replicasets.apps':
    case 'statefulsets.apps':
    case 'daemonsets.apps':
    case 'jobs.batch':
      return [q('pods', 'Pods', 'pods', ns, descendants, { labelSelector: podSelector(obj) })];
    case 'cronjobs.batch':
      return [q('jobs', 'Jobs', 'jobs.batch', ns, descendants), q('pods', 'Pods', 'pods', ns, descendants)];
    case `virtualmachines.${VMOP}`:
      return [
        q('vmservices', 'VM services', `virtualmachineservices.${VMOP}`, ns, { kind: 'selects-object', path: 'spec.selector' }),
        q('snapshots', 'Snapshots', `virtualmachinesnapshots.${VMOP}`, ns, { kind: 'field', path: 'spec.vmName', value: name }),
      ];
    case `virtualmachineservices.${VMOP}`: {
      const sel = selectorString(get(obj, 'spec.selector'));
      return sel ? [q('vms', 'Virtual machines', `virtualmachines.${VMOP}`, ns, all, { labelSelector: sel }), q('services', 'Services', 'services', ns, descendants)] : [];
    }
    case 'services': {
      const sel = selectorString(get(obj, 'spec.selector'));
      return [
        ...(sel ? [q('pods', 'Pods', 'pods', ns, all, { labelSelector: sel })] : []),
        q('endpointslices', 'Endpoint slices', 'endpointslices.discovery.k8s.io', ns, all, { labelSelector: `kubernetes.io/service-name=${name}` }),
      ];
    }
    case 'pods':
      return [q('services', 'Services selecting this pod', 'services', ns, { kind: 'selects-object', path: 'spec.selector' })];
    case 'nodes':
      return [
        q('vms', 'Virtual machines', `virtualmachines.${VMOP}`, undefined, { kind: 'field', path: 'status.nodeName', value: name }),
        q('pods', 'Pods', 'pods', undefined, all, { fieldSelector: `spec.nodeName=${name}` }),
      ];
    case 'namespaces':
      return [];
    default:
      // Any other namespaced kind (CRDs included): what it owns among the usual children.
      return ns ? [q('pods', 'Pods', 'pods', ns, descendants), q('services', 'Services', 'services', ns, descendants), q('pvcs', 'Volume claims', 'persistentvolumeclaims', ns, descendants)] : [];
  }
}

export interface RelatedGroup {
  query: RelatedQuery;
  items: KubeObject[];
}

/** The items of each query that belong to `obj`; `results` holds each query's items by key. */
export function relatedGroups(queries: RelatedQuery[], obj: KubeObject, results: ReadonlyMap<string, KubeObject[]>): RelatedGroup[] {
  const pool = queries.filter((x) => x.keep.kind === 'descendants').flatMap((x) => results.get(x.key) ?? []);
  const owned = new Set(descendantsOf(obj, pool).map((o) => o.metadata.uid));
  return queries.map((query) => {
    const items = results.get(query.key) ?? [];
    const keep = query.keep;
    const kept = items.filter((item) => {
      if (item.metadata.uid && item.metadata.uid === obj.metadata.uid) return false;
      switch (keep.kind) {
        case 'all':
          return true;
        case 'descendants':
          return owned.has(item.metadata.uid);
        case 'selects-object':
          return selectorMatches(get(item, keep.path), obj.metadata.labels, { emptyMatches: false });
        case 'field':
          return get(item, keep.path) === keep.value;
      }
    });
    return { query, items: kept.sort((a, b) => (a.metadata.name ?? '').localeCompare(b.metadata.name ?? '')) };
  });
}
