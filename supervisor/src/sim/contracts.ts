import type { KubeObject } from '../api/types';

/**
 * Contracts between the simulated supervisor's parts (hosts and scheduling, the spherelet pod
 * runtime, workload controllers, VM Service, operators). Each part lives in its own directory
 * under sim/ and talks to the others only through these interfaces and the API itself.
 */

/** CPU in cores (0.5 = 500m), memory in bytes. */
export interface Resources {
  cpu: number;
  memory: number;
}

export interface Toleration {
  key?: string;
  operator?: 'Exists' | 'Equal';
  value?: string;
  effect?: 'NoSchedule' | 'PreferNoSchedule' | 'NoExecute';
  tolerationSeconds?: number;
}

export interface PlacementRequest {
  /** What the workload reserves on the host (pod requests, or a powered-on VM's class). */
  requests: Resources;
  nodeSelector?: Record<string, string>;
  tolerations?: Toleration[];
  /** Restrict to one zone (topology.kubernetes.io/zone). */
  zone?: string;
  /** Hosts not to use (e.g. the failed host a VM is restarting away from). */
  avoid?: string[];
  /** Count this consumer's current placement as free (a resize or a re-check in place). */
  consumerKey?: string;
}

export type PlacementResult =
  | { ok: true; node: string; zone?: string }
  /** `message` is worded like kube-scheduler's, e.g. "0/4 nodes are available: 1 node(s) were unschedulable, 3 Insufficient memory." */
  | { ok: false; message: string };

/**
 * Something that occupies host capacity besides pods (the pods are counted by the hosts module
 * itself). VM Service registers powered-on VMs here.
 */
export interface CapacityConsumer {
  key: string;
  node: string;
  requests: Resources;
}

export interface Placement {
  /** Picks a Ready, schedulable host with room (selectors, taints/tolerations, zone honoured). */
  place(req: PlacementRequest): PlacementResult;
  /** What is reserved on a host right now (pods plus registered consumers). */
  allocated(node: string): Resources;
  /** Registers a source of consumers, called whenever allocation is computed. */
  addConsumers(source: () => CapacityConsumer[]): void;
  /** Whether a host is Ready (not failed, heartbeating). */
  isReady(node: string): boolean;
}

/** A read-only, computed resource (metrics.k8s.io): get and list only, never stored. */
export interface ComputedResource {
  list(namespace?: string): KubeObject[];
  get(namespace: string, name: string): KubeObject | undefined;
}
