import type { KubeObject } from '../../../api/types';
import { controllerRef } from '../../../controllers/kit/owner-refs';
import { arr, num, rec, spec, str, type Json } from '../kit/objects';

/**
 * The pods and headless services the training-operator creates for a TFJob: one of each per
 * replica index of every replica type, named `<job>-<type>-<index>` with the type in lower case,
 * labelled with the `training.kubeflow.org/*` keys, and (for distributed jobs) a TF_CONFIG
 * environment variable in the `tensorflow` container describing the whole cluster.
 */
export const TF = {
  jobName: 'training.kubeflow.org/job-name',
  operatorName: 'training.kubeflow.org/operator-name',
  replicaType: 'training.kubeflow.org/replica-type',
  replicaIndex: 'training.kubeflow.org/replica-index',
  jobRole: 'training.kubeflow.org/job-role',
} as const;
export const OPERATOR_NAME = 'tfjob-controller';
export const DEFAULT_PORT = 2222;
export const PORT_NAME = 'tfjob-port';
export const CONTAINER = 'tensorflow';
/** Replica types in the order the training-operator evaluates them. */
export const TYPE_ORDER = ['Chief', 'Evaluator', 'Master', 'PS', 'Worker'];

export interface ReplicaSpecView {
  type: string;
  rt: string;
  replicas: number;
  restartPolicy: string;
  template: Json;
}

export function replicaSpecs(job: KubeObject): ReplicaSpecView[] {
  const specs = rec(spec(job).tfReplicaSpecs);
  return Object.entries(specs)
    .map(([type, v]) => ({ type, rt: type.toLowerCase(), replicas: Math.max(0, num(rec(v).replicas, 1)), restartPolicy: str(rec(v).restartPolicy, 'Never'), template: rec(rec(v).template) }))
    .sort((a, b) => TYPE_ORDER.indexOf(a.type) - TYPE_ORDER.indexOf(b.type));
}

export function hasChief(specs: ReplicaSpecView[]): boolean {
  return specs.some((s) => s.type === 'Chief' || s.type === 'Master');
}

export function podName(job: string, rt: string, index: number): string {
  return `${job}-${rt}-${index}`;
}

export function jobLabels(job: string): Record<string, string> {
  return { [TF.jobName]: job, [TF.operatorName]: OPERATOR_NAME };
}

function portOf(s: ReplicaSpecView): number {
  const c = arr(rec(s.template.spec).containers).map(rec).find((x) => x.name === CONTAINER);
  const p = arr(c?.ports).map(rec).find((x) => x.name === PORT_NAME);
  return num(p?.containerPort, DEFAULT_PORT);
}

export function isDistributed(specs: ReplicaSpecView[]): boolean {
  return specs.reduce((n, s) => n + s.replicas, 0) > 1;
}

/** TF_CONFIG as genTFConfigJSONStr builds it; evaluators run outside the training cluster. */
export function tfConfig(job: KubeObject, specs: ReplicaSpecView[], rt: string, index: number): string {
  const ns = job.metadata.namespace ?? '';
  const name = job.metadata.name ?? '';
  const cluster: Record<string, string[]> = {};
  for (const s of specs) {
    if (s.type === 'Evaluator') continue;
    cluster[s.rt] = Array.from({ length: s.replicas }, (_, i) => `${podName(name, s.rt, i)}.${ns}.svc:${portOf(s)}`);
  }
  return JSON.stringify({ cluster, task: { type: rt, index }, environment: 'cloud' });
}

export function isMasterRole(specs: ReplicaSpecView[], s: ReplicaSpecView, index: number): boolean {
  return hasChief(specs) ? s.type === 'Chief' || s.type === 'Master' : s.type === 'Worker' && index === 0;
}

export function replicaPod(job: KubeObject, specs: ReplicaSpecView[], s: ReplicaSpecView, index: number): KubeObject {
  const name = job.metadata.name ?? '';
  const tmeta = rec(s.template.metadata);
  const tspec = JSON.parse(JSON.stringify(rec(s.template.spec))) as Json;
  const containers = arr(tspec.containers).map((c) => ({ ...rec(c) }));
  for (const c of containers) {
    if (c.name !== CONTAINER) continue;
    const ports = arr(c.ports).map(rec);
    if (!ports.some((p) => p.name === PORT_NAME)) c.ports = [...ports, { name: PORT_NAME, containerPort: DEFAULT_PORT, protocol: 'TCP' }];
    if (isDistributed(specs)) c.env = [...arr(c.env), { name: 'TF_CONFIG', value: tfConfig(job, specs, s.rt, index) }];
  }
  tspec.containers = containers;
  tspec.restartPolicy = s.restartPolicy === 'ExitCode' ? 'Never' : s.restartPolicy;
  const labels: Record<string, string> = {
    ...(rec(tmeta.labels) as Record<string, string>),
    ...jobLabels(name),
    [TF.replicaType]: s.rt,
    [TF.replicaIndex]: String(index),
  };
  if (isMasterRole(specs, s, index)) labels[TF.jobRole] = 'master';
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: podName(name, s.rt, index),
      namespace: job.metadata.namespace,
      labels,
      ...(Object.keys(rec(tmeta.annotations)).length ? { annotations: rec(tmeta.annotations) as Record<string, string> } : {}),
      ownerReferences: [controllerRef(job)],
    },
    spec: tspec,
  };
}

export function replicaService(job: KubeObject, s: ReplicaSpecView, index: number): KubeObject {
  const name = job.metadata.name ?? '';
  const selector = { ...jobLabels(name), [TF.replicaType]: s.rt, [TF.replicaIndex]: String(index) };
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: podName(name, s.rt, index), namespace: job.metadata.namespace, labels: selector, ownerReferences: [controllerRef(job)] },
    spec: { clusterIP: 'None', selector, ports: [{ name: PORT_NAME, port: portOf(s), protocol: 'TCP', targetPort: portOf(s) }] },
  };
}
