import type { Deployment, Pod, ReplicaSet } from './types';

/** Real-shaped objects for the workloads unit tests (as the API server stores them after defaulting). */
export const T0 = Date.parse('2026-03-02T10:00:00Z');

export function iso(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export function podTemplate(image = 'nginx:1.27.3'): Deployment['spec']['template'] {
  return {
    metadata: { labels: { app: 'web' } },
    spec: {
      containers: [{ name: 'nginx', image, ports: [{ name: 'http', containerPort: 80, protocol: 'TCP' }], resources: {}, terminationMessagePath: '/dev/termination-log', terminationMessagePolicy: 'File', imagePullPolicy: 'IfNotPresent' }],
      restartPolicy: 'Always',
      terminationGracePeriodSeconds: 30,
      dnsPolicy: 'ClusterFirst',
      schedulerName: 'default-scheduler',
    },
  };
}

export function deployment(replicas = 3, extra: Partial<Deployment['spec']> = {}): Deployment {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web', namespace: 'team-a', uid: 'd-uid', generation: 1, creationTimestamp: iso(T0) },
    spec: { replicas, selector: { matchLabels: { app: 'web' } }, template: podTemplate(), strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' } }, revisionHistoryLimit: 10, progressDeadlineSeconds: 600, ...extra },
    status: {},
  };
}

export function replicaSet(name: string, replicas: number, status: ReplicaSet['status'] = {}, opts: { created?: number; revision?: string; image?: string; maxReplicas?: number } = {}): ReplicaSet {
  const template = podTemplate(opts.image);
  template.metadata!.labels!['pod-template-hash'] = name.split('-').pop()!;
  return {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: {
      name,
      namespace: 'team-a',
      uid: `${name}-uid`,
      generation: 1,
      creationTimestamp: iso(opts.created ?? T0),
      annotations: {
        'deployment.kubernetes.io/revision': opts.revision ?? '1',
        'deployment.kubernetes.io/desired-replicas': '3',
        'deployment.kubernetes.io/max-replicas': String(opts.maxReplicas ?? 4),
      },
      ownerReferences: [{ apiVersion: 'apps/v1', kind: 'Deployment', name: 'web', uid: 'd-uid', controller: true, blockOwnerDeletion: true }],
    },
    spec: { replicas, selector: { matchLabels: { app: 'web', 'pod-template-hash': name.split('-').pop()! } }, template },
    status: { replicas, observedGeneration: 1, ...status },
  };
}

export interface PodOptions {
  node?: string;
  phase?: string;
  ready?: boolean;
  readySince?: number;
  created?: number;
  ip?: string;
  restarts?: number;
  deleting?: boolean;
  labels?: Record<string, string>;
  uid?: string;
}

export function pod(name: string, o: PodOptions = {}): Pod {
  const phase = o.phase ?? (o.node ? 'Running' : 'Pending');
  const p: Pod = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: 'team-a', uid: o.uid ?? `${name}-uid`, creationTimestamp: iso(o.created ?? T0), labels: o.labels ?? { app: 'web' } },
    spec: { containers: [{ name: 'nginx', image: 'nginx:1.27.3', ports: [{ name: 'http', containerPort: 80, protocol: 'TCP' }] }], restartPolicy: 'Always', ...(o.node ? { nodeName: o.node } : {}) },
    status: { phase },
  };
  if (o.deleting) p.metadata.deletionTimestamp = iso(T0);
  if (o.ip) p.status!.podIP = o.ip;
  if (o.ready !== undefined) p.status!.conditions = [{ type: 'Ready', status: o.ready ? 'True' : 'False', lastTransitionTime: iso(o.readySince ?? T0) }];
  if (o.restarts !== undefined) p.status!.containerStatuses = [{ name: 'nginx', restartCount: o.restarts }];
  return p;
}
