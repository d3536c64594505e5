import type { SupervisorServiceDef } from '../carvel/service-def';
import { minioCrds } from './crd';

/**
 * The MinIO operator packaged as a Supervisor Service (the vSAN Data Persistence Platform
 * object store): catalog metadata, install values schema and the operator workload.
 */
export const MINIO_OPERATOR_VERSION = '6.0.4';
export const MINIO_IMAGE = 'quay.io/minio/minio:RELEASE.2024-10-13T13-34-11Z';
const IMAGE = `quay.io/minio/operator:v${MINIO_OPERATOR_VERSION}`;
const ICON = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><rect width="64" height="64" rx="12" fill="#2a0b10"/><path d="M20 50V22l12 14 12-14v28" fill="none" stroke="#c72e49" stroke-width="6" stroke-linejoin="round"/><circle cx="32" cy="14" r="4" fill="#c72e49"/></svg>`;

export const minioService: SupervisorServiceDef = {
  id: 'minio.vsphere.vmware.com',
  short: 'minio',
  version: MINIO_OPERATOR_VERSION,
  releasedAt: '2024-09-25T17:30:02Z',
  displayName: 'MinIO Object Storage',
  shortDescription: 'MinIO is a high performance, S3 compatible object store for vSphere Namespaces.',
  longDescription:
    'MinIO is part of the vSAN Data Persistence Platform. The MinIO operator deploys multi-tenant, S3 compatible object storage: each `Tenant` (minio.min.io/v2) is a set of server pools, every pool a StatefulSet of MinIO servers with several persistent volumes each, fronted by the `minio` S3 service and the MinIO Console, with automatic TLS, initial users and buckets.',
  providerName: 'VMware',
  maintainers: ['vsphere-supervisor-services@broadcom.com'],
  categories: ['Storage', 'Object storage', 'Data services'],
  supportDescription: 'Supported with a MinIO subscription; the Supervisor Service integration is supported by VMware by Broadcom.',
  iconSvg: ICON,
  licenses: ['GNU AGPL v3'],
  bundleImage: `projects.packages.broadcom.com/vsphere/supervisor/minio/${MINIO_OPERATOR_VERSION}/minio:${MINIO_OPERATOR_VERSION}`,
  valuesSchema: {
    type: 'object',
    properties: {
      namespace: { type: 'string', default: 'minio-operator', description: 'The namespace in which to deploy the MinIO operator.' },
      image: { type: 'string', default: IMAGE, description: 'Image of the MinIO operator.' },
      replicaCount: { type: 'integer', default: 1, minimum: 1, description: 'Number of operator replicas.' },
      clusterDomain: { type: 'string', default: 'cluster.local', description: 'Cluster domain used in the tenants\' service names and certificates.' },
      defaultTenantImage: { type: 'string', default: MINIO_IMAGE, description: 'MinIO server image used when a Tenant does not name one.' },
    },
  },
  values: { image: IMAGE, replicaCount: 1 },
  operator: {
    deployment: 'minio-operator',
    serviceAccount: 'minio-operator',
    image: IMAGE,
    args: ['controller'],
    ports: [
      { name: 'http', containerPort: 4221 },
      { name: 'https', containerPort: 4223 },
    ],
    labels: { 'app.kubernetes.io/name': 'operator', 'app.kubernetes.io/instance': 'minio-operator' },
    env: [{ name: 'MINIO_CONSOLE_TLS_ENABLE', value: 'off' }],
    resources: { requests: { cpu: '200m', memory: '256Mi' }, limits: { cpu: '500m', memory: '512Mi' } },
    services: [
      { name: 'operator', ports: [{ name: 'http', port: 4221, targetPort: 4221 }] },
      { name: 'sts', ports: [{ name: 'https', port: 4223, targetPort: 4223 }] },
    ],
  },
  crds: minioCrds,
};
