import type { KubeObject } from '../../k8s/types';
import { valueAt } from '../value-diff';

/**
 * The container workload wizard's objects: a Deployment (replicas of a pod template) or a single
 * vSphere Pod, each with one main container, selected by an `app` label; optionally a Service in
 * front of it. Switching between Deployment and Pod keeps the container and pod spec.
 */
export type WorkloadKind = 'Deployment' | 'Pod';

export type ProbeKind = 'none' | 'http' | 'tcp';

export interface ProbeFields {
  kind: ProbeKind;
  port: number;
  path: string;
}

export function containerPath(kind: WorkloadKind): (string | number)[] {
  return kind === 'Deployment' ? ['spec', 'template', 'spec', 'containers', 0] : ['spec', 'containers', 0];
}

export function podSpecPath(kind: WorkloadKind): string[] {
  return kind === 'Deployment' ? ['spec', 'template', 'spec'] : ['spec'];
}

function container(name: string, image: string): Record<string, unknown> {
  return { name: name || 'app', image, ports: [{ containerPort: 80, protocol: 'TCP' }], resources: { requests: { cpu: '250m', memory: '256Mi' }, limits: { cpu: '500m', memory: '512Mi' } } };
}

export function newWorkload(kind: WorkloadKind, namespace: string, name: string, image = 'nginx:1.27'): KubeObject {
  const labels = { app: name };
  const podSpec = { containers: [container(name, image)] };
  if (kind === 'Pod') return { apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace, labels }, spec: podSpec };
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace, labels },
    spec: { replicas: 1, selector: { matchLabels: labels }, template: { metadata: { labels }, spec: podSpec } },
  };
}

/** The same workload as the other kind: metadata and the pod spec carry over. */
export function convertWorkload(obj: KubeObject, to: WorkloadKind): KubeObject {
  const from = obj.kind as WorkloadKind;
  if (from === to) return obj;
  const podSpec = structuredClone(valueAt(obj, podSpecPath(from)) ?? { containers: [] });
  const meta = structuredClone(obj.metadata);
  const labels = meta.labels ?? { app: meta.name ?? '' };
  if (to === 'Pod') return { apiVersion: 'v1', kind: 'Pod', metadata: meta, spec: podSpec as Record<string, unknown> };
  return { apiVersion: 'apps/v1', kind: 'Deployment', metadata: meta, spec: { replicas: 1, selector: { matchLabels: { app: labels.app ?? meta.name ?? '' } }, template: { metadata: { labels: { app: labels.app ?? meta.name ?? '' } }, spec: podSpec } } };
}

export function workloadService(name: string, namespace: string, type: 'ClusterIP' | 'LoadBalancer' | 'NodePort', ports: { port: number; targetPort: number }[]): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name, namespace },
    spec: { type, selector: { app: name }, ports: ports.map((p, i) => ({ name: `port-${i + 1}`, protocol: 'TCP', port: p.port, targetPort: p.targetPort })) },
  };
}

/** Renames the workload, its `app` label and selectors, and the Service that fronts it. */
export function renameWorkload(values: readonly unknown[], from: string, to: string): unknown[] {
  if (from === to) return [...values];
  const swap = (v: unknown) => (v === from ? to : v);
  return values.map((v) => {
    const o = structuredClone(v) as KubeObject;
    if (!o || typeof o !== 'object' || !o.metadata) return v;
    o.metadata.name = swap(o.metadata.name) as string;
    const fix = (m: Record<string, unknown> | undefined) => {
      if (m && 'app' in m) m.app = swap(m.app);
    };
    fix(o.metadata.labels as Record<string, unknown> | undefined);
    if (o.kind === 'Deployment') {
      fix(valueAt(o, ['spec', 'selector', 'matchLabels']) as Record<string, unknown> | undefined);
      fix(valueAt(o, ['spec', 'template', 'metadata', 'labels']) as Record<string, unknown> | undefined);
    }
    if (o.kind === 'Service') fix(valueAt(o, ['spec', 'selector']) as Record<string, unknown> | undefined);
    const c = valueAt(o, containerPath(o.kind as WorkloadKind)) as Record<string, unknown> | undefined;
    if ((o.kind === 'Deployment' || o.kind === 'Pod') && c && (c.name === from || c.name === (from || 'app'))) c.name = to || 'app';
    return o;
  });
}

export function probeFields(probe: unknown): ProbeFields {
  const http = valueAt(probe, ['httpGet']) as { port?: unknown; path?: unknown } | undefined;
  if (http) return { kind: 'http', port: Number(http.port) || 80, path: String(http.path ?? '/') };
  const tcp = valueAt(probe, ['tcpSocket']) as { port?: unknown } | undefined;
  if (tcp) return { kind: 'tcp', port: Number(tcp.port) || 80, path: '/' };
  return { kind: 'none', port: 80, path: '/' };
}

export function probeValue(f: ProbeFields): Record<string, unknown> | undefined {
  if (f.kind === 'http') return { httpGet: { path: f.path || '/', port: f.port }, periodSeconds: 10 };
  if (f.kind === 'tcp') return { tcpSocket: { port: f.port }, periodSeconds: 10 };
  return undefined;
}
