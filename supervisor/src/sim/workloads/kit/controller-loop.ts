import type { ControllerContext } from '../../../controllers/controller-context';
import { WorkQueue } from '../../../controllers/work-queue';
import type { StoreEvent } from '../../../storage/store';
import { isNamespaceTerminating } from './pod-control';

/**
 * The skeleton every workload controller shares: a WorkQueue of `namespace/name` keys of its
 * primary kind, filled from store events of that kind and of the kinds it watches (mapped to
 * primary keys), from a full enqueue at start (so a restarted supervisor resumes from stored
 * state), and from delayed requeues measured in simulated time. Store subscribers only enqueue;
 * all reads and writes happen in `sync`, on a later tick.
 */
export interface Watch {
  table: string;
  keys(event: StoreEvent): Iterable<string>;
}

export interface ControllerSpec {
  name: string;
  primary: string;
  sync(key: string): void;
  watches?: Watch[];
  /** Also re-sync every primary object this often (simulated ms), like an informer resync. */
  resyncMs?: number;
}

export interface ControllerHandle {
  enqueue(key: string): void;
  /** Syncs `key` again after `simMs` simulated milliseconds (the earliest pending request wins). */
  requeueAfter(key: string, simMs: number): void;
}

export function keyOf(namespace: string | undefined, name: string | undefined): string {
  return `${namespace ?? ''}/${name ?? ''}`;
}

export function startController(ctx: ControllerContext, spec: ControllerSpec): ControllerHandle {
  // Writes into a namespace being deleted are refused; its content is going away, so there is
  // nothing to retry (upstream controllers drop these errors too).
  const queue = new WorkQueue(spec.name, (key) => {
    try {
      spec.sync(key);
    } catch (e) {
      if (!isNamespaceTerminating(e)) throw e;
    }
  });
  const timers = new Map<string, { at: number; cancel: () => void }>();
  const { store } = ctx.core;

  const enqueueAll = (): void => {
    for (const s of store.list(spec.primary)) queue.add(keyOf(s.obj.metadata.namespace, s.obj.metadata.name));
  };
  const unsubscribers = [store.subscribe(spec.primary, (e) => queue.add(keyOf(e.namespace, e.name)))];
  for (const w of spec.watches ?? []) {
    unsubscribers.push(
      store.subscribe(w.table, (e) => {
        for (const key of w.keys(e)) queue.add(key);
      }),
    );
  }
  // The first pass waits a tick so that objects the server creates at start (namespaces) exist.
  setImmediate(enqueueAll);
  if (spec.resyncMs) ctx.onStop(ctx.clock.every(spec.resyncMs, enqueueAll));

  const handle: ControllerHandle = {
    enqueue: (key) => queue.add(key),
    requeueAfter(key, simMs) {
      const at = Date.now() + ctx.clock.real(simMs);
      const pending = timers.get(key);
      if (pending && pending.at <= at) return;
      pending?.cancel();
      const cancel = ctx.clock.after(simMs, () => {
        timers.delete(key);
        queue.add(key);
      });
      timers.set(key, { at, cancel });
    },
  };
  ctx.onStop(() => {
    for (const u of unsubscribers) u();
    for (const t of timers.values()) t.cancel();
    queue.stop();
  });
  return handle;
}
