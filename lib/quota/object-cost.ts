import type { KubeObject } from '../k8s/types';
import { get } from '../resources/format';
import { addUsage, amountOf, scaleUsage, type Usage } from './amounts';
import { podSpecCost, replicatedCost, type ContainerDefaults } from './pod-cost';

/**
 * What creating objects adds to their namespace's quota. Object counts (`count/<resource>.<group>`
 * and the legacy names: pods, services, secrets…), and for what runs: a VirtualMachine's class
 * CPU and memory when it is to be powered on (the Supervisor charges a VM's configured size
 * while it is PoweredOn, in full for requests, limits and the bare names), pods' requests and
 * limits times replicas, PVC storage in total and per storage class. Operator-backed services
 * are charged for the pods and volumes their operator will create (CloudNativePG).
 */
export interface CostContext {
  defaults: ContainerDefaults;
  /** The namespace's VirtualMachineClasses, by name. */
  classes: ReadonlyMap<string, KubeObject>;
  /** The cluster's default StorageClass, for claims that name none. */
  defaultStorageClass?: string;
}

export interface Cost {
  usage: Usage;
  /** Compute resources left unset by some container (after LimitRange defaults). */
  unset: string[];
  /** What could not be priced (e.g. an unknown VM class). */
  unknown: string[];
}

const VM_GROUP = 'vmoperator.vmware.com';

function groupOf(apiVersion: string | undefined): string {
  const av = apiVersion ?? '';
  return av.includes('/') ? av.slice(0, av.indexOf('/')) : '';
}

/** `count/<plural>.<group>` for a kind (plural by the usual English rule, as CRDs name them). */
export function countKey(kind: string, group: string): string {
  const lower = kind.toLowerCase();
  const plural = lower.endsWith('s') ? `${lower}es` : lower.endsWith('y') && !/[aeiou]y$/.test(lower) ? `${lower.slice(0, -1)}ies` : `${lower}s`;
  return group ? `count/${plural}.${group}` : `count/${plural}`;
}

const LEGACY_COUNTS: Record<string, string> = { Pod: 'pods', Service: 'services', Secret: 'secrets', ConfigMap: 'configmaps', PersistentVolumeClaim: 'persistentvolumeclaims', ReplicationController: 'replicationcontrollers', ResourceQuota: 'resourcequotas' };

/** A VM class's size: vCPUs and memory bytes from spec.hardware. */
export function classSize(cls: KubeObject | undefined): { cpus: number; memory: number } | undefined {
  if (!cls) return undefined;
  const cpus = Number(get(cls, 'spec.hardware.cpus'));
  const memory = amountOf(get(cls, 'spec.hardware.memory'));
  return Number.isFinite(cpus) && memory !== undefined ? { cpus, memory } : undefined;
}

export function vmSizeUsage(size: { cpus: number; memory: number }): Usage {
  return { 'requests.cpu': size.cpus, 'limits.cpu': size.cpus, cpu: size.cpus, 'requests.memory': size.memory, 'limits.memory': size.memory, memory: size.memory };
}

export function claimUsage(size: number, storageClass: string | undefined): Usage {
  const u: Usage = { 'requests.storage': size, persistentvolumeclaims: 1, 'count/persistentvolumeclaims': 1 };
  if (storageClass) {
    u[`${storageClass}.storageclass.storage.k8s.io/requests.storage`] = size;
    u[`${storageClass}.storageclass.storage.k8s.io/persistentvolumeclaims`] = 1;
  }
  return u;
}

function claimTemplateUsage(spec: unknown, ctx: CostContext): Usage {
  const size = amountOf(get(spec, 'resources.requests.storage')) ?? 0;
  const cls = (get(spec, 'storageClassName') as string | undefined) ?? ctx.defaultStorageClass;
  return claimUsage(size, cls);
}

function runCost(obj: KubeObject, ctx: CostContext, cost: Cost): void {
  const kind = obj.kind ?? '';
  const group = groupOf(obj.apiVersion);
  const add = (u: Usage): void => {
    cost.usage = addUsage(cost.usage, u);
  };
  const pods = (spec: unknown, n: number) => {
    const c = replicatedCost(spec, n, ctx.defaults);
    add(c.usage);
    cost.unset.push(...c.unset.filter((x) => !cost.unset.includes(x)));
  };
  // A VirtualMachineService is realised as a core Service of the same name and type.
  if (group === VM_GROUP && kind === 'VirtualMachineService') {
    add({ services: 1, 'count/services': 1, ...(get(obj, 'spec.type') === 'LoadBalancer' ? { 'services.loadbalancers': 1 } : {}) });
    return;
  }
  if (group === VM_GROUP && kind === 'VirtualMachine') {
    if ((get(obj, 'spec.powerState') ?? 'PoweredOn') !== 'PoweredOn') return;
    const className = get(obj, 'spec.className') as string | undefined;
    const size = classSize(className ? ctx.classes.get(className) : undefined);
    if (size) add(vmSizeUsage(size));
    else cost.unknown.push(className ? `VM class ${className}` : 'a VM without a class');
    return;
  }
  if (group === '' && kind === 'Pod') return pods(obj.spec, 1);
  if (group === '' && kind === 'PersistentVolumeClaim') return add(claimTemplateUsage(obj.spec, ctx));
  if (group === '' && kind === 'Service') {
    const type = get(obj, 'spec.type');
    if (type === 'LoadBalancer') add({ 'services.loadbalancers': 1 });
    if (type === 'NodePort' || type === 'LoadBalancer') add({ 'services.nodeports': ((get(obj, 'spec.ports') as unknown[]) ?? []).length });
    return;
  }
  if ((group === 'apps' && (kind === 'Deployment' || kind === 'ReplicaSet' || kind === 'StatefulSet')) || (group === '' && kind === 'ReplicationController')) {
    const replicas = (get(obj, 'spec.replicas') as number | undefined) ?? 1;
    pods(get(obj, 'spec.template.spec'), replicas);
    if (kind === 'StatefulSet') for (const t of (get(obj, 'spec.volumeClaimTemplates') as { spec?: unknown }[]) ?? []) add(scaleUsage(claimTemplateUsage(t.spec, ctx), replicas));
    return;
  }
  if (group === 'batch' && kind === 'Job') return pods(get(obj, 'spec.template.spec'), (get(obj, 'spec.parallelism') as number | undefined) ?? 1);
  if (group === 'postgresql.cnpg.io' && kind === 'Cluster') {
    const instances = (get(obj, 'spec.instances') as number | undefined) ?? 1;
    pods({ containers: [{ resources: get(obj, 'spec.resources') ?? {} }] }, instances);
    const size = amountOf(get(obj, 'spec.storage.size'));
    if (size !== undefined) {
      const cls = (get(obj, 'spec.storage.storageClass') as string | undefined) ?? ctx.defaultStorageClass;
      add(scaleUsage(claimUsage(size, cls), instances));
    }
  }
}

/** The cost of one object being created. */
export function objectCost(obj: KubeObject, ctx: CostContext): Cost {
  const cost: Cost = { usage: {}, unset: [], unknown: [] };
  const kind = obj.kind ?? '';
  const group = groupOf(obj.apiVersion);
  // Pods and claims count themselves (their cost is shared with the objects that make them).
  if (group !== '' || (kind !== 'Pod' && kind !== 'PersistentVolumeClaim')) {
    cost.usage[countKey(kind, group)] = 1;
    if (!group && LEGACY_COUNTS[kind]) cost.usage[LEGACY_COUNTS[kind]!] = 1;
  }
  runCost(obj, ctx, cost);
  return cost;
}

/** The cost of several objects created together (a wizard's documents). */
export function objectsCost(objs: readonly KubeObject[], ctx: CostContext): Cost {
  const parts = objs.map((o) => objectCost(o, ctx));
  return {
    usage: addUsage(...parts.map((p) => p.usage)),
    unset: [...new Set(parts.flatMap((p) => p.unset))],
    unknown: parts.flatMap((p) => p.unknown),
  };
}

export { podSpecCost };
