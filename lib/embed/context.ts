import type { KubeObject } from '../k8s/types';
import { descriptorForKind } from '../resources/registry';
import { isKubeRef, type ContextObject, type KubeRef } from './protocol';

/**
 * What a host's context object stands for in Glasspane. A generic host names Kubernetes objects
 * directly. The vSphere Client hands out managed-object URNs (`urn:vmomi:VirtualMachine:vm-1001:
 * <vCenter guid>`); a Supervisor VM is found by its vSphere id, which VM Operator reports as
 * `status.uniqueID`. Namespaces use `urn:vmomi:Namespace:<name>:<guid>` (an assumption: the
 * manifest object type of vSphere Namespaces is not documented; see README).
 */
export type ContextTarget =
  | { type: 'none' }
  | { type: 'page'; descriptorId: string; namespace?: string; name: string; ref: KubeRef }
  | { type: 'vm-by-moid'; moId: string }
  | { type: 'unsupported'; reason: string };

export const VM_DESCRIPTOR_ID = 'virtualmachines.vmoperator.vmware.com';
export const VM_GROUP = 'vmoperator.vmware.com';

export interface VsphereId {
  type: string;
  moId: string;
  serverGuid: string;
}

export function parseVsphereId(id: string): VsphereId | undefined {
  const m = /^urn:vmomi:([A-Za-z]+):([^:]+):(.*)$/.exec(id);
  return m ? { type: m[1]!, moId: m[2]!, serverGuid: m[3]! } : undefined;
}

export function vsphereId(type: string, moId: string, serverGuid: string): string {
  return `urn:vmomi:${type}:${moId}:${serverGuid}`;
}

/** The page a Kubernetes reference opens; nodes and namespaces have pages of their own. */
export function targetForRef(ref: KubeRef): ContextTarget {
  if (ref.group === '' && ref.kind === 'Node') return { type: 'page', descriptorId: 'nodes', name: ref.name, ref };
  if (ref.group === '' && ref.kind === 'Namespace') return { type: 'page', descriptorId: 'namespaces', name: ref.name, ref };
  const d = descriptorForKind(ref.group, ref.kind);
  if (!d) return { type: 'unsupported', reason: `Glasspane does not know the kind ${ref.kind}${ref.group ? ` (${ref.group})` : ''}.` };
  if (d.namespaced && !ref.namespace) return { type: 'unsupported', reason: `A ${d.label} needs a namespace.` };
  return { type: 'page', descriptorId: d.id, ...(d.namespaced ? { namespace: ref.namespace } : {}), name: ref.name, ref };
}

export function contextTarget(obj: ContextObject | undefined): ContextTarget {
  if (!obj) return { type: 'none' };
  if (isKubeRef(obj)) return targetForRef(obj);
  const id = parseVsphereId(obj.id);
  if (!id) return { type: 'unsupported', reason: `“${obj.id}” is not a vSphere object id.` };
  if (id.type === 'VirtualMachine') return { type: 'vm-by-moid', moId: id.moId };
  if (id.type === 'Namespace') return targetForRef({ group: '', kind: 'Namespace', name: id.moId });
  return { type: 'unsupported', reason: `Glasspane has no view for vSphere ${id.type} objects.` };
}

/** The Supervisor VM whose vSphere managed object id is `moId`. */
export function vmByMoId(vms: readonly KubeObject[], moId: string): KubeObject | undefined {
  return vms.find((vm) => (vm.status as { uniqueID?: unknown } | undefined)?.uniqueID === moId);
}

export function refOfVm(vm: KubeObject): KubeRef {
  return { group: VM_GROUP, kind: 'VirtualMachine', namespace: vm.metadata.namespace, name: vm.metadata.name ?? '' };
}

/** Whether two context lists name the same objects in the same order (a repeated `context` is a no-op). */
export function sameContext(a: readonly ContextObject[] | undefined, b: readonly ContextObject[] | undefined): boolean {
  return JSON.stringify(a ?? []) === JSON.stringify(b ?? []);
}
