import { randomBytes } from 'node:crypto';
import type { KubeObject } from '../../../api/types';
import { controllerRef } from '../../../controllers/kit/owner-refs';
import { CASS_OPERATOR_VERSION, CL, k8sName, stsName, type DcSpecView } from './model';

/**
 * The objects cass-operator creates for a CassandraDatacenter (`pkg/reconciliation/
 * construct_*.go`): the cluster seed service and the datacenter's service, all-pods service and
 * additional-seed service (all headless), the generated superuser Secret, one StatefulSet per
 * rack with a `server-data` volume claim template, and a PodDisruptionBudget.
 */
export function dcLabels(s: DcSpecView): Record<string, string> {
  return {
    'app.kubernetes.io/name': 'cassandra',
    'app.kubernetes.io/instance': `cassandra-${s.clusterResource}`,
    'app.kubernetes.io/version': s.serverVersion,
    'app.kubernetes.io/managed-by': 'cass-operator',
    'app.kubernetes.io/created-by': 'cass-operator',
    [CL.cluster]: s.clusterResource,
    [CL.datacenter]: s.dc,
  };
}

function meta(dc: KubeObject, name: string, labels: Record<string, string>) {
  return { name, namespace: dc.metadata.namespace, labels, annotations: { [CL.datacenter]: dc.metadata.name ?? '' }, ownerReferences: [controllerRef(dc)] };
}

const PORTS = [
  { name: 'native', port: 9042 },
  { name: 'tls-native', port: 9142 },
  { name: 'mgmt-api', port: 8080 },
  { name: 'prometheus', port: 9103 },
  { name: 'metrics', port: 9000 },
];

export function dcServices(dc: KubeObject, s: DcSpecView): KubeObject[] {
  const base = dcLabels(s);
  const svc = (name: string, selector: Record<string, string> | undefined, ports: { name: string; port: number }[], extra: Record<string, unknown> = {}, labels = base): KubeObject => ({
    apiVersion: 'v1',
    kind: 'Service',
    metadata: meta(dc, name, labels),
    spec: { clusterIP: 'None', type: 'ClusterIP', ...(selector ? { selector } : {}), ports: ports.map((p) => ({ name: p.name, port: p.port, protocol: 'TCP', targetPort: p.port })), ...extra },
  });
  const dcSel = { [CL.cluster]: s.clusterResource, [CL.datacenter]: s.dc };
  // The seed service belongs to the cluster (shared by its datacenters), not to one datacenter.
  const clusterLabels = Object.fromEntries(Object.entries(base).filter(([k]) => k !== CL.datacenter));
  return [
    svc(`${s.clusterResource}-seed-service`, { [CL.cluster]: s.clusterResource, [CL.seed]: 'true' }, [], { publishNotReadyAddresses: true }, clusterLabels),
    svc(`${s.clusterResource}-${s.dc}-service`, dcSel, s.serverType === 'dse' ? [...PORTS, { name: 'thrift', port: 9160 }] : PORTS),
    svc(`${s.clusterResource}-${s.dc}-all-pods-service`, dcSel, [{ name: 'native', port: 9042 }, { name: 'mgmt-api', port: 8080 }, { name: 'prometheus', port: 9103 }, { name: 'metrics', port: 9000 }], { publishNotReadyAddresses: true }, { ...base, [CL.promMetrics]: 'true' }),
    svc(`${s.clusterResource}-${s.dc}-additional-seed-service`, undefined, [], { publishNotReadyAddresses: true }),
  ];
}

export function superuserSecret(dc: KubeObject, s: DcSpecView): KubeObject {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  const password = [...randomBytes(20)].map((b) => alphabet[b % alphabet.length]).join('');
  return {
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: { ...meta(dc, s.superuserSecretName, { 'app.kubernetes.io/managed-by': 'cass-operator', [CL.cluster]: s.clusterResource }), annotations: { 'cassandra.datastax.com/watched-by': JSON.stringify([`${dc.metadata.namespace}/${dc.metadata.name}`]) } },
    type: 'Opaque',
    stringData: { username: s.superuserSecretName, password },
  };
}

function res(r: Record<string, unknown>, fallback: Record<string, unknown>): Record<string, unknown> {
  return Object.keys(r).length ? r : fallback;
}

export function rackStatefulSet(dc: KubeObject, s: DcSpecView, rack: string, replicas: number): KubeObject {
  const selector = { [CL.cluster]: s.clusterResource, [CL.datacenter]: s.dc, [CL.rack]: k8sName(rack) };
  const podLabels = { ...dcLabels(s), [CL.rack]: k8sName(rack), [CL.nodeState]: 'Ready-to-Start' };
  const containers: unknown[] = [
    {
      name: 'cassandra',
      image: s.serverImage,
      imagePullPolicy: 'IfNotPresent',
      env: [
        { name: 'DS_LICENSE', value: 'accept' },
        { name: 'DSE_AUTO_CONF_OFF', value: 'all' },
        { name: 'USE_MGMT_API', value: 'true' },
        { name: 'MGMT_API_EXPLICIT_START', value: 'true' },
        { name: 'DSE_MGMT_EXPLICIT_START', value: 'true' },
      ],
      ports: [
        { name: 'native', containerPort: 9042 },
        { name: 'tls-native', containerPort: 9142 },
        { name: 'internode', containerPort: 7000 },
        { name: 'tls-internode', containerPort: 7001 },
        { name: 'jmx', containerPort: 7199 },
        { name: 'mgmt-api-http', containerPort: 8080 },
        { name: 'prometheus', containerPort: 9103 },
        { name: 'metrics', containerPort: 9000 },
      ],
      readinessProbe: { httpGet: { path: '/api/v0/probes/readiness', port: 8080 }, initialDelaySeconds: 20, periodSeconds: 10, timeoutSeconds: 10 },
      livenessProbe: { httpGet: { path: '/api/v0/probes/liveness', port: 8080 }, initialDelaySeconds: 15, periodSeconds: 15, timeoutSeconds: 10 },
      lifecycle: { preStop: { exec: { command: ['wget', '-output-document', '/dev/null', '--no-check-certificate', '--post-data=\'\'', 'http://localhost:8080/api/v0/ops/node/drain'] } } },
      resources: s.resources,
      volumeMounts: [
        { name: 'server-logs', mountPath: '/var/log/cassandra' },
        { name: 'server-data', mountPath: '/var/lib/cassandra' },
        { name: 'server-config', mountPath: '/config' },
      ],
    },
  ];
  if (!s.disableSystemLogger) {
    containers.push({
      name: 'server-system-logger',
      image: `cr.k8ssandra.io/k8ssandra/system-logger:${CASS_OPERATOR_VERSION}`,
      imagePullPolicy: 'IfNotPresent',
      resources: res(s.loggerResources, { requests: { cpu: '100m', memory: '64Mi' }, limits: { cpu: '100m', memory: '128Mi' } }),
      volumeMounts: [{ name: 'server-logs', mountPath: '/var/log/cassandra' }],
    });
  }
  return {
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    metadata: meta(dc, stsName(s, rack), { ...dcLabels(s), [CL.rack]: k8sName(rack) }),
    spec: {
      replicas,
      serviceName: `${s.clusterResource}-${s.dc}-service`,
      podManagementPolicy: 'Parallel',
      selector: { matchLabels: selector },
      updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 0 } },
      template: {
        metadata: { labels: podLabels },
        spec: {
          affinity: { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ labelSelector: { matchExpressions: [{ key: CL.cluster, operator: 'Exists' }, { key: CL.datacenter, operator: 'Exists' }, { key: CL.rack, operator: 'Exists' }] }, topologyKey: 'kubernetes.io/hostname' }] } },
          initContainers: [
            {
              name: 'server-config-init',
              image: 'cr.k8ssandra.io/k8ssandra/k8ssandra-client:v0.6.4',
              imagePullPolicy: 'IfNotPresent',
              resources: res(s.configBuilderResources, { requests: { cpu: '1', memory: '256M' }, limits: { cpu: '1', memory: '256M' } }),
              volumeMounts: [{ name: 'server-config', mountPath: '/config' }],
            },
          ],
          containers,
          securityContext: { fsGroup: 999, runAsGroup: 999, runAsUser: 999 },
          terminationGracePeriodSeconds: 120,
          volumes: [
            { name: 'server-config', emptyDir: {} },
            { name: 'server-logs', emptyDir: {} },
          ],
        },
      },
      volumeClaimTemplates: [{ metadata: { name: 'server-data', labels: { ...dcLabels(s), [CL.rack]: k8sName(rack) } }, spec: { accessModes: ['ReadWriteOnce'], ...s.storageClaim } }],
    },
  };
}

export function disruptionBudget(dc: KubeObject, s: DcSpecView): KubeObject {
  return {
    apiVersion: 'policy/v1',
    kind: 'PodDisruptionBudget',
    metadata: meta(dc, `${s.clusterResource}-${s.dc}-pdb`, dcLabels(s)),
    spec: { minAvailable: Math.max(0, s.size - 1), selector: { matchLabels: { [CL.cluster]: s.clusterResource, [CL.datacenter]: s.dc } } },
  };
}
