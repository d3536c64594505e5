import type { KubeObject } from '../../api/types';
import { CASS_V1BETA1 } from './cassandra/crd';
import { CNPG_V1 } from './cnpg/crd';
import { MINIO_V2 } from './minio/crd';
import { KUBEFLOW_V1 } from './tfjob/crd';

/**
 * The demo instances as manifests. Requests are modest so they fit the namespaces' quotas next to
 * the rest of the demo: orders-db takes 1.5 CPU / 3Gi in team-a, dc1 about 3.3 CPU / 12Gi and the
 * artifacts tenant 1 CPU / 2Gi in platform, resnet-train 3 CPU / 6Gi in team-b while it runs.
 */
export function seedPostgres(namespace: string, storageClass?: string): KubeObject {
  return {
    apiVersion: CNPG_V1,
    kind: 'Cluster',
    metadata: { name: 'orders-db', namespace, labels: { 'app.kubernetes.io/part-of': 'orders', 'app.kubernetes.io/component': 'database' } },
    spec: {
      description: 'PostgreSQL for the orders service',
      instances: 3,
      imageName: 'ghcr.io/cloudnative-pg/postgresql:16.4',
      primaryUpdateStrategy: 'unsupervised',
      postgresql: { parameters: { max_connections: '200', shared_buffers: '256MB', work_mem: '8MB' } },
      bootstrap: { initdb: { database: 'orders', owner: 'orders' } },
      storage: { size: '10Gi', ...(storageClass ? { storageClass } : {}) },
      resources: { requests: { cpu: '500m', memory: '1Gi' }, limits: { cpu: '1', memory: '1Gi' } },
      monitoring: { enablePodMonitor: false },
    },
  };
}

export function seedDatacenter(namespace: string, storageClass?: string): KubeObject {
  return {
    apiVersion: CASS_V1BETA1,
    kind: 'CassandraDatacenter',
    metadata: { name: 'dc1', namespace },
    spec: {
      clusterName: 'inventory',
      serverType: 'cassandra',
      serverVersion: '4.1.5',
      size: 3,
      racks: [{ name: 'rack1' }, { name: 'rack2' }, { name: 'rack3' }],
      storageConfig: {
        cassandraDataVolumeClaimSpec: { ...(storageClass ? { storageClassName: storageClass } : {}), accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '20Gi' } } },
      },
      resources: { requests: { cpu: '1', memory: '4Gi' }, limits: { cpu: '2', memory: '4Gi' } },
      config: { 'cassandra-yaml': { num_tokens: 16, authenticator: 'PasswordAuthenticator', authorizer: 'CassandraAuthorizer' }, 'jvm-server-options': { initial_heap_size: '2G', max_heap_size: '2G' } },
    },
  };
}

export function seedTenantConfig(namespace: string): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: { name: 'artifacts-env-configuration', namespace },
    type: 'Opaque',
    stringData: { 'config.env': 'export MINIO_ROOT_USER="minio"\nexport MINIO_ROOT_PASSWORD="minio-demo-password"\nexport MINIO_STORAGE_CLASS_STANDARD="EC:2"\n' },
  };
}

export function seedTenant(namespace: string, storageClass?: string): KubeObject {
  return {
    apiVersion: MINIO_V2,
    kind: 'Tenant',
    metadata: { name: 'artifacts', namespace },
    spec: {
      configuration: { name: 'artifacts-env-configuration' },
      requestAutoCert: true,
      pools: [
        {
          name: 'pool-0',
          servers: 4,
          volumesPerServer: 2,
          volumeClaimTemplate: { metadata: { name: 'data' }, spec: { ...(storageClass ? { storageClassName: storageClass } : {}), accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '10Gi' } } } },
          resources: { requests: { cpu: '250m', memory: '512Mi' }, limits: { cpu: '500m', memory: '512Mi' } },
        },
      ],
      buckets: [{ name: 'ml-models' }, { name: 'build-artifacts' }],
    },
  };
}

/**
 * The ResNet run keeps its containers for a day after training (a common way to inspect a run's
 * outputs), which is what keeps this demo job Running; the spherelet derives run times from the
 * command's sleeps.
 */
const RESNET_FLAGS = '--train_epochs=90 --batch_size=256 --data_dir=/data/imagenet --model_dir=/models/resnet50';

function tfContainer(image: string, command: string[], cpu: string, memory: string): Record<string, unknown> {
  return { name: 'tensorflow', image, command, resources: { requests: { cpu, memory }, limits: { cpu, memory } } };
}

export function seedTfJobs(namespace: string): KubeObject[] {
  const mnist: KubeObject = {
    apiVersion: KUBEFLOW_V1,
    kind: 'TFJob',
    metadata: { name: 'mnist-train', namespace },
    spec: {
      runPolicy: { cleanPodPolicy: 'None' },
      tfReplicaSpecs: {
        Worker: {
          replicas: 1,
          restartPolicy: 'OnFailure',
          template: { spec: { containers: [tfContainer('kubeflow/tf-mnist-with-summaries:latest', ['python', '/var/tf_mnist/mnist_with_summaries.py', '--log_dir=/train/logs', '--learning_rate=0.01', '--batch_size=150'], '500m', '1Gi')] } },
        },
      },
    },
  };
  const resnet: KubeObject = {
    apiVersion: KUBEFLOW_V1,
    kind: 'TFJob',
    metadata: { name: 'resnet-train', namespace },
    spec: {
      runPolicy: { cleanPodPolicy: 'Running', backoffLimit: 3 },
      tfReplicaSpecs: {
        PS: {
          replicas: 1,
          restartPolicy: 'Never',
          template: { spec: { containers: [tfContainer('tensorflow/tensorflow:2.15.0', ['/bin/sh', '-c', `python /opt/resnet/resnet_main.py --job_name=ps ${RESNET_FLAGS}; sleep 86400`], '1', '2Gi')] } },
        },
        Worker: {
          replicas: 2,
          restartPolicy: 'OnFailure',
          template: { spec: { containers: [tfContainer('tensorflow/tensorflow:2.15.0', ['/bin/sh', '-c', `python /opt/resnet/resnet_main.py --job_name=worker ${RESNET_FLAGS}; sleep 86400`], '1', '2Gi')] } },
        },
      },
    },
  };
  return [mnist, resnet];
}
