import type { KubeObject } from '../../../api/types';
import type { NodeCandidate, SchedulingRequest } from '../scheduling/filters';
import type { Taint } from '../taints';

/** Real-shaped Nodes, Pods and scheduler inputs for the hosts part's unit tests. */
export function readyConditions(at = '2026-01-01T00:00:00Z'): Record<string, unknown>[] {
  return [
    { type: 'MemoryPressure', status: 'False', reason: 'KubeletHasSufficientMemory', message: 'kubelet has sufficient memory available', lastHeartbeatTime: at, lastTransitionTime: at },
    { type: 'DiskPressure', status: 'False', reason: 'KubeletHasNoDiskPressure', message: 'kubelet has no disk pressure', lastHeartbeatTime: at, lastTransitionTime: at },
    { type: 'PIDPressure', status: 'False', reason: 'KubeletHasSufficientPID', message: 'kubelet has sufficient PID available', lastHeartbeatTime: at, lastTransitionTime: at },
    { type: 'Ready', status: 'True', reason: 'KubeletReady', message: 'kubelet is posting ready status', lastHeartbeatTime: at, lastTransitionTime: at },
  ];
}

export interface NodeOptions {
  zone?: string;
  cpu?: string;
  memory?: string;
  pods?: string;
  taints?: Taint[];
  unschedulable?: boolean;
  ready?: 'True' | 'False' | 'Unknown' | 'Missing';
  labels?: Record<string, string>;
}

export function nodeObject(name: string, o: NodeOptions = {}): KubeObject {
  const conditions = readyConditions().map((c) => (c.type === 'Ready' && o.ready && o.ready !== 'Missing' ? { ...c, status: o.ready } : c)).filter((c) => !(c.type === 'Ready' && o.ready === 'Missing'));
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name,
      uid: `uid-${name}`,
      creationTimestamp: '2026-01-01T00:00:00Z',
      labels: { 'kubernetes.io/hostname': name, 'topology.kubernetes.io/zone': o.zone ?? 'zone-a', 'node-role.kubernetes.io/agent': '', ...(o.labels ?? {}) },
    },
    spec: { providerID: `vsphere://${name}`, ...(o.taints ? { taints: o.taints } : {}), ...(o.unschedulable ? { unschedulable: true } : {}) },
    status: {
      capacity: { cpu: o.cpu ?? '48', memory: o.memory ?? '384Gi', pods: o.pods ?? '250' },
      allocatable: { cpu: o.cpu ?? '48', memory: o.memory ?? '384Gi', pods: o.pods ?? '250' },
      conditions,
    },
  };
}

export interface PodOptions {
  namespace?: string;
  cpu?: string;
  memory?: string;
  nodeName?: string;
  phase?: string;
  nodeSelector?: Record<string, string>;
  tolerations?: Record<string, unknown>[];
  affinity?: Record<string, unknown>;
}

export function podObject(name: string, o: PodOptions = {}): KubeObject {
  const requests: Record<string, string> = {};
  if (o.cpu) requests.cpu = o.cpu;
  if (o.memory) requests.memory = o.memory;
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: o.namespace ?? 'team-a', uid: `uid-${name}` },
    spec: {
      containers: [{ name: 'app', image: 'nginx:1.27', resources: Object.keys(requests).length ? { requests } : {} }],
      schedulerName: 'default-scheduler',
      tolerations: o.tolerations ?? [
        { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
        { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
      ],
      ...(o.nodeName ? { nodeName: o.nodeName } : {}),
      ...(o.nodeSelector ? { nodeSelector: o.nodeSelector } : {}),
      ...(o.affinity ? { affinity: o.affinity } : {}),
    },
    status: { phase: o.phase ?? 'Pending', qosClass: 'Burstable' },
  };
}

const GI = 1024 ** 3;

export function candidate(name: string, o: Partial<NodeCandidate> = {}): NodeCandidate {
  return {
    name,
    labels: { 'kubernetes.io/hostname': name, 'topology.kubernetes.io/zone': 'zone-a' },
    taints: [],
    unschedulable: false,
    allocatable: { cpu: 48, memory: 384 * GI, pods: 250 },
    requested: { cpu: 0, memory: 0, pods: 0 },
    nonZeroRequested: { cpu: 0, memory: 0 },
    ...o,
  };
}

export function request(o: Partial<SchedulingRequest> = {}): SchedulingRequest {
  const requests = o.requests ?? { cpu: 0.5, memory: 512 * 1024 ** 2 };
  return { requests, nonZeroRequests: o.nonZeroRequests ?? requests, podSlot: true, tolerations: [], ...o };
}
