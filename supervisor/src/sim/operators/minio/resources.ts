import type { KubeObject } from '../../../api/types';
import { controllerRef } from '../../../controllers/kit/owner-refs';
import type { Pem } from '../kit/tls';
import { MINIO_OPERATOR_VERSION } from './service';
import { MINIO_LABELS, type PoolView, type TenantView } from './model';

/**
 * What the MinIO operator creates for a Tenant (`pkg/resources/services`, `statefulsets`):
 * the `minio` S3 service, `<tenant>-console`, the headless `<tenant>-hl`, the auto-generated
 * `<tenant>-tls` certificate, and per pool a StatefulSet `<tenant>-<pool>` whose servers each
 * claim `volumesPerServer` volumes named data0..dataN.
 */
function meta(t: KubeObject, name: string, labels: Record<string, string>) {
  return { name, namespace: t.metadata.namespace, labels, ownerReferences: [controllerRef(t)] };
}

export function tenantServices(t: KubeObject, v: TenantView): Record<'minio' | 'console' | 'hl', KubeObject> {
  const tls = v.autoCert;
  const sel = { [MINIO_LABELS.tenant]: v.name };
  return {
    minio: {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: meta(t, 'minio', sel),
      spec: { type: 'ClusterIP', selector: sel, ports: [{ name: tls ? 'https-minio' : 'http-minio', port: tls ? 443 : 80, targetPort: 9000, protocol: 'TCP' }] },
    },
    console: {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: meta(t, `${v.name}-console`, sel),
      spec: { type: 'ClusterIP', selector: sel, ports: [{ name: tls ? 'https-console' : 'http-console', port: tls ? 9443 : 9090, targetPort: tls ? 9443 : 9090, protocol: 'TCP' }] },
    },
    hl: {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: meta(t, `${v.name}-hl`, sel),
      spec: { clusterIP: 'None', publishNotReadyAddresses: true, selector: sel, ports: [{ name: tls ? 'https-minio' : 'http-minio', port: 9000, targetPort: 9000, protocol: 'TCP' }] },
    },
  };
}

export function tlsSecret(t: KubeObject, v: TenantView, ca: Pem, leaf: Pem): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: meta(t, `${v.name}-tls`, { [MINIO_LABELS.tenant]: v.name }),
    type: 'kubernetes.io/tls',
    stringData: { 'tls.crt': leaf.cert, 'tls.key': leaf.key, 'ca.crt': ca.cert },
  };
}

export function tenantDnsNames(t: KubeObject, v: TenantView): string[] {
  const ns = t.metadata.namespace ?? '';
  const names = [`minio.${ns}.svc.cluster.local`, `minio.${ns}`, `minio.${ns}.svc`, `*.${v.name}-hl.${ns}.svc.cluster.local`, `*.${ns}.svc.cluster.local`];
  for (const p of v.pools) for (let i = 0; i < p.servers; i++) names.push(`${p.ssName}-${i}.${v.name}-hl.${ns}.svc.cluster.local`);
  return names;
}

export function poolStatefulSet(t: KubeObject, v: TenantView, p: PoolView): KubeObject {
  const labels = { [MINIO_LABELS.tenant]: v.name, [MINIO_LABELS.pool]: p.name };
  const ns = t.metadata.namespace ?? '';
  const endpoints = `http${v.autoCert ? 's' : ''}://${p.ssName}-{0...${p.servers - 1}}.${v.name}-hl.${ns}.svc.cluster.local/export{0...${p.volumesPerServer - 1}}`;
  const resources = Object.keys(p.resources).length ? p.resources : {};
  const helper = { requests: { cpu: '10m', memory: '32Mi' }, limits: { cpu: '100m', memory: '128Mi' } };
  return {
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    metadata: { ...meta(t, p.ssName, labels), annotations: { 'min.io/revision': '0' } },
    spec: {
      replicas: p.servers,
      serviceName: `${v.name}-hl`,
      podManagementPolicy: 'Parallel',
      selector: { matchLabels: labels },
      updateStrategy: { type: 'RollingUpdate' },
      template: {
        metadata: { labels, annotations: { 'min.io/revision': '0' } },
        spec: {
          serviceAccountName: `${v.name}-sa`,
          initContainers: [
            { name: 'validate-arguments', image: `quay.io/minio/operator-sidecar:v${MINIO_OPERATOR_VERSION}`, args: ['validate', '--tenant', v.name], resources: helper },
          ],
          containers: [
            {
              name: 'minio',
              image: v.image,
              args: ['server', '--certs-dir', '/tmp/certs', '--console-address', ':9443'],
              env: [
                { name: 'MINIO_ARGS', value: endpoints },
                { name: 'MINIO_CONFIG_ENV_FILE', value: '/tmp/minio-config/config.env' },
              ],
              ports: [
                { name: 'http-minio', containerPort: 9000 },
                { name: 'http-console', containerPort: 9443 },
              ],
              readinessProbe: { tcpSocket: { port: 9000 }, initialDelaySeconds: 5, periodSeconds: 5 },
              resources,
              volumeMounts: Array.from({ length: p.volumesPerServer }, (_, i) => ({ name: `data${i}`, mountPath: `/export${i}` })),
            },
            { name: 'sidecar', image: `quay.io/minio/operator-sidecar:v${MINIO_OPERATOR_VERSION}`, args: ['sidecar', '--tenant', v.name, '--config-name', v.configuration || `${v.name}-env-configuration`], resources: helper },
          ],
          securityContext: { runAsUser: 1000, runAsGroup: 1000, fsGroup: 1000, fsGroupChangePolicy: 'OnRootMismatch', runAsNonRoot: true },
        },
      },
      volumeClaimTemplates: Array.from({ length: p.volumesPerServer }, (_, i) => ({ metadata: { name: `data${i}`, labels }, spec: { accessModes: ['ReadWriteOnce'], ...p.claim } })),
    },
  };
}
