import { findKindSchema, type KindSchema, type OpenApiDocument } from '../openapi-schema';
import apps from './apps-v1.json';
import vm from './vm-crd.json';

/** Trimmed copies of the supervisor's real /openapi/v3 documents (apps/v1, vmoperator v1alpha5). */
export const APPS_V1 = apps as OpenApiDocument;
export const VMOP = vm as OpenApiDocument;

export function deploymentSchema(): KindSchema {
  return findKindSchema(APPS_V1, { group: 'apps', version: 'v1', kind: 'Deployment' })!;
}

export function vmSchema(): KindSchema {
  return findKindSchema(VMOP, { group: 'vmoperator.vmware.com', version: 'v1alpha5', kind: 'VirtualMachine' })!;
}

/** A Deployment as the editor shows it: comments, kubectl layout, a field the schema lacks under annotations. */
export const DEPLOYMENT_YAML = `# web front end
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web # the name
  namespace: shop
  labels:
    app: web
  resourceVersion: "1042"
spec:
  replicas: 2 # two for now
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: web
        image: nginx:1.27 # pinned
        ports:
        - containerPort: 80
      - name: sidecar
        image: busybox:1.36
`;

export function liveDeployment(overrides: { replicas?: number; labels?: Record<string, string>; resourceVersion?: string; image?: string } = {}) {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: {
      name: 'web',
      namespace: 'shop',
      uid: '6f1c2b1e-2a55-4d0e-9d1e-0c7e0f7b9a11',
      resourceVersion: overrides.resourceVersion ?? '1042',
      generation: 3,
      creationTimestamp: '2025-03-01T10:00:00Z',
      labels: overrides.labels ?? { app: 'web' },
      annotations: { 'deployment.kubernetes.io/revision': '1', 'kubectl.kubernetes.io/last-applied-configuration': '{"apiVersion":"apps/v1"}' },
      managedFields: [{ manager: 'kubectl-create', operation: 'Update', apiVersion: 'apps/v1', time: '2025-03-01T10:00:00Z', fieldsType: 'FieldsV1', fieldsV1: {} }],
    },
    spec: {
      replicas: overrides.replicas ?? 2,
      selector: { matchLabels: { app: 'web' } },
      template: {
        metadata: { labels: { app: 'web' } },
        spec: { containers: [{ name: 'web', image: overrides.image ?? 'nginx:1.27', ports: [{ containerPort: 80, protocol: 'TCP' }] }] },
      },
    },
    status: { replicas: 2, readyReplicas: 2, observedGeneration: 3 },
  };
}
