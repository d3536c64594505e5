/**
 * Names the hosts part shares with Kubernetes: well-known labels, taints, annotations, the
 * kubelet and controller-manager timings it simulates, and the components its events come from.
 */
export const NODES_TABLE = 'core/nodes';
export const PODS_TABLE = 'core/pods';
export const LEASES_TABLE = 'coordination.k8s.io/leases';
export const LEASE_NAMESPACE = 'kube-node-lease';

export const LABEL_HOSTNAME = 'kubernetes.io/hostname';
export const LABEL_OS = 'kubernetes.io/os';
export const LABEL_ARCH = 'kubernetes.io/arch';
export const LABEL_ZONE = 'topology.kubernetes.io/zone';
export const LABEL_REGION = 'topology.kubernetes.io/region';
/** vSphere Supervisor worker nodes (ESXi hosts running the spherelet) carry the `agent` role. */
export const LABEL_ROLE_AGENT = 'node-role.kubernetes.io/agent';

/** `kubectl annotate node <host> supervisor.glasspane.io/simulate=fail` fails a host; removing it (or `recover`) brings it back. */
export const SIMULATE_ANNOTATION = 'supervisor.glasspane.io/simulate';

export const TAINT_UNREACHABLE = 'node.kubernetes.io/unreachable';
export const TAINT_NOT_READY = 'node.kubernetes.io/not-ready';
export const TAINT_UNSCHEDULABLE = 'node.kubernetes.io/unschedulable';
export const TAINT_OUT_OF_SERVICE = 'node.kubernetes.io/out-of-service';

/** kubelet: lease renewal every leaseDuration/4 = 10 s (simulated ms). */
export const LEASE_DURATION_SECONDS = 40;
export const LEASE_RENEW_MS = 10_000;
/** kubelet nodeStatusReportFrequency: status is re-posted unchanged only this often. */
export const NODE_STATUS_REPORT_MS = 5 * 60_000;
/** kube-controller-manager --node-monitor-period and --node-monitor-grace-period. */
export const NODE_MONITOR_PERIOD_MS = 5_000;
export const NODE_MONITOR_GRACE_MS = 40_000;
/** pod-gc: a pod bound to a node that no longer exists is removed after this quarantine. */
export const ORPHAN_QUARANTINE_MS = 40_000;

export const KUBELET = 'kubelet';
export const NODE_CONTROLLER = 'node-controller';
export const TAINT_EVICTION_CONTROLLER = 'taint-eviction-controller';
export const SCHEDULER = 'default-scheduler';
export const CONTROLLER_MANAGER = 'kube-controller-manager';

/**
 * The hosts controllers' work queues run each slice as one store batch of at most this many keys:
 * binding a thousand pods costs a few transactions, and the API breathes between them.
 */
export const QUEUE_MAX_BATCH = 500;
