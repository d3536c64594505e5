import fs from 'node:fs';
import path from 'node:path';
import type { KubeObject } from '../../../api/types';
import type { ControllerContext } from '../../../controllers/controller-context';
import { clientFor } from '../../../controllers/controller-context';
import { stableStringify } from '../../../util/stable-json';
import { isAlreadyExists } from '../kit/pod-control';

/**
 * The `kubernetes` Service in `default` that every cluster has (the API server's endpoint
 * reconciler): ClusterIP 10.96.0.1, port 443 named https, and an Endpoints object and an
 * EndpointSlice `kubernetes` pointing at the supervisor's own address. The bound port is read
 * from the kubeconfig the server writes once it listens (SUPERVISOR_PORT may be 0), so the
 * objects are re-checked periodically.
 */
const RECHECK_MS = 10_000;

export function apiServerAddress(ctx: ControllerContext): { ip: string; port: number } {
  const { host, port, dataDir } = ctx.core.config;
  let bound = port;
  try {
    const text = fs.readFileSync(path.join(dataDir, 'kubeconfig'), 'utf8');
    const m = /server:\s*https:\/\/[^\s]*:(\d+)/.exec(text);
    if (m && port === 0) bound = Number(m[1]);
  } catch {
    // Not written yet on a first start: fall back to the configured port.
  }
  return { ip: host === '0.0.0.0' || host === 'localhost' ? '127.0.0.1' : host, port: bound || 6443 };
}

export function kubernetesEndpoints(ip: string, port: number): { endpoints: KubeObject; slice: KubeObject } {
  const labels = { 'endpointslice.kubernetes.io/skip-mirror': 'true' };
  return {
    endpoints: { apiVersion: 'v1', kind: 'Endpoints', metadata: { name: 'kubernetes', namespace: 'default', labels }, subsets: [{ addresses: [{ ip }], ports: [{ name: 'https', port, protocol: 'TCP' }] }] },
    slice: {
      apiVersion: 'discovery.k8s.io/v1',
      kind: 'EndpointSlice',
      metadata: { name: 'kubernetes', namespace: 'default', labels: { 'kubernetes.io/service-name': 'kubernetes' } },
      addressType: 'IPv4',
      endpoints: [{ addresses: [ip], conditions: { ready: true } }],
      ports: [{ name: 'https', port, protocol: 'TCP' }],
    },
  };
}

export function startKubernetesService(ctx: ControllerContext): void {
  const client = clientFor(ctx, 'kube-apiserver');
  const ensure = (): void => {
    if (!ctx.core.store.get('core/namespaces', '', 'default')) return;
    const { ip, port } = apiServerAddress(ctx);
    const wanted = kubernetesEndpoints(ip, port);
    try {
      if (!client.get('v1', 'services', 'default', 'kubernetes')) {
        client.create('v1', 'services', {
          metadata: { name: 'kubernetes', namespace: 'default', labels: { component: 'apiserver', provider: 'kubernetes' } },
          spec: { type: 'ClusterIP', clusterIP: '10.96.0.1', clusterIPs: ['10.96.0.1'], ports: [{ name: 'https', port: 443, protocol: 'TCP', targetPort: port }], sessionAffinity: 'None' },
        });
      }
      upsert('v1', 'endpoints', wanted.endpoints, ['subsets']);
      upsert('discovery.k8s.io/v1', 'endpointslices', wanted.slice, ['endpoints', 'ports', 'addressType']);
    } catch (e) {
      if (!isAlreadyExists(e)) process.stderr.write(`supervisor: kubernetes service: ${(e as Error).message}\n`);
    }
  };
  const upsert = (apiVersion: string, resource: string, obj: KubeObject, fields: string[]): void => {
    const existing = client.get(apiVersion, resource, 'default', obj.metadata.name ?? '');
    if (!existing) {
      client.create(apiVersion, resource, obj);
      return;
    }
    if (fields.every((f) => stableStringify(existing[f] ?? null) === stableStringify(obj[f] ?? null))) return;
    const next = { ...existing };
    for (const f of fields) next[f] = obj[f];
    client.update(apiVersion, resource, next);
  };
  const first = setTimeout(ensure, 200);
  first.unref();
  ctx.onStop(() => clearTimeout(first));
  ctx.onStop(ctx.clock.every(RECHECK_MS, ensure));
  ctx.onStop(ctx.core.store.subscribe('core/namespaces', (e) => {
    if (e.name === 'default' && e.type === 'ADDED') setImmediate(ensure);
  }));
}
