/**
 * Canned answers of the throwaway API server used by supervisor/scripts/capture-kubectl-protobuf.ts:
 * just enough discovery and reads for the captured kubectl commands to reach their write. Writes
 * are answered with a generic object that satisfies every command's response handling.
 */
type Json = Record<string, unknown>;

const resource = (name: string, kind: string, namespaced: boolean, extra: Json = {}): Json => ({
  name,
  singularName: '',
  namespaced,
  kind,
  verbs: ['create', 'delete', 'get', 'list', 'patch', 'update', 'watch'],
  ...extra,
});

const GROUP_RESOURCES: Record<string, Json[]> = {
  v1: [
    resource('pods', 'Pod', true),
    resource('pods/eviction', 'Eviction', true, { group: 'policy', version: 'v1', verbs: ['create'] }),
    resource('pods/log', 'Pod', true, { verbs: ['get'] }),
    resource('configmaps', 'ConfigMap', true),
    resource('secrets', 'Secret', true),
    resource('namespaces', 'Namespace', false),
    resource('nodes', 'Node', false),
    resource('serviceaccounts', 'ServiceAccount', true),
    resource('serviceaccounts/token', 'TokenRequest', true, { group: 'authentication.k8s.io', version: 'v1', verbs: ['create'] }),
    resource('services', 'Service', true),
    resource('resourcequotas', 'ResourceQuota', true),
  ],
  'apps/v1': [
    resource('deployments', 'Deployment', true),
    resource('deployments/scale', 'Scale', true, { group: 'autoscaling', version: 'v1', verbs: ['get', 'patch', 'update'] }),
    resource('replicasets', 'ReplicaSet', true),
  ],
  'autoscaling/v1': [resource('horizontalpodautoscalers', 'HorizontalPodAutoscaler', true)],
  'autoscaling/v2': [resource('horizontalpodautoscalers', 'HorizontalPodAutoscaler', true)],
  'batch/v1': [resource('jobs', 'Job', true), resource('cronjobs', 'CronJob', true)],
  'policy/v1': [resource('poddisruptionbudgets', 'PodDisruptionBudget', true)],
  'rbac.authorization.k8s.io/v1': [resource('roles', 'Role', true), resource('rolebindings', 'RoleBinding', true), resource('clusterroles', 'ClusterRole', false), resource('clusterrolebindings', 'ClusterRoleBinding', false)],
  'authorization.k8s.io/v1': [resource('selfsubjectaccessreviews', 'SelfSubjectAccessReview', false, { verbs: ['create'] }), resource('selfsubjectrulesreviews', 'SelfSubjectRulesReview', true, { verbs: ['create'] })],
  'authentication.k8s.io/v1': [resource('selfsubjectreviews', 'SelfSubjectReview', false, { verbs: ['create'] })],
  'networking.k8s.io/v1': [resource('ingresses', 'Ingress', true)],
  'scheduling.k8s.io/v1': [resource('priorityclasses', 'PriorityClass', false)],
  'certificates.k8s.io/v1': [resource('certificatesigningrequests', 'CertificateSigningRequest', false), resource('certificatesigningrequests/approval', 'CertificateSigningRequest', false, { verbs: ['get', 'patch', 'update'] })],
};

const node: Json = { apiVersion: 'v1', kind: 'Node', metadata: { name: 'n1', uid: 'node-uid', resourceVersion: '1' }, spec: {}, status: {} };
const pod: Json = {
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'p1', namespace: 'default', uid: 'pod-uid', resourceVersion: '1', ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'rs1', uid: 'rs-uid', controller: true }] },
  spec: { nodeName: 'n1', containers: [{ name: 'c', image: 'busybox' }] },
  status: { phase: 'Running' },
};
const deployment: Json = {
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web', namespace: 'default', uid: 'deployment-uid', resourceVersion: '1' },
  spec: { replicas: 1, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'c', image: 'nginx' }] } } },
  status: {},
};
const csr: Json = {
  apiVersion: 'certificates.k8s.io/v1',
  kind: 'CertificateSigningRequest',
  metadata: { name: 'csr1', uid: 'csr-uid', resourceVersion: '1' },
  spec: { request: 'LS0tLS1CRUdJTiBDRVJUSUZJQ0FURSBSRVFVRVNULS0tLS0K', signerName: 'kubernetes.io/kube-apiserver-client', usages: ['client auth'], username: 'alice' },
  status: {},
};
const written: Json = {
  metadata: { name: 'captured', namespace: 'default', uid: 'captured-uid' },
  status: { allowed: true, token: 'captured-token', userInfo: { username: 'captured' } },
};
const notFound: Json = { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', reason: 'NotFound', message: 'not found', code: 404 };

export function stubResponse(method: string, url: string): { status: number; json: Json } {
  const p = url.split('?')[0] ?? '/';
  if (method === 'GET') {
    if (p === '/version') return { status: 200, json: { major: '1', minor: '32', gitVersion: 'v1.32.4', platform: 'linux/amd64' } };
    if (p === '/api') return { status: 200, json: { kind: 'APIVersions', versions: ['v1'], serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress: '127.0.0.1' }] } };
    if (p === '/apis') {
      const groups = Object.keys(GROUP_RESOURCES)
        .filter((gv) => gv.includes('/'))
        .map((gv) => ({ name: gv.split('/')[0], versions: [{ groupVersion: gv, version: gv.split('/')[1] }], preferredVersion: { groupVersion: gv, version: gv.split('/')[1] } }));
      return { status: 200, json: { kind: 'APIGroupList', apiVersion: 'v1', groups } };
    }
    const gv = p === '/api/v1' ? 'v1' : p.replace(/^\/apis\//, '');
    const resources = GROUP_RESOURCES[gv];
    if (resources) return { status: 200, json: { kind: 'APIResourceList', apiVersion: 'v1', groupVersion: gv, resources } };
    if (p === '/api/v1/nodes/n1') return { status: 200, json: node };
    if (p === '/api/v1/pods') return { status: 200, json: { kind: 'PodList', apiVersion: 'v1', metadata: { resourceVersion: '1' }, items: [pod] } };
    if (p === '/apis/certificates.k8s.io/v1/certificatesigningrequests/csr1') return { status: 200, json: csr };
    if (p === '/apis/apps/v1/namespaces/default/deployments/web') return { status: 200, json: deployment };
    return { status: 404, json: notFound };
  }
  if (method === 'PATCH' && p === '/api/v1/nodes/n1') return { status: 200, json: { ...node, spec: { unschedulable: true } } };
  if (method === 'PUT' && p.endsWith('/approval')) return { status: 200, json: csr };
  if (method === 'DELETE') return { status: 200, json: pod };
  return { status: 201, json: written };
}
