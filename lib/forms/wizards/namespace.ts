import type { KubeObject } from '../../k8s/types';

/**
 * The namespace wizard's objects, as a vSphere Namespace is set up: the Namespace, a
 * ResourceQuota (CPU, memory, storage in total and per storage class, VM count) and a
 * LimitRange giving containers default requests and limits. Names derive from the namespace's.
 */
export const VM_COUNT_KEY = 'count/virtualmachines.vmoperator.vmware.com';

export function storageKey(storageClass: string): string {
  return `${storageClass}.storageclass.storage.k8s.io/requests.storage`;
}

export function quotaName(ns: string): string {
  return `${ns}-quota`;
}

export function limitRangeName(ns: string): string {
  return `${ns}-limits`;
}

export function newNamespaceDocs(name: string): KubeObject[] {
  return [
    { apiVersion: 'v1', kind: 'Namespace', metadata: { name } },
    {
      apiVersion: 'v1',
      kind: 'ResourceQuota',
      metadata: { name: quotaName(name), namespace: name },
      spec: { hard: { 'requests.cpu': '8', 'limits.cpu': '16', 'requests.memory': '32Gi', 'limits.memory': '64Gi', 'requests.storage': '200Gi', [VM_COUNT_KEY]: '5' } },
    },
    {
      apiVersion: 'v1',
      kind: 'LimitRange',
      metadata: { name: limitRangeName(name), namespace: name },
      spec: { limits: [{ type: 'Container', defaultRequest: { cpu: '100m', memory: '128Mi' }, default: { cpu: '500m', memory: '512Mi' } }] },
    },
  ];
}

/** Renames the namespace and everything in it that is named after it. */
export function renameNamespace(values: readonly unknown[], from: string, to: string): unknown[] {
  if (from === to) return [...values];
  return values.map((v) => {
    const o = structuredClone(v) as KubeObject;
    if (!o || typeof o !== 'object' || !o.metadata) return v;
    if (o.kind === 'Namespace' && o.metadata.name === from) o.metadata.name = to;
    if (o.metadata.namespace === from) o.metadata.namespace = to;
    if (o.kind === 'ResourceQuota' && o.metadata.name === quotaName(from)) o.metadata.name = quotaName(to);
    if (o.kind === 'LimitRange' && o.metadata.name === limitRangeName(from)) o.metadata.name = limitRangeName(to);
    return o;
  });
}
