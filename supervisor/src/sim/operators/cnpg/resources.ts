import type { KubeObject } from '../../../api/types';
import { controllerRef } from '../../../controllers/kit/owner-refs';
import { CNPG_VERSION, L, OPERATOR_IMAGE, type ClusterSpecView } from './model';

/**
 * The objects CloudNativePG creates for a Cluster, shaped as `pkg/specs` builds them: the
 * PGDATA PVC per instance, the initdb/join bootstrap Jobs, the instance Pods (created directly,
 * not through a StatefulSet), the -rw/-ro/-r Services, the ServiceAccount and the
 * PodDisruptionBudgets. Everything carries a controller owner reference to the Cluster.
 */
function meta(cluster: KubeObject, name: string, extraLabels: Record<string, string> = {}, extraAnnotations: Record<string, string> = {}) {
  return {
    name,
    namespace: cluster.metadata.namespace,
    labels: { [L.cluster]: cluster.metadata.name ?? '', ...extraLabels },
    annotations: { [L.operatorVersion]: CNPG_VERSION, ...extraAnnotations },
    ownerReferences: [controllerRef(cluster)],
  };
}

function resourcesOf(s: ClusterSpecView): Record<string, unknown> {
  return Object.keys(s.resources).length ? s.resources : {};
}

/** The bootstrap-controller init container copies the instance manager into the pod. */
function bootstrapController(s: ClusterSpecView): Record<string, unknown> {
  return {
    name: 'bootstrap-controller',
    image: OPERATOR_IMAGE,
    imagePullPolicy: 'IfNotPresent',
    command: ['/manager', 'bootstrap', '/controller/manager', `--log-level=${s.logLevel}`],
    resources: resourcesOf(s),
    securityContext: { allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] }, readOnlyRootFilesystem: true, runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } },
    volumeMounts: [{ name: 'scratch-data', mountPath: '/controller' }],
  };
}

function volumes(instance: string): unknown[] {
  return [
    { name: 'pgdata', persistentVolumeClaim: { claimName: instance } },
    { name: 'scratch-data', emptyDir: {} },
    { name: 'shm', emptyDir: { medium: 'Memory' } },
  ];
}

const POD_SECURITY = { runAsUser: 26, runAsGroup: 26, fsGroup: 26, runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } };

export function instancePvc(cluster: KubeObject, s: ClusterSpecView, instance: string, serial: number): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'PersistentVolumeClaim',
    metadata: meta(cluster, instance, { [L.instanceName]: instance, [L.pvcRole]: 'PG_DATA' }, { [L.nodeSerial]: String(serial), [L.pvcStatus]: 'initializing' }),
    spec: {
      accessModes: ['ReadWriteOnce'],
      resources: { requests: { storage: s.storageSize } },
      ...(s.storageClass ? { storageClassName: s.storageClass } : {}),
      volumeMode: 'Filesystem',
    },
  };
}

export function bootstrapJob(cluster: KubeObject, s: ClusterSpecView, instance: string, role: 'initdb' | 'join'): KubeObject {
  const jobLabels = { [L.cluster]: cluster.metadata.name ?? '', [L.instanceName]: instance, [L.jobRole]: role };
  const command =
    role === 'initdb'
      ? ['/controller/manager', 'instance', 'init', '--initdb-flags', '--encoding=UTF8 --lc-collate=C --lc-ctype=C', '--app-db-name', s.database, '--app-user', s.owner]
      : ['/controller/manager', 'instance', 'join', '--parent-node', `${cluster.metadata.name}-rw`];
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: meta(cluster, `${instance}-${role}`, { [L.instanceName]: instance, [L.jobRole]: role }),
    spec: {
      template: {
        metadata: { labels: jobLabels },
        spec: {
          restartPolicy: 'Never',
          hostname: `${instance}-${role}`,
          initContainers: [bootstrapController(s)],
          containers: [
            {
              name: role,
              image: s.imageName,
              imagePullPolicy: 'IfNotPresent',
              command,
              env: [
                { name: 'PGDATA', value: '/var/lib/postgresql/data/pgdata' },
                { name: 'POD_NAME', value: `${instance}-${role}` },
                { name: 'NAMESPACE', value: cluster.metadata.namespace },
                { name: 'CLUSTER_NAME', value: cluster.metadata.name },
              ],
              resources: resourcesOf(s),
              volumeMounts: [
                { name: 'pgdata', mountPath: '/var/lib/postgresql/data' },
                { name: 'scratch-data', mountPath: '/controller' },
              ],
            },
          ],
          volumes: volumes(instance),
          serviceAccountName: cluster.metadata.name,
          securityContext: POD_SECURITY,
        },
      },
    },
  };
}

export function instancePod(cluster: KubeObject, s: ClusterSpecView, instance: string, serial: number, role: 'primary' | 'replica'): KubeObject {
  const clusterName = cluster.metadata.name ?? '';
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: meta(cluster, instance, { [L.instanceName]: instance, [L.podRole]: 'instance', [L.instanceRole]: role, [L.legacyRole]: role }, { [L.nodeSerial]: String(serial) }),
    spec: {
      hostname: instance,
      subdomain: `${clusterName}-any`,
      initContainers: [bootstrapController(s)],
      containers: [
        {
          name: 'postgres',
          image: s.imageName,
          imagePullPolicy: 'IfNotPresent',
          command: ['/controller/manager', 'instance', 'run', `--log-level=${s.logLevel}`],
          env: [
            { name: 'PGDATA', value: '/var/lib/postgresql/data/pgdata' },
            { name: 'POD_NAME', value: instance },
            { name: 'NAMESPACE', value: cluster.metadata.namespace },
            { name: 'CLUSTER_NAME', value: clusterName },
            { name: 'PGPORT', value: '5432' },
            { name: 'PGHOST', value: '/controller/run' },
          ],
          ports: [
            { name: 'postgresql', containerPort: 5432, protocol: 'TCP' },
            { name: 'metrics', containerPort: 9187, protocol: 'TCP' },
            { name: 'status', containerPort: 8000, protocol: 'TCP' },
          ],
          readinessProbe: { httpGet: { path: '/readyz', port: 8000, scheme: 'HTTPS' }, periodSeconds: 10, timeoutSeconds: 5, failureThreshold: 3 },
          livenessProbe: { httpGet: { path: '/healthz', port: 8000, scheme: 'HTTPS' }, periodSeconds: 10, timeoutSeconds: 5, failureThreshold: 3 },
          startupProbe: { httpGet: { path: '/healthz', port: 8000, scheme: 'HTTPS' }, periodSeconds: 10, timeoutSeconds: 5, failureThreshold: 360 },
          resources: resourcesOf(s),
          securityContext: { allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] }, readOnlyRootFilesystem: true, runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } },
          volumeMounts: [
            { name: 'pgdata', mountPath: '/var/lib/postgresql/data' },
            { name: 'scratch-data', mountPath: '/run' },
            { name: 'scratch-data', mountPath: '/controller' },
            { name: 'shm', mountPath: '/dev/shm' },
          ],
        },
      ],
      volumes: volumes(instance),
      serviceAccountName: clusterName,
      securityContext: POD_SECURITY,
      terminationGracePeriodSeconds: s.stopDelay,
      affinity: {
        podAntiAffinity: {
          preferredDuringSchedulingIgnoredDuringExecution: [
            { weight: 100, podAffinityTerm: { labelSelector: { matchExpressions: [{ key: L.cluster, operator: 'In', values: [clusterName] }] }, topologyKey: 'kubernetes.io/hostname' } },
          ],
        },
      },
    },
  };
}

export function clusterServices(cluster: KubeObject): KubeObject[] {
  const name = cluster.metadata.name ?? '';
  const svc = (suffix: string, selector: Record<string, string>): KubeObject => ({
    apiVersion: 'v1',
    kind: 'Service',
    metadata: meta(cluster, `${name}-${suffix}`, { [L.isManaged]: 'true' }),
    spec: { type: 'ClusterIP', ports: [{ name: 'postgres', port: 5432, protocol: 'TCP', targetPort: 5432 }], selector },
  });
  return [
    svc('rw', { [L.cluster]: name, [L.instanceRole]: 'primary' }),
    svc('ro', { [L.cluster]: name, [L.instanceRole]: 'replica' }),
    svc('r', { [L.cluster]: name, [L.podRole]: 'instance' }),
  ];
}

export function serviceAccount(cluster: KubeObject): KubeObject {
  return { apiVersion: 'v1', kind: 'ServiceAccount', metadata: meta(cluster, cluster.metadata.name ?? '') };
}

/** CloudNativePG protects the primary always, and the replicas once there are enough of them. */
export function disruptionBudgets(cluster: KubeObject, instances: number): KubeObject[] {
  const name = cluster.metadata.name ?? '';
  const pdb = (pdbName: string, role: string, minAvailable: number): KubeObject => ({
    apiVersion: 'policy/v1',
    kind: 'PodDisruptionBudget',
    metadata: meta(cluster, pdbName),
    spec: { minAvailable, selector: { matchLabels: { [L.cluster]: name, [L.instanceRole]: role } } },
  });
  const out = [pdb(`${name}-primary`, 'primary', 1)];
  if (instances > 2) out.push(pdb(name, 'replica', instances - 2));
  return out;
}
