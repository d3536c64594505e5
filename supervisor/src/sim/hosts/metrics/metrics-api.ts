import type { ResourceType } from '../../../api/resource-type';
import type { KubeObject } from '../../../api/types';
import { builtin } from '../../../api/builtin/define';
import { timestamp } from '../../../core/metadata';
import type { Store } from '../../../storage/store';
import type { ComputedResource, Resources } from '../../contracts';
import { NODES_TABLE, PODS_TABLE } from '../constants';
import { readyStatus } from '../node-status';
import { boundNode, type Consumers, type PodIndex } from '../scheduling/capacity';
import { consumerUsage, containerUsage, formatUsage, hostBaseUsage, scrapeTime } from './usage-model';

/**
 * metrics.k8s.io/v1beta1 as metrics-server serves it, computed on request: PodMetrics for
 * running pods on running hosts (per running container), NodeMetrics for Ready hosts = host
 * base load + those pods + the registered consumers (powered-on VMs) placed there. A failed
 * host has no metrics (its kubelet cannot be scraped), so `kubectl top nodes` shows <unknown>.
 */
export const METRICS_GROUP = 'metrics.k8s.io';
export const METRICS_VERSION = 'v1beta1';
const API_VERSION = `${METRICS_GROUP}/${METRICS_VERSION}`;
const WINDOW = '10.001s';

type Json = Record<string, unknown>;
const isObj = (v: unknown): v is Json => !!v && typeof v === 'object' && !Array.isArray(v);

export interface MetricsDeps {
  store: Store;
  index: PodIndex;
  consumers: Consumers;
  isDown(node: string): boolean;
  now?: () => number;
}

/** Spec containers of a Running pod whose status says they run (all of them when no statuses were posted yet). */
export function runningContainers(pod: KubeObject): Json[] {
  const status = isObj(pod.status) ? pod.status : {};
  if (status.phase !== 'Running') return [];
  const spec = isObj(pod.spec) ? pod.spec : {};
  const containers = Array.isArray(spec.containers) ? spec.containers.filter(isObj) : [];
  const statuses = Array.isArray(status.containerStatuses) ? status.containerStatuses.filter(isObj) : [];
  if (statuses.length === 0) return containers;
  return containers.filter((c) => statuses.some((s) => s.name === c.name && isObj(s.state) && isObj(s.state.running)));
}

function podUsage(pod: KubeObject, atMs: number): { name: string; usage: Resources }[] {
  return runningContainers(pod).map((c) => ({ name: String(c.name), usage: containerUsage(`${pod.metadata.uid}/${String(c.name)}`, c, atMs) }));
}

export function podMetrics(pod: KubeObject, atMs: number, isDown: (node: string) => boolean): KubeObject | undefined {
  const node = boundNode(pod);
  if (!node || isDown(node)) return undefined;
  const containers = podUsage(pod, atMs);
  if (containers.length === 0) return undefined;
  return {
    kind: 'PodMetrics',
    apiVersion: API_VERSION,
    metadata: { name: pod.metadata.name, namespace: pod.metadata.namespace, creationTimestamp: timestamp(new Date(atMs)), labels: pod.metadata.labels ?? {} },
    timestamp: timestamp(new Date(atMs)),
    window: WINDOW,
    containers: containers.map((c) => ({ name: c.name, usage: formatUsage(c.usage) })),
  };
}

export function nodeMetrics(node: KubeObject, deps: MetricsDeps, atMs: number): KubeObject | undefined {
  const name = node.metadata.name ?? '';
  if (deps.isDown(name) || readyStatus(node) !== 'True') return undefined;
  const total = hostBaseUsage(name, atMs);
  for (const pod of deps.index.podsOn(name)) {
    for (const c of podUsage(pod, atMs)) {
      total.cpu += c.usage.cpu;
      total.memory += c.usage.memory;
    }
  }
  for (const c of deps.consumers.list()) {
    if (c.node !== name) continue;
    const u = consumerUsage(c.key, c.requests, atMs);
    total.cpu += u.cpu;
    total.memory += u.memory;
  }
  return {
    kind: 'NodeMetrics',
    apiVersion: API_VERSION,
    metadata: { name, creationTimestamp: timestamp(new Date(atMs)), labels: node.metadata.labels ?? {} },
    timestamp: timestamp(new Date(atMs)),
    window: WINDOW,
    usage: formatUsage(total),
  };
}

export function metricsResourceTypes(deps: MetricsDeps): ResourceType[] {
  const at = (): number => scrapeTime((deps.now ?? Date.now)());
  const nodes: ComputedResource = {
    list: () => {
      const t = at();
      return deps.store.list(NODES_TABLE).flatMap((s) => nodeMetrics(s.obj, deps, t) ?? []);
    },
    get: (_namespace, name) => {
      const s = deps.store.get(NODES_TABLE, '', name);
      return s ? nodeMetrics(s.obj, deps, at()) : undefined;
    },
  };
  const pods: ComputedResource = {
    list: (namespace) => {
      const t = at();
      return deps.store.list(PODS_TABLE, namespace).flatMap((s) => podMetrics(s.obj, t, deps.isDown) ?? []);
    },
    get: (namespace, name) => {
      const s = deps.store.get(PODS_TABLE, namespace, name);
      return s ? podMetrics(s.obj, at(), deps.isDown) : undefined;
    },
  };
  const common = { group: METRICS_GROUP, version: METRICS_VERSION, verbs: ['get', 'list'] };
  return [
    { ...builtin({ ...common, resource: 'nodes', kind: 'NodeMetrics', namespaced: false, singular: '' }), computed: nodes },
    { ...builtin({ ...common, resource: 'pods', kind: 'PodMetrics', namespaced: true, singular: '' }), computed: pods },
  ];
}

/** The aggregate-to-view role metrics-server installs, so view/edit/admin (and devops) can read metrics. */
export const METRICS_READER_ROLE: KubeObject = {
  apiVersion: 'rbac.authorization.k8s.io/v1',
  kind: 'ClusterRole',
  metadata: {
    name: 'system:aggregated-metrics-reader',
    labels: {
      'rbac.authorization.k8s.io/aggregate-to-admin': 'true',
      'rbac.authorization.k8s.io/aggregate-to-edit': 'true',
      'rbac.authorization.k8s.io/aggregate-to-view': 'true',
    },
  },
  rules: [{ apiGroups: [METRICS_GROUP], resources: ['pods', 'nodes'], verbs: ['get', 'list', 'watch'] }],
};
