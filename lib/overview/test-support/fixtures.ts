import type { KubeObject } from '../../k8s/types';

/**
 * Additions to the inventory fixtures for the Overview: pod requests as the workload seed sets
 * them, a VM's `status.hardware` as the VM Service controller reports it, and core/v1 Events as
 * the spherelet's and controllers' event recorders write them.
 */
export { namespace, node, pod, vm, deployment, cnpgCluster } from '../../inventory/test-support/fixtures';

export function withRequests(pod: KubeObject, cpu: string, memory: string): KubeObject {
  const containers = (pod.spec?.containers as Record<string, unknown>[]).map((c) => ({ ...c, resources: { requests: { cpu, memory }, limits: { cpu, memory } } }));
  return { ...pod, spec: { ...pod.spec, containers } };
}

export function withHardware(vm: KubeObject, cpus: number, memory: string): KubeObject {
  return { ...vm, status: { ...vm.status, hardware: { cpu: { total: cpus, reservation: 0 }, memory: { total: memory, reservation: '0' } } } };
}

let n = 0;

export function event(opts: { ns: string; type?: 'Normal' | 'Warning'; reason: string; message: string; kind: string; name: string; apiVersion?: string; last: string; count?: number }): KubeObject {
  n++;
  return {
    apiVersion: 'v1',
    kind: 'Event',
    metadata: { name: `${opts.name}.${(0x17a3f0c2b0d4e000 + n).toString(16)}`, namespace: opts.ns, uid: `e0000000-0000-4000-8000-${String(n).padStart(12, '0')}`, resourceVersion: String(1000 + n), creationTimestamp: opts.last },
    involvedObject: { apiVersion: opts.apiVersion ?? 'v1', kind: opts.kind, name: opts.name, namespace: opts.ns, uid: `11111111-0000-4000-8000-${String(n).padStart(12, '0')}`, ...(opts.kind === 'Pod' ? { fieldPath: 'spec.containers{worker}' } : {}) },
    reason: opts.reason,
    message: opts.message,
    source: { component: 'spherelet', host: 'esxi-01.vsphere.local' },
    firstTimestamp: '2026-11-26T01:40:00Z',
    lastTimestamp: opts.last,
    count: opts.count ?? 1,
    type: opts.type ?? 'Warning',
    reportingComponent: 'spherelet',
    reportingInstance: 'esxi-01.vsphere.local',
  };
}
