import type { FormHints } from './hints';

/**
 * Create forms of the operator-backed services: the fields that matter first, in groups, with
 * help in plain words, and a small, working starting object (one instance, 1Gi of storage; the
 * storage class is left to the namespace's default unless the wizard fills it in).
 */
const meta = (kind: string, apiVersion: string, namespace: string | undefined, name: string) => ({ apiVersion, kind, metadata: { name, ...(namespace ? { namespace } : {}) } });

export const cnpgClusterForm: FormHints = {
  order: ['spec.instances', 'spec.imageName', 'spec.storage', 'spec.resources', 'spec.bootstrap', 'spec.enableSuperuserAccess'],
  labels: { 'spec.instances': 'Instances', 'spec.storage.size': 'Storage size', 'spec.storage.storageClass': 'Storage class', 'spec.imageName': 'PostgreSQL image' },
  help: { 'spec.instances': 'One primary plus replicas; 3 gives high availability.', 'spec.storage.size': 'Per instance, e.g. 1Gi or 20Gi.' },
  widgets: { 'spec.instances': 'podCount', 'spec.resources': 'resources', 'spec.storage.storageClass': 'objectRef', 'spec.enableSuperuserAccess': 'switch' },
  widgetOptions: { 'spec.storage.storageClass': { group: 'storage.k8s.io', kind: 'StorageClass' } },
  groups: [{ title: 'Advanced', fields: ['spec.postgresql', 'spec.backup', 'spec.affinity', 'spec.monitoring', 'spec.managed', 'spec.replica', 'spec.externalClusters', 'spec.walStorage'], collapsed: true }],
  steps: [
    { title: 'Basics', fields: ['metadata', 'spec.instances', 'spec.imageName'] },
    { title: 'Storage and resources', fields: ['spec.storage', 'spec.resources', 'spec.walStorage'] },
    { title: 'Advanced', fields: ['spec.bootstrap', 'spec.enableSuperuserAccess', 'spec.postgresql', 'spec.backup', 'spec.affinity', 'spec.monitoring'] },
  ],
  initial: (ns) => ({ ...meta('Cluster', 'postgresql.cnpg.io/v1', ns, 'pg-1'), spec: { instances: 1, storage: { size: '1Gi' } } }),
};

export const cassandraForm: FormHints = {
  order: ['spec.clusterName', 'spec.serverType', 'spec.serverVersion', 'spec.size', 'spec.storageConfig', 'spec.resources', 'spec.racks'],
  labels: { 'spec.size': 'Nodes' },
  widgets: { 'spec.size': 'podCount', 'spec.resources': 'resources' },
  help: { 'spec.size': 'Cassandra nodes in this datacenter.' },
  groups: [{ title: 'Advanced', fields: ['spec.config', 'spec.podTemplateSpec', 'spec.networking', 'spec.users', 'spec.tolerations', 'spec.nodeSelector'], collapsed: true }],
  initial: (ns) => ({
    ...meta('CassandraDatacenter', 'cassandra.datastax.com/v1beta1', ns, 'dc1'),
    spec: {
      clusterName: 'cluster1',
      serverType: 'cassandra',
      serverVersion: '4.1.5',
      size: 1,
      storageConfig: { cassandraDataVolumeClaimSpec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '5Gi' } } } },
      resources: { requests: { cpu: '500m', memory: '2Gi' }, limits: { cpu: '1', memory: '2Gi' } },
    },
  }),
};

export const tfJobForm: FormHints = {
  order: ['spec.tfReplicaSpecs', 'spec.runPolicy'],
  initial: (ns) => ({
    ...meta('TFJob', 'kubeflow.org/v1', ns, 'train-1'),
    spec: {
      runPolicy: { cleanPodPolicy: 'None' },
      tfReplicaSpecs: {
        Worker: {
          replicas: 1,
          restartPolicy: 'OnFailure',
          template: { spec: { containers: [{ name: 'tensorflow', image: 'tensorflow/tensorflow:2.16.1', command: ['python', '-c', 'import tensorflow as tf; print(tf.reduce_sum(tf.random.normal([1000, 1000])))'], resources: { requests: { cpu: '500m', memory: '1Gi' }, limits: { cpu: '1', memory: '1Gi' } } }] } },
        },
      },
    },
  }),
};

export const minioTenantForm: FormHints = {
  order: ['spec.pools', 'spec.image', 'spec.buckets', 'spec.requestAutoCert'],
  groups: [{ title: 'Advanced', fields: ['spec.env', 'spec.features', 'spec.kes', 'spec.logging', 'spec.sideCars', 'spec.lifecycle'], collapsed: true }],
  initial: (ns) => ({
    ...meta('Tenant', 'minio.min.io/v2', ns, 'objects-1'),
    spec: {
      pools: [{ name: 'pool-0', servers: 1, volumesPerServer: 2, volumeClaimTemplate: { metadata: { name: 'data' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } } }],
      requestAutoCert: true,
    },
  }),
};

/** Fills a storage class into the starting object's usual places, when the namespace has a default. */
export function withStorageClass(obj: { kind?: string; spec?: Record<string, unknown> }, storageClass: string | undefined): void {
  if (!storageClass || !obj.spec) return;
  const spec = obj.spec as Record<string, Record<string, unknown> | unknown[]>;
  if (obj.kind === 'Cluster' && spec.storage && !Array.isArray(spec.storage)) spec.storage.storageClass ??= storageClass;
  if (obj.kind === 'CassandraDatacenter') {
    const claim = (spec.storageConfig as Record<string, Record<string, unknown>> | undefined)?.cassandraDataVolumeClaimSpec;
    if (claim) claim.storageClassName ??= storageClass;
  }
  if (obj.kind === 'Tenant' && Array.isArray(spec.pools)) {
    for (const p of spec.pools as { volumeClaimTemplate?: { spec?: Record<string, unknown> } }[]) if (p.volumeClaimTemplate?.spec) p.volumeClaimTemplate.spec.storageClassName ??= storageClass;
  }
}
