import type { KubeObject } from '../k8s/types';

/**
 * "My resources": what the user made in the namespace, i.e. the objects nothing else owns —
 * VMs, bare pods (not those of a ReplicaSet, Job or operator), Deployments, operator service
 * instances, VirtualMachineServices and Services (not those a VirtualMachineService or an
 * operator creates). Newest first, so what was just created is on top.
 */
export interface ResourceRow {
  /** The kind's registry descriptor id. */
  descriptorId: string;
  obj: KubeObject;
}

/** Whether another object controls (or owns) it: then it is a part, not something the user made. */
export function isOwned(obj: KubeObject): boolean {
  return (obj.metadata.ownerReferences ?? []).length > 0;
}

function created(obj: KubeObject): number {
  return Date.parse(obj.metadata.creationTimestamp ?? '') || 0;
}

export function myResources(lists: readonly { descriptorId: string; items: readonly KubeObject[] }[]): ResourceRow[] {
  const rows: ResourceRow[] = [];
  for (const l of lists) for (const obj of l.items) if (!isOwned(obj)) rows.push({ descriptorId: l.descriptorId, obj });
  return rows.sort((a, b) => created(b.obj) - created(a.obj) || (a.obj.metadata.name ?? '').localeCompare(b.obj.metadata.name ?? ''));
}

/** Stable key of a row across watch events. */
export function rowKey(r: ResourceRow): string {
  return `${r.descriptorId}/${r.obj.metadata.namespace ?? ''}/${r.obj.metadata.name ?? ''}`;
}
