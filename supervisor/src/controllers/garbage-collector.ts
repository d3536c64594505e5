import type { KubeObject, OwnerReference } from '../api/types';
import { deleteObject, type PropagationPolicy } from '../core/deletion';
import { SYSTEM_USER } from '../core/objects';
import { clone, type Stored, type StoreEvent } from '../storage/store';
import type { ControllerContext } from './controller-context';
import { WorkQueue } from './work-queue';

/**
 * Owner-reference garbage collection (kube-controller-manager's garbage collector):
 * - background: dependents whose owners are all gone are deleted; refs to gone owners are dropped;
 * - foreground: an owner with the `foregroundDeletion` finalizer has its dependents deleted
 *   (foreground too) and loses the finalizer once no blocking dependent remains;
 * - orphan: an owner with the `orphan` finalizer has its refs removed from its dependents, then
 *   loses the finalizer.
 * The graph is indexed by uid from the store's event stream.
 */
interface Ref {
  table: string;
  namespace: string;
  name: string;
}

export function startGarbageCollector({ core, onStop }: ControllerContext): void {
  const { store, registry, objects } = core;
  const byUid = new Map<string, Ref>();
  const dependents = new Map<string, Set<string>>();
  const refKey = (r: Ref): string => `${r.table}|${r.namespace}|${r.name}`;
  const parseRef = (k: string): Ref => {
    const [table, namespace, name] = k.split('|') as [string, string, string];
    return { table, namespace, name };
  };
  const opts = { user: SYSTEM_USER, fieldManager: 'generic-garbage-collector' };

  const index = (s: Stored, table: string, add: boolean): void => {
    const meta = s.obj.metadata;
    const ref: Ref = { table, namespace: meta.namespace ?? '', name: meta.name ?? '' };
    if (meta.uid) {
      if (add) byUid.set(meta.uid, ref);
      else if (byUid.get(meta.uid) && refKey(byUid.get(meta.uid)!) === refKey(ref)) byUid.delete(meta.uid);
    }
    for (const o of meta.ownerReferences ?? []) {
      let set = dependents.get(o.uid);
      if (!set) dependents.set(o.uid, (set = new Set()));
      if (add) set.add(refKey(ref));
      else {
        set.delete(refKey(ref));
        if (set.size === 0) dependents.delete(o.uid);
      }
    }
  };

  const ownerExists = (owner: OwnerReference, dependent: Ref): boolean => {
    const ref = byUid.get(owner.uid);
    if (!ref) return false;
    return ref.namespace === '' || ref.namespace === dependent.namespace;
  };

  const update = (ref: Ref, mutate: (obj: KubeObject) => void): void => {
    const stored = store.get(ref.table, ref.namespace, ref.name);
    const rt = registry.forTable(ref.table);
    if (!stored || !rt) return;
    const next = clone<KubeObject>(stored);
    mutate(next);
    objects.commitUpdate(rt, stored, next, opts);
  };

  const remove = (ref: Ref, policy: PropagationPolicy): void => {
    const rt = registry.forTable(ref.table);
    const stored = store.get(ref.table, ref.namespace, ref.name);
    if (!rt || !stored || stored.obj.metadata.deletionTimestamp) return;
    deleteObject(objects, rt, ref.namespace, ref.name, { propagationPolicy: policy }, opts);
  };

  const processDependent = (ref: Ref): void => {
    const stored = store.get(ref.table, ref.namespace, ref.name);
    const owners = stored?.obj.metadata.ownerReferences ?? [];
    if (!stored || owners.length === 0) return;
    const gone = owners.filter((o) => !ownerExists(o, ref));
    if (gone.length === 0) return;
    if (gone.length === owners.length) remove(ref, 'Background');
    else update(ref, (o) => (o.metadata.ownerReferences = owners.filter((x) => !gone.includes(x))));
  };

  const processOwner = (uid: string): void => {
    const ref = byUid.get(uid);
    const stored = ref ? store.get(ref.table, ref.namespace, ref.name) : undefined;
    if (!ref || !stored || !stored.obj.metadata.deletionTimestamp) return;
    const finalizers = stored.obj.metadata.finalizers ?? [];
    const deps = [...(dependents.get(uid) ?? [])].map(parseRef);
    if (finalizers.includes('orphan')) {
      for (const d of deps) update(d, (o) => (o.metadata.ownerReferences = (o.metadata.ownerReferences ?? []).filter((x) => x.uid !== uid)));
      update(ref, (o) => (o.metadata.finalizers = (o.metadata.finalizers ?? []).filter((f) => f !== 'orphan')));
      return;
    }
    if (finalizers.includes('foregroundDeletion')) {
      let blocking = 0;
      for (const d of deps) {
        const dep = store.get(d.table, d.namespace, d.name);
        if (!dep) continue;
        const owned = (dep.obj.metadata.ownerReferences ?? []).find((x) => x.uid === uid);
        if (owned?.blockOwnerDeletion) blocking++;
        if ((dep.obj.metadata.ownerReferences ?? []).length > 1) update(d, (o) => (o.metadata.ownerReferences = (o.metadata.ownerReferences ?? []).filter((x) => x.uid !== uid)));
        else remove(d, 'Foreground');
      }
      if (blocking === 0) update(ref, (o) => (o.metadata.finalizers = (o.metadata.finalizers ?? []).filter((f) => f !== 'foregroundDeletion')));
      else queue.addAfter(`owner:${uid}`, 200);
    }
  };

  const queue = new WorkQueue('garbage-collector', (key) => {
    if (key.startsWith('owner:')) processOwner(key.slice(6));
    else processDependent(parseRef(key.slice(4)));
  });

  const onEvent = (e: StoreEvent): void => {
    if (e.prev) index(e.prev, e.table, false);
    if (e.type !== 'DELETED') index(e.cur, e.table, true);
    const meta = e.cur.obj.metadata;
    const uid = meta.uid ?? '';
    if (e.type === 'DELETED') {
      for (const d of dependents.get(uid) ?? []) queue.add(`dep:${d}`);
      return;
    }
    if (meta.deletionTimestamp && (meta.finalizers ?? []).some((f) => f === 'orphan' || f === 'foregroundDeletion')) queue.add(`owner:${uid}`);
    if (meta.ownerReferences?.length) queue.add(`dep:${refKey({ table: e.table, namespace: e.namespace, name: e.name })}`);
    // A dependent that blocked a foreground deletion is gone or changed: look at its owners again.
    for (const o of e.prev?.obj.metadata.ownerReferences ?? []) if (byUid.has(o.uid)) queue.add(`owner:${o.uid}`);
  };

  for (const table of store.tableNames()) for (const s of store.list(table)) index(s, table, true);
  for (const table of store.tableNames()) {
    for (const s of store.list(table)) {
      const meta = s.obj.metadata;
      if (meta.ownerReferences?.length) queue.add(`dep:${refKey({ table, namespace: meta.namespace ?? '', name: meta.name ?? '' })}`);
      if (meta.deletionTimestamp) queue.add(`owner:${meta.uid}`);
    }
  }
  const unsubscribe = store.subscribe('*', onEvent);
  onStop(() => {
    unsubscribe();
    queue.stop();
  });
}
