import type { KubeObject } from '../../api/types';

/**
 * Real-shaped pods for the spherelet's unit tests: what the API server stores after defaulting
 * (restartPolicy, terminationGracePeriodSeconds, imagePullPolicy, tolerations) and the
 * scheduler's binding (nodeName, PodScheduled).
 */
export const NODE = 'esxi-01.vsphere.local';
export const T0 = Date.parse('2025-03-01T10:00:00Z');

export interface PodOptions {
  name?: string;
  namespace?: string;
  uid?: string;
  restartPolicy?: 'Always' | 'OnFailure' | 'Never';
  containers?: Record<string, unknown>[];
  initContainers?: Record<string, unknown>[];
  status?: Record<string, unknown>;
  deletionTimestamp?: string;
  deletionGracePeriodSeconds?: number;
  readinessGates?: { conditionType: string }[];
}

export function container(name: string, image: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  const tag = image.split('/').pop()!.split(':')[1];
  return {
    name,
    image,
    imagePullPolicy: tag === undefined || tag === 'latest' ? 'Always' : 'IfNotPresent',
    resources: {},
    terminationMessagePath: '/dev/termination-log',
    terminationMessagePolicy: 'File',
    ...extra,
  };
}

export function boundPod(o: PodOptions = {}): KubeObject {
  const pod: KubeObject = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: o.name ?? 'web',
      namespace: o.namespace ?? 'team-a',
      uid: o.uid ?? '7b0c3a52-5d7e-4f7a-9a51-2f1c9a0c1e11',
      resourceVersion: '1042',
      creationTimestamp: '2025-03-01T09:59:58Z',
      labels: { app: 'web' },
    },
    spec: {
      containers: o.containers ?? [container('nginx', 'nginx:1.27', { ports: [{ containerPort: 80, protocol: 'TCP' }] })],
      ...(o.initContainers ? { initContainers: o.initContainers } : {}),
      restartPolicy: o.restartPolicy ?? 'Always',
      terminationGracePeriodSeconds: 30,
      dnsPolicy: 'ClusterFirst',
      serviceAccountName: 'default',
      serviceAccount: 'default',
      securityContext: {},
      schedulerName: 'default-scheduler',
      nodeName: NODE,
      enableServiceLinks: true,
      preemptionPolicy: 'PreemptLowerPriority',
      priority: 0,
      ...(o.readinessGates ? { readinessGates: o.readinessGates } : {}),
      tolerations: [
        { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
        { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
      ],
    },
    status: o.status ?? {
      phase: 'Pending',
      qosClass: 'BestEffort',
      conditions: [{ type: 'PodScheduled', status: 'True', lastProbeTime: null, lastTransitionTime: '2025-03-01T09:59:59Z' }],
    },
  };
  if (o.deletionTimestamp) {
    pod.metadata.deletionTimestamp = o.deletionTimestamp;
    pod.metadata.deletionGracePeriodSeconds = o.deletionGracePeriodSeconds ?? 30;
  }
  return pod;
}

/** A condition of a status by type. */
export function condition(status: Record<string, unknown>, type: string): Record<string, unknown> | undefined {
  const list = Array.isArray(status.conditions) ? (status.conditions as Record<string, unknown>[]) : [];
  return list.find((c) => c.type === type);
}

export function containerStatus(status: Record<string, unknown>, name: string, list = 'containerStatuses'): Record<string, unknown> {
  const items = Array.isArray(status[list]) ? (status[list] as Record<string, unknown>[]) : [];
  const found = items.find((c) => c.name === name);
  if (!found) throw new Error(`no ${list} entry ${name}`);
  return found;
}
