import { SYSTEM_USER } from '../core/objects';
import type { ControllerContext } from './controller-context';
import { WorkQueue } from './work-queue';

/**
 * Per-namespace defaults that kube-controller-manager creates: the `default` ServiceAccount and
 * the `kube-root-ca.crt` ConfigMap holding the cluster CA, recreated if deleted.
 */
export function startServiceAccountController({ core, onStop }: ControllerContext, caPem: string): void {
  const { store, registry, objects } = core;
  const saType = registry.lookup('', 'v1', 'serviceaccounts')!;
  const cmType = registry.lookup('', 'v1', 'configmaps')!;
  const opts = { user: SYSTEM_USER, fieldManager: 'kube-controller-manager' };
  const queue = new WorkQueue('serviceaccount-controller', (ns) => {
    const namespace = store.get('core/namespaces', '', ns);
    if (!namespace || namespace.obj.metadata.deletionTimestamp) return;
    if (!store.get('core/serviceaccounts', ns, 'default')) {
      objects.create(saType, ns, { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'default' } }, opts);
    }
    if (!store.get('core/configmaps', ns, 'kube-root-ca.crt')) {
      objects.create(cmType, ns, { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'kube-root-ca.crt', annotations: { 'kubernetes.io/description': 'Contains a CA bundle that can be used to verify the kube-apiserver when using internal endpoints such as the internal service IP or kubernetes.default.svc. No other usage is guaranteed across distributions of Kubernetes clusters.' } }, data: { 'ca.crt': caPem } }, opts);
    }
  });
  const unsubs = [
    store.subscribe('core/namespaces', (e) => e.type !== 'DELETED' && queue.add(e.name)),
    store.subscribe('core/serviceaccounts', (e) => e.type === 'DELETED' && e.name === 'default' && queue.add(e.namespace)),
    store.subscribe('core/configmaps', (e) => e.type === 'DELETED' && e.name === 'kube-root-ca.crt' && queue.add(e.namespace)),
  ];
  for (const s of store.list('core/namespaces')) queue.add(s.obj.metadata.name ?? '');
  onStop(() => {
    for (const u of unsubs) u();
    queue.stop();
  });
}
