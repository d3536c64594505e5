import type { KubeObject } from '../../../api/types';

/**
 * The demo workloads, as a DevOps team would have applied them: Deployments with Services,
 * standalone pods (one of which crash-loops: its image name contains `crash`), a migration Job,
 * a Redis StatefulSet with storage, and a nightly CronJob. Requests are modest (team-a stays
 * under 1.5 CPU) and every container sets requests and limits, so namespace quotas admit them.
 */
interface ContainerOptions {
  port?: { name: string; containerPort: number };
  cpu: string;
  memory: string;
  command?: string[];
  args?: string[];
  env?: Record<string, string>;
  probe?: boolean;
}

export function container(name: string, image: string, o: ContainerOptions): Record<string, unknown> {
  const milli = (q: string): number => (q.endsWith('m') ? Number(q.slice(0, -1)) : Number(q) * 1000);
  const c: Record<string, unknown> = {
    name,
    image,
    resources: { requests: { cpu: o.cpu, memory: o.memory }, limits: { cpu: `${milli(o.cpu) * 2}m`, memory: o.memory.replace(/^(\d+)/, (n) => String(Number(n) * 2)) } },
  };
  if (o.command) c.command = o.command;
  if (o.args) c.args = o.args;
  if (o.env) c.env = Object.entries(o.env).map(([k, v]) => ({ name: k, value: v }));
  if (o.port) {
    c.ports = [{ ...o.port, protocol: 'TCP' }];
    if (o.probe) c.readinessProbe = { httpGet: { path: o.port.name === 'metrics' ? '/-/ready' : '/', port: o.port.name }, periodSeconds: 10 };
  }
  return c;
}

export function deployment(namespace: string, name: string, replicas: number, labels: Record<string, string>, containers: Record<string, unknown>[]): KubeObject {
  const selector = { 'app.kubernetes.io/name': name };
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace, labels: { ...selector, ...labels }, annotations: { 'kubernetes.io/change-cause': `initial rollout of ${name}` } },
    spec: { replicas, selector: { matchLabels: selector }, template: { metadata: { labels: { ...selector, ...labels } }, spec: { containers } } },
  };
}

export function service(namespace: string, name: string, port: number, targetPort: string, headless = false): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name, namespace, labels: { 'app.kubernetes.io/name': name } },
    spec: { ...(headless ? { clusterIP: 'None' } : {}), selector: { 'app.kubernetes.io/name': name }, ports: [{ name: targetPort, port, targetPort, protocol: 'TCP' }] },
  };
}

export function pod(namespace: string, name: string, labels: Record<string, string>, c: Record<string, unknown>): KubeObject {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace, labels }, spec: { containers: [c], restartPolicy: 'Always' } };
}

export function teamA(ns: string): KubeObject[] {
  return [
    deployment(ns, 'web', 3, { 'app.kubernetes.io/part-of': 'storefront', tier: 'frontend' }, [container('nginx', 'nginx:1.27.3', { port: { name: 'http', containerPort: 80 }, cpu: '100m', memory: '128Mi', probe: true })]),
    service(ns, 'web', 80, 'http'),
    deployment(ns, 'api', 2, { 'app.kubernetes.io/part-of': 'storefront', tier: 'backend' }, [
      container('api', 'registry.example.com/team-a/api:1.4.2', { port: { name: 'http', containerPort: 8080 }, cpu: '250m', memory: '256Mi', env: { LOG_LEVEL: 'info', DB_HOST: 'postgres.team-a.svc' }, probe: true }),
    ]),
    service(ns, 'api', 8080, 'http'),
    pod(ns, 'debug-shell', { 'app.kubernetes.io/name': 'debug-shell' }, container('shell', 'busybox:1.36.1', { cpu: '50m', memory: '32Mi', command: ['sh', '-c', 'sleep infinity'] })),
    pod(ns, 'flaky-worker', { 'app.kubernetes.io/name': 'flaky-worker' }, container('worker', 'registry.example.com/team-a/worker-crash:0.9.1', { cpu: '100m', memory: '64Mi', args: ['--queue', 'orders'] })),
    {
      apiVersion: 'batch/v1',
      kind: 'Job',
      metadata: { name: 'db-migrate', namespace: ns, labels: { 'app.kubernetes.io/name': 'db-migrate', 'app.kubernetes.io/part-of': 'storefront' } },
      spec: {
        backoffLimit: 2,
        template: { spec: { restartPolicy: 'Never', containers: [container('migrate', 'registry.example.com/team-a/api-migrations:1.4.2', { cpu: '200m', memory: '128Mi', args: ['migrate', '--to', 'latest'] })] } },
      },
    },
  ];
}

export function teamB(ns: string, storageClass: string | undefined): KubeObject[] {
  const selector = { 'app.kubernetes.io/name': 'redis' };
  return [
    service(ns, 'redis', 6379, 'redis', true),
    {
      apiVersion: 'apps/v1',
      kind: 'StatefulSet',
      metadata: { name: 'redis', namespace: ns, labels: selector },
      spec: {
        serviceName: 'redis',
        replicas: 3,
        selector: { matchLabels: selector },
        template: { metadata: { labels: selector }, spec: { containers: [container('redis', 'redis:7.2.5', { port: { name: 'redis', containerPort: 6379 }, cpu: '100m', memory: '128Mi', args: ['--appendonly', 'yes'] })] } },
        volumeClaimTemplates: [{ metadata: { name: 'data' }, spec: { accessModes: ['ReadWriteOnce'], ...(storageClass ? { storageClassName: storageClass } : {}), resources: { requests: { storage: '2Gi' } } } }],
      },
    },
    deployment(ns, 'frontend', 2, { tier: 'frontend' }, [container('frontend', 'registry.example.com/team-b/frontend:2.3.0', { port: { name: 'http', containerPort: 8080 }, cpu: '100m', memory: '128Mi', probe: true })]),
    service(ns, 'frontend', 80, 'http'),
  ];
}

export function platform(ns: string): KubeObject[] {
  return [
    deployment(ns, 'prometheus', 1, { 'app.kubernetes.io/component': 'server' }, [
      container('prometheus', 'quay.io/prometheus/prometheus:v2.53.1', { port: { name: 'metrics', containerPort: 9090 }, cpu: '200m', memory: '512Mi', args: ['--config.file=/etc/prometheus/prometheus.yml', '--storage.tsdb.retention.time=15d'], probe: true }),
    ]),
    service(ns, 'prometheus', 9090, 'metrics'),
    {
      apiVersion: 'batch/v1',
      kind: 'CronJob',
      metadata: { name: 'nightly-report', namespace: ns, labels: { 'app.kubernetes.io/name': 'nightly-report' } },
      spec: {
        schedule: '0 2 * * *',
        concurrencyPolicy: 'Forbid',
        successfulJobsHistoryLimit: 3,
        failedJobsHistoryLimit: 1,
        jobTemplate: {
          metadata: { labels: { 'app.kubernetes.io/name': 'nightly-report' } },
          spec: { backoffLimit: 1, template: { spec: { restartPolicy: 'OnFailure', containers: [container('report', 'registry.example.com/platform/report-generator:3.1.0', { cpu: '250m', memory: '256Mi', args: ['--since', '24h'] })] } } },
        },
      },
    },
  ];
}
