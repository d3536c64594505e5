import type { KubeObject, OwnerReference } from '../k8s/types';
import type { ObjectRef } from '../resources/types';

/**
 * Ownership through metadata.ownerReferences: who an object's owners are (as references the
 * console can link and fetch), and which objects of a pool descend from a given object.
 * Owners live in the same namespace as the object, or are cluster-scoped.
 */
export function groupOfApiVersion(apiVersion: string | undefined): string {
  if (!apiVersion) return '';
  const slash = apiVersion.indexOf('/');
  return slash < 0 ? '' : apiVersion.slice(0, slash);
}

export interface OwnerLink extends ObjectRef {
  uid: string;
  controller: boolean;
}

/** The object's owners, the controller first. */
export function ownersOf(obj: KubeObject): OwnerLink[] {
  const refs = (obj.metadata.ownerReferences ?? []).filter((r): r is OwnerReference => typeof r?.kind === 'string' && typeof r?.name === 'string');
  return refs
    .map((r) => ({ group: groupOfApiVersion(r.apiVersion), kind: r.kind, name: r.name, namespace: obj.metadata.namespace, uid: r.uid, controller: r.controller === true }))
    .sort((a, b) => Number(b.controller) - Number(a.controller));
}

export function isOwnedBy(child: KubeObject, parentUid: string | undefined): boolean {
  return !!parentUid && (child.metadata.ownerReferences ?? []).some((r) => r.uid === parentUid);
}

/**
 * Objects of `pool` that descend from `root` through ownerReferences (children, grandchildren…),
 * each once, in breadth-first order. Cycles are harmless.
 */
export function descendantsOf(root: KubeObject, pool: KubeObject[]): KubeObject[] {
  const byOwner = new Map<string, KubeObject[]>();
  for (const o of pool) {
    for (const r of o.metadata.ownerReferences ?? []) {
      if (!r.uid) continue;
      const list = byOwner.get(r.uid) ?? [];
      list.push(o);
      byOwner.set(r.uid, list);
    }
  }
  const seen = new Set<string>(root.metadata.uid ? [root.metadata.uid] : []);
  const out: KubeObject[] = [];
  const queue = [root.metadata.uid];
  while (queue.length) {
    const uid = queue.shift();
    if (!uid) continue;
    for (const child of byOwner.get(uid) ?? []) {
      const id = child.metadata.uid;
      if (!id || seen.has(id)) continue;
      seen.add(id);
      out.push(child);
      queue.push(id);
    }
  }
  return out;
}
