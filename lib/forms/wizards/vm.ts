import type { KubeObject } from '../../k8s/types';
import { valueAt } from '../value-diff';

/**
 * The objects of the VM wizard, as plain data: the VirtualMachine (VM Service v1alpha2+ shape),
 * and around it a cloud-init Secret referenced by `spec.bootstrap.cloudInit.rawCloudConfig`,
 * PVCs for its data volumes, and a VirtualMachineService that exposes it (selecting the VM by
 * its `app` label). The wizard keeps these documents consistent (names derive from the VM's).
 */
export const VM_GROUP = 'vmoperator.vmware.com';
export const CLOUD_INIT_KEY = 'user-data';

export type PowerState = 'PoweredOn' | 'PoweredOff';

export interface VmPort {
  name: string;
  port: number;
  targetPort: number;
  protocol: 'TCP' | 'UDP';
}

export interface VmVolume {
  name: string;
  size: string;
  storageClass?: string;
}

export function newVm(namespace: string, name: string, version: string): KubeObject {
  return {
    apiVersion: `${VM_GROUP}/${version}`,
    kind: 'VirtualMachine',
    metadata: { name, namespace, labels: { app: name } },
    spec: { powerState: 'PoweredOn' },
  };
}

export function cloudInitSecretName(vm: string): string {
  return `${vm}-cloud-init`;
}

export function cloudInitSecret(vm: string, namespace: string, userData: string): KubeObject {
  return { apiVersion: 'v1', kind: 'Secret', metadata: { name: cloudInitSecretName(vm), namespace }, type: 'Opaque', stringData: { [CLOUD_INIT_KEY]: userData } };
}

export function vmService(vm: string, namespace: string, version: string, type: 'LoadBalancer' | 'ClusterIP', ports: VmPort[]): KubeObject {
  return {
    apiVersion: `${VM_GROUP}/${version}`,
    kind: 'VirtualMachineService',
    metadata: { name: vm, namespace },
    spec: { type, selector: { app: vm }, ports: ports.map((p) => ({ name: p.name, protocol: p.protocol, port: p.port, targetPort: p.targetPort })) },
  };
}

export function volumeClaimName(vm: string, volume: string): string {
  return `${vm}-${volume}`;
}

export function volumeClaim(vm: string, namespace: string, v: VmVolume): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'PersistentVolumeClaim',
    metadata: { name: volumeClaimName(vm, v.name), namespace },
    spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: v.size } }, ...(v.storageClass ? { storageClassName: v.storageClass } : {}) },
  };
}

/** The user-data of the cloud-init Secret (stringData, or base64 data). */
export function secretUserData(secret: unknown): string | undefined {
  const s = valueAt(secret, ['stringData', CLOUD_INIT_KEY]);
  if (typeof s === 'string') return s;
  const d = valueAt(secret, ['data', CLOUD_INIT_KEY]);
  if (typeof d !== 'string') return undefined;
  try {
    return new TextDecoder().decode(Uint8Array.from(atob(d), (c) => c.charCodeAt(0)));
  } catch {
    return undefined;
  }
}

function rename(v: unknown, from: string, to: string): string | undefined {
  return typeof v === 'string' && (v === from || v.startsWith(`${from}-`)) ? to + v.slice(from.length) : undefined;
}

function setPath(obj: unknown, path: (string | number)[], value: unknown): void {
  let cur = obj as Record<string | number, unknown>;
  for (const k of path.slice(0, -1)) cur = cur[k] as Record<string | number, unknown>;
  cur[path[path.length - 1]!] = value;
}

/**
 * The documents after renaming the VM from `from` to `to`: the VM, its `app` label, and every
 * name derived from it (the cloud-init Secret and its reference, volume claims and their
 * references, the VM service and its selector). Names the user changed by hand stay.
 */
export function renameVm(values: readonly unknown[], from: string, to: string): unknown[] {
  if (from === to) return [...values];
  return values.map((v) => {
    const o = structuredClone(v) as KubeObject;
    if (!o || typeof o !== 'object') return v;
    const edit = (path: (string | number)[]) => {
      const next = rename(valueAt(o, path), from, to);
      if (next !== undefined) setPath(o, path, next);
    };
    edit(['metadata', 'name']);
    if (o.kind === 'VirtualMachine') {
      edit(['metadata', 'labels', 'app']);
      edit(['spec', 'bootstrap', 'cloudInit', 'rawCloudConfig', 'name']);
      ((o.spec?.volumes as unknown[]) ?? []).forEach((_, i) => edit(['spec', 'volumes', i, 'persistentVolumeClaim', 'claimName']));
    }
    if (o.kind === 'VirtualMachineService') edit(['spec', 'selector', 'app']);
    return o;
  });
}

/** Index of the document that is the VM's cloud-init Secret (by the VM's reference), or -1. */
export function cloudInitSecretIndex(values: readonly unknown[], vmIndex: number): number {
  const ref = valueAt(values[vmIndex], ['spec', 'bootstrap', 'cloudInit', 'rawCloudConfig', 'name']);
  if (typeof ref !== 'string') return -1;
  return values.findIndex((v) => valueAt(v, ['kind']) === 'Secret' && valueAt(v, ['metadata', 'name']) === ref);
}

/** Indexes of the PVC documents, by claim name. */
export function claimIndexes(values: readonly unknown[]): Map<string, number> {
  const out = new Map<string, number>();
  values.forEach((v, i) => {
    if (valueAt(v, ['kind']) === 'PersistentVolumeClaim') out.set(String(valueAt(v, ['metadata', 'name']) ?? ''), i);
  });
  return out;
}

/** DNS-1123 subdomain check with a plain message, or undefined when fine. */
export function nameProblem(name: string, what = 'The name'): string | undefined {
  if (!name) return `${what} is required.`;
  if (name.length > 63) return `${what} must be at most 63 characters.`;
  if (!/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(name)) return `${what} may use lower-case letters, digits and "-", and must start and end with a letter or digit.`;
  return undefined;
}
