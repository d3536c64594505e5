import { deleteObject } from '../core/deletion';
import { SYSTEM_USER } from '../core/objects';
import type { KubeObject } from '../api/types';
import { clone } from '../storage/store';
import type { ControllerContext } from './controller-context';
import { WorkQueue } from './work-queue';

/**
 * Namespace lifecycle (kube-controller-manager's namespace controller): once a namespace is
 * Terminating, delete everything in it, wait until it is gone (finalizers and graceful pod
 * deletion included), then clear spec.finalizers so the namespace itself goes away.
 */
const RETRY_MS = 250;

export function startNamespaceController({ core, onStop }: ControllerContext): void {
  const { store, registry, objects } = core;
  const nsType = registry.lookup('', 'v1', 'namespaces')!;

  const queue = new WorkQueue('namespace-controller', (name) => {
    const stored = store.get('core/namespaces', '', name);
    if (!stored || !stored.obj.metadata.deletionTimestamp) return;
    let remaining = 0;
    for (const rt of registry.tables()) {
      if (!rt.namespaced) continue;
      for (const s of store.list(rt.table, name)) {
        remaining++;
        if (s.obj.metadata.deletionTimestamp) continue;
        try {
          deleteObject(objects, rt, name, s.obj.metadata.name ?? '', { propagationPolicy: 'Background' }, { user: SYSTEM_USER, fieldManager: 'namespace-controller' });
        } catch {
          // Already gone or refused by admission; the next pass looks again.
        }
      }
    }
    if (remaining > 0) {
      queue.addAfter(name, RETRY_MS);
      return;
    }
    const next = clone<KubeObject>(stored);
    next.spec = { ...(next.spec as object), finalizers: [] };
    objects.commitUpdate(nsType, stored, next, { user: SYSTEM_USER, fieldManager: 'namespace-controller', subresource: 'finalize' });
  });

  const unsubscribe = store.subscribe('core/namespaces', (e) => {
    if (e.type !== 'DELETED' && e.cur.obj.metadata.deletionTimestamp) queue.add(e.name);
  });
  for (const s of store.list('core/namespaces')) if (s.obj.metadata.deletionTimestamp) queue.add(s.obj.metadata.name ?? '');
  onStop(() => {
    unsubscribe();
    queue.stop();
  });
}
