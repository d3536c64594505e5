import type { KubeObject } from '../../../api/types';
import type { ControllerContext } from '../../../controllers/controller-context';
import { WorkQueue, splitKey } from '../../../controllers/work-queue';
import type { StoreEvent } from '../../../storage/store';

/**
 * The reconcile loop every simulated operator runs, shaped like a controller-runtime manager:
 * events of the primary kind and of its children (found by controller owner reference, or by a
 * custom mapping such as a label) enqueue the primary's key; a work queue deduplicates keys and
 * calls `reconcile` on a later tick (never inside a store delivery). A reconcile may ask to be
 * called again after a simulated delay (`requeueAfter`, scaled by the supervisor's clock), which
 * is how time-based steps (a node finishing its start-up) resume after a restart as well.
 */
export interface ReconcileResult {
  /** Simulated milliseconds until the next reconcile of this key. */
  requeueAfter?: number;
}

export interface LoopOptions {
  /** Work queue name, for error messages. */
  name: string;
  /** Storage table of the primary kind, e.g. "postgresql.cnpg.io/clusters". */
  table: string;
  /** Kind and API group of the primary, to follow children's controller owner references. */
  ownerKind: string;
  ownerGroup: string;
  /** Tables whose objects are children of the primary. */
  childTables: string[];
  /** Extra mapping from any child-table object to primaries (e.g. by label, or across namespaces). */
  mapChild?: (obj: KubeObject) => { namespace: string; name: string }[];
  reconcile(namespace: string, name: string): ReconcileResult | void;
}

export interface ControllerLoop {
  enqueue(namespace: string, name: string): void;
  /** Enqueues every stored primary (on start, and once the kind becomes served). */
  resync(): void;
}

export function startControllerLoop(ctx: ControllerContext, o: LoopOptions): ControllerLoop {
  const timers = new Map<string, { at: number; cancel: () => void }>();
  const queue = new WorkQueue(o.name, (key) => {
    const { namespace, name } = splitKey(key);
    const result = o.reconcile(namespace, name);
    if (result?.requeueAfter !== undefined) schedule(key, result.requeueAfter);
  });

  const schedule = (key: string, simulatedMs: number): void => {
    const at = Date.now() + ctx.clock.real(simulatedMs);
    const existing = timers.get(key);
    if (existing && existing.at <= at) return;
    existing?.cancel();
    const cancel = ctx.clock.after(Math.max(simulatedMs, 1), () => {
      timers.delete(key);
      queue.add(key);
    });
    timers.set(key, { at, cancel });
  };

  const enqueue = (namespace: string, name: string): void => queue.add(namespace ? `${namespace}/${name}` : name);

  const onChild = (e: StoreEvent): void => {
    const obj = e.cur.obj;
    const ns = obj.metadata.namespace ?? '';
    for (const ref of obj.metadata.ownerReferences ?? []) {
      if (ref.kind === o.ownerKind && ref.apiVersion.startsWith(`${o.ownerGroup}/`)) enqueue(ns, ref.name);
    }
    for (const key of o.mapChild?.(obj) ?? []) enqueue(key.namespace, key.name);
  };

  const unsubscribers = [ctx.core.store.subscribe(o.table, (e) => enqueue(e.namespace, e.name)), ...o.childTables.map((t) => ctx.core.store.subscribe(t, onChild))];
  const resync = (): void => {
    for (const s of ctx.core.store.list(o.table)) enqueue(s.obj.metadata.namespace ?? '', s.obj.metadata.name ?? '');
  };
  resync();
  ctx.onStop(() => {
    for (const u of unsubscribers) u();
    for (const t of timers.values()) t.cancel();
    queue.stop();
  });
  return { enqueue, resync };
}
