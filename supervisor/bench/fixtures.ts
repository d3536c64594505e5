import type { KubeObject } from '../src/api/types';

/**
 * Objects the benchmark writes. Pods are shaped like a Deployment's pods on a real cluster
 * (labels, annotations, an app container with probes, env and mounts, a logging sidecar), so list
 * sizes are realistic; ConfigMaps are deliberately small so create throughput measures the write
 * path rather than payload size.
 */
export function smallConfigMap(namespace: string, i: number, data: Record<string, string> = {}): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name: `cm-${i}`, namespace, labels: { app: 'bench', shard: String(i % 16) } },
    data: { index: String(i), ...data },
  };
}

function hash(i: number, salt: number): string {
  return ((i * 2654435761 + salt * 40503) >>> 0).toString(36).padStart(7, 'x').slice(0, 10);
}

export function realisticPod(namespace: string, i: number): KubeObject {
  const app = `svc-${i % 40}`;
  const template = hash(i % 40, 7);
  const name = `${app}-${template}-${hash(i, 13)}`;
  const containers: Record<string, unknown>[] = [
    {
      name: 'app',
      image: `registry.example.com/team/${app}:1.${i % 9}.${i % 17}`,
      args: ['--port=8080', '--metrics-port=9090', '--log-format=json'],
      ports: [
        { name: 'http', containerPort: 8080 },
        { name: 'metrics', containerPort: 9090 },
      ],
      env: [
        { name: 'POD_NAME', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.name' } } },
        { name: 'POD_NAMESPACE', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' } } },
        { name: 'LOG_LEVEL', value: 'info' },
        { name: 'DATABASE_URL', valueFrom: { secretKeyRef: { name: `${app}-db`, key: 'url' } } },
      ],
      resources: { requests: { cpu: '100m', memory: '128Mi' }, limits: { cpu: '500m', memory: '512Mi' } },
      readinessProbe: { httpGet: { path: '/readyz', port: 'http', scheme: 'HTTP' }, periodSeconds: 10, timeoutSeconds: 1, successThreshold: 1, failureThreshold: 3 },
      livenessProbe: { httpGet: { path: '/livez', port: 'http', scheme: 'HTTP' }, initialDelaySeconds: 15, periodSeconds: 20, timeoutSeconds: 1, successThreshold: 1, failureThreshold: 3 },
      volumeMounts: [
        { name: 'config', mountPath: '/etc/app', readOnly: true },
        { name: 'tmp', mountPath: '/tmp' },
      ],
      securityContext: { allowPrivilegeEscalation: false, runAsNonRoot: true, capabilities: { drop: ['ALL'] } },
    },
  ];
  if (i % 2 === 0) {
    containers.push({
      name: 'log-shipper',
      image: 'registry.example.com/infra/fluent-bit:3.1.4',
      resources: { requests: { cpu: '10m', memory: '32Mi' }, limits: { memory: '64Mi' } },
      volumeMounts: [{ name: 'tmp', mountPath: '/var/log/app', readOnly: true }],
    });
  }
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name,
      namespace,
      labels: { app, 'app.kubernetes.io/name': app, 'app.kubernetes.io/part-of': 'storefront', 'pod-template-hash': template, tier: i % 3 === 0 ? 'frontend' : 'backend' },
      annotations: { 'prometheus.io/scrape': 'true', 'prometheus.io/port': '9090', 'kubectl.kubernetes.io/restartedAt': '2026-10-30T12:00:00Z' },
    },
    spec: {
      containers,
      volumes: [
        { name: 'config', configMap: { name: `${app}-config`, defaultMode: 420 } },
        { name: 'tmp', emptyDir: { sizeLimit: '256Mi' } },
      ],
      nodeSelector: { 'kubernetes.io/os': 'linux' },
      tolerations: [{ key: 'dedicated', operator: 'Equal', value: 'apps', effect: 'NoSchedule' }],
      affinity: {
        podAntiAffinity: {
          preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 100, podAffinityTerm: { labelSelector: { matchLabels: { app } }, topologyKey: 'kubernetes.io/hostname' } }],
        },
      },
    },
  };
}
