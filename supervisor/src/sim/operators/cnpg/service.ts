import type { SupervisorServiceDef } from '../carvel/service-def';
import { cnpgCrds } from './crd';
import { CNPG_VERSION, OPERATOR_IMAGE } from './model';

/**
 * CloudNativePG packaged as a Supervisor Service (a "labs"-style service): catalog metadata,
 * install values schema, and the operator workload of the upstream 1.24.1 release manifest.
 */
const ICON = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><rect width="64" height="64" rx="12" fill="#1f3a5f"/><ellipse cx="32" cy="18" rx="16" ry="6" fill="#7fb3e6"/><path d="M16 18v26c0 3.3 7.2 6 16 6s16-2.7 16-6V18" fill="none" stroke="#7fb3e6" stroke-width="4"/><path d="M16 31c0 3.3 7.2 6 16 6s16-2.7 16-6" fill="none" stroke="#7fb3e6" stroke-width="3"/><text x="32" y="58" font-family="sans-serif" font-size="8" fill="#fff" text-anchor="middle">CNPG</text></svg>`;

export const cnpgService: SupervisorServiceDef = {
  id: 'cnpg.fling.vsphere.vmware.com',
  short: 'cnpg',
  version: CNPG_VERSION,
  releasedAt: '2024-10-16T10:07:39Z',
  displayName: 'CloudNativePG',
  shortDescription: 'CloudNativePG manages the full lifecycle of highly available PostgreSQL clusters with a primary/standby architecture and native streaming replication.',
  longDescription:
    'CloudNativePG is the Kubernetes operator that covers the full lifecycle of a highly available PostgreSQL database cluster with a primary/standby architecture, using native streaming replication. It provisions instances as vSphere Pods with persistent volumes, handles failover and switchover, rolling updates, scaling, TLS, backups to object stores and monitoring. DevOps users create `Cluster` resources (postgresql.cnpg.io/v1) in their vSphere Namespaces.',
  providerName: 'VMware',
  maintainers: ['supervisor-services-labs.pdl@broadcom.com'],
  categories: ['Database', 'Data services'],
  supportDescription: 'Community supported (Supervisor Services Labs). CloudNativePG is a CNCF Sandbox project.',
  iconSvg: ICON,
  licenses: ['Apache 2.0'],
  bundleImage: `projects.registry.vmware.com/vsphere-labs/cloudnative-pg:${CNPG_VERSION}`,
  valuesSchema: {
    type: 'object',
    properties: {
      namespace: { type: 'string', default: 'cnpg-system', description: 'The namespace in which to deploy the CloudNativePG operator.' },
      image: { type: 'string', default: OPERATOR_IMAGE, description: 'Image of the CloudNativePG operator.' },
      replicaCount: { type: 'integer', default: 1, minimum: 1, description: 'Number of operator replicas (one is elected leader).' },
      logLevel: { type: 'string', default: 'info', enum: ['error', 'warning', 'info', 'debug', 'trace'], description: 'Log level of the operator.' },
      config: {
        type: 'object',
        description: 'Operator configuration (the cnpg-controller-manager-config ConfigMap).',
        properties: {
          clusterWide: { type: 'boolean', default: true, description: 'Watch Cluster resources in every namespace.' },
          inheritedLabels: { type: 'string', default: '', description: 'Comma-separated label names a Cluster passes on to the objects it creates.' },
          inheritedAnnotations: { type: 'string', default: '', description: 'Comma-separated annotation names a Cluster passes on to the objects it creates.' },
          enableInstanceManagerInplaceUpdates: { type: 'boolean', default: false, description: 'Upgrade the instance manager in place instead of rolling the pods.' },
        },
      },
      monitoring: {
        type: 'object',
        description: 'Monitoring integration.',
        properties: {
          podMonitorEnabled: { type: 'boolean', default: false, description: 'Create a PodMonitor for the operator (requires the Prometheus operator).' },
          grafanaDashboard: { type: 'boolean', default: false, description: 'Install the CloudNativePG Grafana dashboard ConfigMap.' },
        },
      },
      resources: {
        type: 'object',
        description: 'Resources of the operator pod.',
        properties: {
          requests: { type: 'object', properties: { cpu: { type: 'string', default: '100m' }, memory: { type: 'string', default: '100Mi' } } },
          limits: { type: 'object', properties: { cpu: { type: 'string', default: '100m' }, memory: { type: 'string', default: '200Mi' } } },
        },
      },
    },
  },
  values: { image: OPERATOR_IMAGE, replicaCount: 1, logLevel: 'info', config: { clusterWide: true } },
  operator: {
    deployment: 'cnpg-controller-manager',
    serviceAccount: 'cnpg-manager',
    image: OPERATOR_IMAGE,
    command: ['/manager'],
    args: ['controller', '--leader-elect', '--max-concurrent-reconciles=10', '--config-map-name=cnpg-controller-manager-config', '--secret-name=cnpg-controller-manager-config', '--webhook-port=9443'],
    ports: [
      { name: 'metrics', containerPort: 8080 },
      { name: 'webhook-server', containerPort: 9443 },
    ],
    labels: { 'app.kubernetes.io/name': 'cloudnative-pg' },
    env: [
      { name: 'OPERATOR_IMAGE_NAME', value: OPERATOR_IMAGE },
      { name: 'MONITORING_QUERIES_CONFIGMAP', value: 'cnpg-default-monitoring' },
    ],
    resources: { requests: { cpu: '100m', memory: '100Mi' }, limits: { cpu: '100m', memory: '200Mi' } },
    services: [{ name: 'cnpg-webhook-service', ports: [{ name: 'webhook-server', port: 443, targetPort: 9443 }] }],
    probePort: 9443,
  },
  crds: cnpgCrds,
};
