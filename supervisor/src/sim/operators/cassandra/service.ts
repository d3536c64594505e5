import type { SupervisorServiceDef } from '../carvel/service-def';
import { cassandraCrds } from './crd';
import { CASS_OPERATOR_VERSION } from './model';

/**
 * K8ssandra cass-operator packaged as a Supervisor Service: catalog metadata, install values
 * schema, and the operator workload of the upstream release manifest.
 */
const IMAGE = `cr.k8ssandra.io/k8ssandra/cass-operator:${CASS_OPERATOR_VERSION}`;
const ICON = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><rect width="64" height="64" rx="12" fill="#0f2b3d"/><circle cx="32" cy="30" r="15" fill="none" stroke="#5bc0de" stroke-width="4"/><circle cx="32" cy="30" r="6" fill="#5bc0de"/><path d="M10 30h7M47 30h7M32 8v7M32 45v7" stroke="#5bc0de" stroke-width="3"/><text x="32" y="60" font-family="sans-serif" font-size="7" fill="#fff" text-anchor="middle">CASSANDRA</text></svg>`;

export const cassandraService: SupervisorServiceDef = {
  id: 'cass-operator.fling.vsphere.vmware.com',
  short: 'cass-operator',
  version: CASS_OPERATOR_VERSION.replace(/^v/, ''),
  releasedAt: '2024-10-25T08:41:12Z',
  displayName: 'Cassandra Operator (K8ssandra cass-operator)',
  shortDescription: 'cass-operator automates the deployment and management of Apache Cassandra datacenters on Kubernetes.',
  longDescription:
    'The K8ssandra cass-operator runs Apache Cassandra (and DataStax Enterprise / HCD) datacenters. Each `CassandraDatacenter` (cassandra.datastax.com/v1beta1) becomes one StatefulSet per rack with persistent data volumes; the operator starts nodes in a safe order through the management API, maintains seed nodes, scales racks up and down with decommissioning, and generates the superuser credentials.',
  providerName: 'VMware',
  maintainers: ['supervisor-services-labs.pdl@broadcom.com'],
  categories: ['Database', 'NoSQL'],
  supportDescription: 'Community supported (Supervisor Services Labs). cass-operator is part of the K8ssandra project.',
  iconSvg: ICON,
  licenses: ['Apache 2.0'],
  bundleImage: `projects.registry.vmware.com/vsphere-labs/cass-operator:${CASS_OPERATOR_VERSION}`,
  valuesSchema: {
    type: 'object',
    properties: {
      namespace: { type: 'string', default: 'cass-operator', description: 'The namespace in which to deploy cass-operator.' },
      image: { type: 'string', default: IMAGE, description: 'Image of cass-operator.' },
      watchNamespaces: { type: 'array', items: { type: 'string' }, default: [], description: 'Namespaces to watch for CassandraDatacenters; empty watches all namespaces.' },
      imageConfig: {
        type: 'object',
        description: 'Default images of the Cassandra pods.',
        properties: {
          systemLogger: { type: 'string', default: `cr.k8ssandra.io/k8ssandra/system-logger:${CASS_OPERATOR_VERSION}`, description: 'Log tailing sidecar image.' },
          configBuilder: { type: 'string', default: 'cr.k8ssandra.io/k8ssandra/k8ssandra-client:v0.6.4', description: 'Config builder init container image.' },
          imageRegistry: { type: 'string', default: '', description: 'Registry to pull server images from, if not the defaults.' },
        },
      },
    },
  },
  values: { image: IMAGE, watchNamespaces: [] },
  operator: {
    deployment: 'cass-operator-controller-manager',
    serviceAccount: 'cass-operator-controller-manager',
    image: IMAGE,
    command: ['/manager'],
    args: ['--config=/configs/controller_manager_config.yaml'],
    ports: [{ name: 'webhook-server', containerPort: 9443 }],
    labels: { 'control-plane': 'controller-manager', 'app.kubernetes.io/name': 'cass-operator' },
    env: [{ name: 'WATCH_NAMESPACE', value: '' }],
    resources: { requests: { cpu: '100m', memory: '64Mi' }, limits: { cpu: '500m', memory: '256Mi' } },
    services: [{ name: 'cass-operator-webhook-service', ports: [{ name: 'webhook-server', port: 443, targetPort: 9443 }] }],
    probePort: 8081,
  },
  crds: cassandraCrds,
};
