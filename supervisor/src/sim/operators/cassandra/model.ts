import type { KubeObject } from '../../../api/types';
import { arr, bool, isDeleting, labels, nameOf, num, podIP, podPhase, rec, spec, str } from '../kit/objects';

/**
 * What cass-operator knows about a CassandraDatacenter: the normalized spec, the rack layout
 * (one StatefulSet `<cluster>-<dc>-<rack>-sts` per rack, nodes split evenly with the first racks
 * taking the remainder) and each server pod's node state as the operator labels it
 * (`cassandra.datastax.com/node-state`: Ready-to-Start → Starting → Started, or Decommissioning).
 */
export const CASS_OPERATOR_VERSION = 'v1.22.4';
export const FINALIZER = 'finalizer.cassandra.datastax.com';

export const CL = {
  cluster: 'cassandra.datastax.com/cluster',
  datacenter: 'cassandra.datastax.com/datacenter',
  rack: 'cassandra.datastax.com/rack',
  seed: 'cassandra.datastax.com/seed-node',
  nodeState: 'cassandra.datastax.com/node-state',
  promMetrics: 'cassandra.datastax.com/prom-metrics',
} as const;

export type NodeState = 'Ready-to-Start' | 'Starting' | 'Started' | 'Decommissioning';

export interface DcSpecView {
  clusterName: string;
  /** Resource-name form of the cluster name (lowercase DNS-1035). */
  clusterResource: string;
  /** Label/resource form of the datacenter (override name, else metadata.name). */
  dc: string;
  datacenterName?: string;
  size: number;
  racks: string[];
  serverType: string;
  serverVersion: string;
  serverImage: string;
  stopped: boolean;
  resources: Record<string, unknown>;
  loggerResources: Record<string, unknown>;
  configBuilderResources: Record<string, unknown>;
  storageClaim: Record<string, unknown>;
  superuserSecretName: string;
  disableSystemLogger: boolean;
}

export interface NodeView {
  name: string;
  pod: KubeObject;
  rack: string;
  ordinal: number;
  state: NodeState;
  running: boolean;
  seed: boolean;
  ip: string;
}

export interface RackView {
  name: string;
  sts?: KubeObject;
  replicas: number;
  desired: number;
  nodes: NodeView[];
}

/** Cleans a name the way cass-operator's CleanupForKubernetes does (lowercase, DNS-1035 runs kept). */
export function k8sName(s: string): string {
  return (s.toLowerCase().replace(/_/g, '-').match(/[a-z]([-a-z0-9]*[a-z0-9])?/g) ?? []).join('');
}

export function dcSpecView(dc: KubeObject): DcSpecView {
  const s = spec(dc);
  const racks = arr(s.racks).map((r) => str(rec(r).name)).filter(Boolean);
  const clusterName = str(s.clusterName, nameOf(dc));
  const override = str(s.datacenterName);
  const serverType = str(s.serverType, 'cassandra');
  const serverVersion = str(s.serverVersion, '4.1.5');
  return {
    clusterName,
    clusterResource: k8sName(clusterName),
    dc: k8sName(override || nameOf(dc)),
    ...(override ? { datacenterName: override } : {}),
    size: Math.max(0, num(s.size, 1)),
    racks: racks.length ? racks : ['default'],
    serverType,
    serverVersion,
    serverImage: str(s.serverImage) || (serverType === 'dse' ? `cr.dtsx.io/datastax/dse-mgmtapi-6_8:${serverVersion}-ubi` : `cr.k8ssandra.io/k8ssandra/cass-management-api:${serverVersion}-ubi`),
    stopped: bool(s.stopped),
    resources: rec(s.resources),
    loggerResources: rec(s.systemLoggerResources),
    configBuilderResources: rec(s.configBuilderResources),
    storageClaim: rec(rec(s.storageConfig).cassandraDataVolumeClaimSpec),
    superuserSecretName: str(s.superuserSecretName) || `${k8sName(clusterName)}-superuser`,
    disableSystemLogger: bool(s.disableSystemLoggerSidecar),
  };
}

/** Nodes per rack: an even split, the first `size % racks` racks taking one more. */
export function rackSizes(size: number, racks: number): number[] {
  const base = Math.floor(size / racks);
  return Array.from({ length: racks }, (_, i) => base + (i < size % racks ? 1 : 0));
}

/** Seeds per rack as cass-operator picks them: three in a one-rack DC, two each with two racks, else one. */
export function seedsPerRack(racks: number): number {
  return racks === 1 ? 3 : racks === 2 ? 2 : 1;
}

export function stsName(s: DcSpecView, rack: string): string {
  return `${s.clusterResource}-${s.dc}-${k8sName(rack)}-sts`;
}

export function nodeStateOf(pod: KubeObject): NodeState {
  const v = labels(pod)[CL.nodeState];
  return v === 'Starting' || v === 'Started' || v === 'Decommissioning' ? v : 'Ready-to-Start';
}

export function rackViews(s: DcSpecView, statefulsets: KubeObject[], pods: KubeObject[]): RackView[] {
  const desired = rackSizes(s.stopped ? 0 : s.size, s.racks.length);
  return s.racks.map((rack, i) => {
    const name = stsName(s, rack);
    const sts = statefulsets.find((x) => nameOf(x) === name && !isDeleting(x));
    const nodes = pods
      .filter((p) => !isDeleting(p) && nameOf(p).startsWith(`${name}-`) && /^\d+$/.test(nameOf(p).slice(name.length + 1)))
      .map((pod): NodeView => ({
        name: nameOf(pod),
        pod,
        rack,
        ordinal: Number(nameOf(pod).slice(name.length + 1)),
        state: nodeStateOf(pod),
        running: podPhase(pod) === 'Running',
        seed: labels(pod)[CL.seed] === 'true',
        ip: podIP(pod),
      }))
      .sort((a, b) => a.ordinal - b.ordinal);
    return { name: rack, sts, replicas: sts ? num(spec(sts).replicas, 0) : 0, desired: desired[i]!, nodes };
  });
}
