import type { KubeObject } from '../api/types';
import { isObject } from '../api/types';
import { SYSTEM_USER } from '../core/objects';
import { clone } from '../storage/store';
import { stableStringify } from '../util/stable-json';
import { formatQuantity, quantityKind } from '../util/quantity';
import type { ControllerContext } from './controller-context';
import { WorkQueue } from './work-queue';

/**
 * Keeps every ResourceQuota's status current (kube-controller-manager's resourcequota
 * controller): status.hard mirrors spec.hard, status.used is recomputed when anything in the
 * namespace changes.
 */
const QUOTAS = 'core/resourcequotas';

export function startQuotaController({ core, onStop, quotas: evaluators }: ControllerContext): void {
  const { store, registry, objects } = core;
  const rt = registry.lookup('', 'v1', 'resourcequotas')!;
  const queue = new WorkQueue('resourcequota-controller', (namespace) => {
    for (const q of store.list(QUOTAS, namespace)) {
      const hard = isObject(q.obj.spec) && isObject(q.obj.spec.hard) ? (q.obj.spec.hard as Record<string, string>) : {};
      const used = evaluators.namespaceUsage(store, registry.tables(), namespace, new Set(Object.keys(hard)));
      const status = {
        hard: { ...hard },
        used: Object.fromEntries(Object.keys(hard).sort().map((k) => [k, formatQuantity(used[k] ?? 0, quantityKind(k))])),
      };
      if (stableStringify(q.obj.status ?? {}) === stableStringify(status)) continue;
      const next = clone<KubeObject>(q);
      next.status = status;
      objects.commitUpdate(rt, q, next, { user: SYSTEM_USER, fieldManager: 'resourcequota-controller', subresource: 'status' });
    }
  });
  const unsubscribe = store.subscribe('*', (e) => {
    if (!e.namespace) return;
    if (e.table === QUOTAS ? e.type !== 'DELETED' : store.count(QUOTAS, e.namespace) > 0) queue.add(e.namespace);
  });
  for (const q of store.list(QUOTAS)) queue.add(q.obj.metadata.namespace ?? '');
  onStop(() => {
    unsubscribe();
    queue.stop();
  });
}
