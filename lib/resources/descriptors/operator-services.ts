import { genericStatus } from '../../health/conditions';
import { cassandraStatus, cnpgClusterStatus, minioTenantStatus, trainingJobStatus } from '../../health/service-health';
import { ageColumn, nameColumn, namespaceColumn, pathColumn } from '../columns';
import { cassandraForm, cnpgClusterForm, minioTenantForm, tfJobForm } from '../../forms/service-forms';
import type { ResourceDescriptor } from '../types';

/** Operator-backed services: each kind is its own group under a namespace's Services. */
export const cnpgClusterDescriptor: ResourceDescriptor = {
  id: 'clusters.postgresql.cnpg.io', group: 'postgresql.cnpg.io', versions: ['v1'], resource: 'clusters', kind: 'Cluster', namespaced: true,
  label: 'PostgreSQL cluster', labelPlural: 'PostgreSQL clusters', icon: 'database', actions: ['scale', 'delete'], searchable: true,
  tree: { group: 'PostgreSQL clusters', order: 40, service: true },
  subresources: ['scale', 'status'],
  columns: [nameColumn, namespaceColumn, pathColumn('instances', 'Instances', 'spec.instances', { align: 'right' }), pathColumn('ready', 'Ready', 'status.readyInstances', { align: 'right' }), pathColumn('phase', 'Status', 'status.phase', { width: 2 }), pathColumn('primary', 'Primary', 'status.currentPrimary'), ageColumn],
  status: cnpgClusterStatus,
  form: cnpgClusterForm,
};

export const cassandraDescriptor: ResourceDescriptor = {
  id: 'cassandradatacenters.cassandra.datastax.com', group: 'cassandra.datastax.com', versions: ['v1beta1'], resource: 'cassandradatacenters', kind: 'CassandraDatacenter', namespaced: true,
  label: 'Cassandra datacenter', labelPlural: 'Cassandra datacenters', icon: 'database', actions: ['delete'], searchable: true,
  tree: { group: 'Cassandra datacenters', order: 41, service: true },
  columns: [nameColumn, namespaceColumn, pathColumn('cluster', 'Cluster', 'spec.clusterName'), pathColumn('size', 'Size', 'spec.size', { align: 'right' }), pathColumn('progress', 'Progress', 'status.cassandraOperatorProgress'), ageColumn],
  status: cassandraStatus,
  form: cassandraForm,
};

export const tfJobDescriptor: ResourceDescriptor = {
  id: 'tfjobs.kubeflow.org', group: 'kubeflow.org', versions: ['v1'], resource: 'tfjobs', kind: 'TFJob', namespaced: true,
  label: 'TensorFlow job', labelPlural: 'TensorFlow jobs', icon: 'job', actions: ['delete'], searchable: true,
  tree: { group: 'TensorFlow jobs', order: 42, service: true },
  columns: [nameColumn, namespaceColumn, { id: 'state', header: 'State', cell: (o) => trainingJobStatus(o).text }, ageColumn],
  status: trainingJobStatus,
  form: tfJobForm,
};

export const minioTenantDescriptor: ResourceDescriptor = {
  id: 'tenants.minio.min.io', group: 'minio.min.io', versions: ['v2'], resource: 'tenants', kind: 'Tenant', namespaced: true,
  label: 'MinIO tenant', labelPlural: 'MinIO tenants', icon: 'storage', actions: ['delete'], searchable: true,
  tree: { group: 'MinIO tenants', order: 43, service: true },
  columns: [nameColumn, namespaceColumn, pathColumn('state', 'State', 'status.currentState'), pathColumn('health', 'Health', 'status.healthStatus'), ageColumn],
  status: minioTenantStatus,
  form: minioTenantForm,
};

export const packageMetadataDescriptor: ResourceDescriptor = {
  id: 'packagemetadatas.data.packaging.carvel.dev', group: 'data.packaging.carvel.dev', versions: ['v1alpha1'], resource: 'packagemetadatas', kind: 'PackageMetadata', namespaced: true,
  label: 'Supervisor Service', labelPlural: 'Supervisor Services', icon: 'package', actions: [],
  columns: [nameColumn, pathColumn('display', 'Display name', 'spec.displayName', { width: 2 }), pathColumn('description', 'Description', 'spec.shortDescription', { width: 4 }), ageColumn],
  status: genericStatus,
};

export const OPERATOR_DESCRIPTORS = [cnpgClusterDescriptor, cassandraDescriptor, tfJobDescriptor, minioTenantDescriptor, packageMetadataDescriptor];
