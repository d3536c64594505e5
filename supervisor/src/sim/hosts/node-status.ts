import type { KubeObject } from '../../api/types';
import { CONTAINER_RUNTIME_VERSION, ESXI_VERSION, SPHERELET_VERSION, machineId, stableUuid, type HostProfile } from './host-catalog';
import { NODE_STATUS_REPORT_MS } from './constants';
import type { ReadyStatus } from './taints';

/**
 * Node status as a kubelet (here: the spherelet) posts it, and the node lifecycle controller's
 * rewrite when the kubelet goes silent. Pure functions of the previous status and "now".
 */
export interface NodeCondition {
  type: string;
  status: 'True' | 'False' | 'Unknown';
  lastHeartbeatTime?: string | null;
  lastTransitionTime?: string | null;
  reason?: string;
  message?: string;
}

type Json = Record<string, unknown>;
const isObj = (v: unknown): v is Json => !!v && typeof v === 'object' && !Array.isArray(v);

/** The conditions a healthy kubelet reports, in kubelet's order (kubectl describe shows them so). */
const HEALTHY: readonly Omit<NodeCondition, 'lastHeartbeatTime' | 'lastTransitionTime'>[] = [
  { type: 'MemoryPressure', status: 'False', reason: 'KubeletHasSufficientMemory', message: 'kubelet has sufficient memory available' },
  { type: 'DiskPressure', status: 'False', reason: 'KubeletHasNoDiskPressure', message: 'kubelet has no disk pressure' },
  { type: 'PIDPressure', status: 'False', reason: 'KubeletHasSufficientPID', message: 'kubelet has sufficient PID available' },
  { type: 'Ready', status: 'True', reason: 'KubeletReady', message: 'kubelet is posting ready status' },
];

export const KUBELET_CONDITION_TYPES = HEALTHY.map((c) => c.type);

export function conditionsOf(node: KubeObject): NodeCondition[] {
  const status = isObj(node.status) ? node.status : {};
  return Array.isArray(status.conditions) ? (status.conditions.filter(isObj) as unknown as NodeCondition[]) : [];
}

export function readyStatus(node: KubeObject): ReadyStatus {
  const ready = conditionsOf(node).find((c) => c.type === 'Ready');
  return ready ? ready.status : 'Missing';
}

/** The Ready condition's last heartbeat in epoch ms (undefined when never posted). */
export function lastHeartbeatMs(node: KubeObject): number | undefined {
  const ready = conditionsOf(node).find((c) => c.type === 'Ready');
  const t = ready?.lastHeartbeatTime ? Date.parse(ready.lastHeartbeatTime) : NaN;
  return Number.isNaN(t) ? undefined : t;
}

/** Healthy kubelet conditions at `now`; a condition keeps its lastTransitionTime while its status is unchanged. */
export function kubeletConditions(previous: readonly NodeCondition[], now: string): NodeCondition[] {
  const kept = previous.filter((c) => !KUBELET_CONDITION_TYPES.includes(c.type));
  const posted = HEALTHY.map((h) => {
    const prev = previous.find((c) => c.type === h.type);
    const transition = prev && prev.status === h.status && prev.lastTransitionTime ? prev.lastTransitionTime : now;
    return { type: h.type, status: h.status, lastHeartbeatTime: now, lastTransitionTime: transition, reason: h.reason, message: h.message };
  });
  return [...kept, ...posted];
}

export function capacityFor(p: HostProfile): Record<string, string> {
  return {
    cpu: String(p.cpu),
    'ephemeral-storage': `${p.storageGi * 1024 * 1024}Ki`,
    'hugepages-1Gi': '0',
    'hugepages-2Mi': '0',
    memory: `${p.memoryGi * 1024 * 1024}Ki`,
    pods: String(p.pods),
  };
}

/** Capacity minus what ESXi and the spherelet reserve (600m CPU, 4Gi + the 100Mi eviction threshold, 10% of disk). */
export function allocatableFor(p: HostProfile): Record<string, string> {
  return {
    cpu: `${p.cpu * 1000 - 600}m`,
    'ephemeral-storage': String(Math.floor(p.storageGi * 1024 ** 3 * 0.9)),
    'hugepages-1Gi': '0',
    'hugepages-2Mi': '0',
    memory: `${(p.memoryGi - 4) * 1024 * 1024 - 100 * 1024}Ki`,
    pods: String(p.pods),
  };
}

export function nodeInfoFor(p: HostProfile, bootID: string): Record<string, string> {
  const uuid = stableUuid(`vsphere:${p.name}`);
  return {
    architecture: 'amd64',
    bootID,
    containerRuntimeVersion: CONTAINER_RUNTIME_VERSION,
    kernelVersion: ESXI_VERSION,
    kubeProxyVersion: '',
    kubeletVersion: SPHERELET_VERSION,
    machineID: machineId(p.name),
    operatingSystem: 'linux',
    osImage: `VMware ESXi ${ESXI_VERSION}`,
    systemUUID: uuid,
  };
}

/**
 * The status a spherelet posts: conditions renewed, and machine facts (capacity, allocatable,
 * addresses, nodeInfo) filled in from the host profile where the Node does not carry them yet
 * (a client that set its own capacity keeps it). `reboot` gives the host a new bootID.
 */
export function kubeletStatus(p: HostProfile, previous: Json, now: string, reboot: boolean): Json {
  const prevInfo = isObj(previous.nodeInfo) ? previous.nodeInfo : {};
  const bootID = !reboot && typeof prevInfo.bootID === 'string' && prevInfo.bootID ? prevInfo.bootID : stableUuid(`boot:${p.name}:${now}`);
  const prevConditions = Array.isArray(previous.conditions) ? (previous.conditions.filter(isObj) as unknown as NodeCondition[]) : [];
  return {
    ...previous,
    capacity: isObj(previous.capacity) && Object.keys(previous.capacity).length ? previous.capacity : capacityFor(p),
    allocatable: isObj(previous.allocatable) && Object.keys(previous.allocatable).length ? previous.allocatable : allocatableFor(p),
    conditions: kubeletConditions(prevConditions, now),
    addresses: Array.isArray(previous.addresses) && previous.addresses.length ? previous.addresses : [{ type: 'InternalIP', address: p.ip }, { type: 'Hostname', address: p.name }],
    daemonEndpoints: { kubeletEndpoint: { Port: 10250 } },
    nodeInfo: { ...nodeInfoFor(p, bootID), ...(reboot ? {} : pick(prevInfo)), bootID },
  };
}

function pick(info: Json): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(info)) if (typeof v === 'string' && v) out[k] = v;
  return out;
}

/**
 * Whether the spherelet must post status now: with node leases, kubelet re-posts an unchanged
 * status only every nodeStatusReportFrequency (5 min), but at once when it is not (or no
 * longer) Ready or its machine facts are missing. `elapsedSimMs` is simulated time since the last post.
 */
export function statusReportDue(node: KubeObject, elapsedSimMs: number | undefined): boolean {
  const status = isObj(node.status) ? node.status : {};
  if (readyStatus(node) !== 'True') return true;
  if (!isObj(status.capacity) || !isObj(status.nodeInfo) || !Array.isArray(status.addresses)) return true;
  for (const type of KUBELET_CONDITION_TYPES) if (!conditionsOf(node).some((c) => c.type === type)) return true;
  return elapsedSimMs === undefined || elapsedSimMs >= NODE_STATUS_REPORT_MS;
}

/**
 * The node lifecycle controller's rewrite when the kubelet stopped posting
 * (tryUpdateNodeHealth): every kubelet condition becomes Unknown/NodeStatusUnknown, keeping its
 * last heartbeat; a condition never posted is added as NodeStatusNeverUpdated. Undefined when
 * they already are Unknown.
 */
export function unknownConditions(previous: readonly NodeCondition[], now: string, created: string | undefined): NodeCondition[] | undefined {
  let changed = false;
  const out = previous.map((c) => {
    if (!KUBELET_CONDITION_TYPES.includes(c.type) || c.status === 'Unknown') return c;
    changed = true;
    return { ...c, status: 'Unknown' as const, reason: 'NodeStatusUnknown', message: 'Kubelet stopped posting node status.', lastTransitionTime: now };
  });
  for (const type of KUBELET_CONDITION_TYPES) {
    if (previous.some((c) => c.type === type)) continue;
    changed = true;
    out.push({ type, status: 'Unknown', reason: 'NodeStatusNeverUpdated', message: 'Kubelet never posted node status.', lastHeartbeatTime: created ?? now, lastTransitionTime: now });
  }
  return changed ? out : undefined;
}
