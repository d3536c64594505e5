import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../k8s/types';
import { hostAllocation, quotaLines } from './capacity';
import { explainCondition } from './condition-help';

const node: KubeObject = {
  apiVersion: 'v1',
  kind: 'Node',
  metadata: { name: 'esxi-01.vsphere.local' },
  status: { capacity: { cpu: '48', memory: '402653184Ki' }, allocatable: { cpu: '47400m', memory: '398356480Ki' } },
};
const pod = (name: string, nodeName: string, cpu: string, memory: string, phase = 'Running'): KubeObject => ({
  metadata: { name, namespace: 'team-a' },
  spec: { nodeName, containers: [{ name: 'a', resources: { requests: { cpu, memory } } }, { name: 'b' }] },
  status: { phase },
});
const vm = (name: string, nodeName: string, power: string, cpus: number, memory: string): KubeObject => ({
  metadata: { name, namespace: 'team-a' },
  status: { nodeName, powerState: power, hardware: { cpu: { total: cpus }, memory: { total: memory } } },
});

describe('host allocation', () => {
  it('sums active pod requests and running VM hardware on the host against allocatable', () => {
    const a = hostAllocation(
      node,
      [pod('p1', 'esxi-01.vsphere.local', '500m', '1Gi'), pod('p2', 'esxi-01.vsphere.local', '1', '512Mi'), pod('done', 'esxi-01.vsphere.local', '4', '4Gi', 'Succeeded'), pod('elsewhere', 'esxi-02.vsphere.local', '8', '8Gi')],
      [vm('web-01', 'esxi-01.vsphere.local', 'PoweredOn', 2, '4Gi'), vm('off', 'esxi-01.vsphere.local', 'PoweredOff', 4, '16Gi'), vm('far', 'esxi-03.vsphere.local', 'PoweredOn', 8, '8Gi')],
    );
    expect(a.cpu).toEqual({ used: 3.5, total: 47.4 });
    expect(a.memory).toEqual({ used: 1.5 * 2 ** 30 + 4 * 2 ** 30, total: 398356480 * 1024 });
    expect(a.pods).toBe(2);
    expect(a.vms).toBe(2);
  });

  it('falls back to capacity when allocatable is missing', () => {
    const bare: KubeObject = { metadata: { name: 'n' }, status: { capacity: { cpu: '8', memory: '16Gi' } } };
    expect(hostAllocation(bare, [], []).cpu).toEqual({ used: 0, total: 8 });
  });
});

describe('quota lines', () => {
  it('reads used / hard per resource from the quota status', () => {
    const quota: KubeObject = {
      metadata: { name: 'team-a-quota', namespace: 'team-a' },
      spec: { hard: { 'requests.cpu': '16', 'requests.memory': '64Gi', pods: '50' } },
      status: { hard: { 'requests.cpu': '16', 'requests.memory': '64Gi', pods: '50' }, used: { 'requests.cpu': '6', 'requests.memory': '16Gi' } },
    };
    expect(quotaLines([quota])).toEqual([
      { quota: 'team-a-quota', resource: 'pods', used: '0', hard: '50', fraction: 0 },
      { quota: 'team-a-quota', resource: 'requests.cpu', used: '6', hard: '16', fraction: 0.375 },
      { quota: 'team-a-quota', resource: 'requests.memory', used: '16Gi', hard: '64Gi', fraction: 0.25 },
    ]);
  });

  it('uses spec.hard before the controller has filled the status', () => {
    expect(quotaLines([{ metadata: { name: 'q' }, spec: { hard: { 'count/configmaps': '0' } } }])).toEqual([{ quota: 'q', resource: 'count/configmaps', used: '0', hard: '0', fraction: undefined }]);
  });
});

describe('conditions explained', () => {
  it('knows positive and negative condition types', () => {
    expect(explainCondition({ type: 'Ready', status: 'True' })).toEqual({ meaning: 'The object is ready to serve.', verdict: 'ok' });
    expect(explainCondition({ type: 'PodScheduled', status: 'False', reason: 'Unschedulable' }).verdict).toBe('bad');
    expect(explainCondition({ type: 'MemoryPressure', status: 'False' }).verdict).toBe('ok');
    expect(explainCondition({ type: 'MemoryPressure', status: 'True' }).verdict).toBe('bad');
    expect(explainCondition({ type: 'VirtualMachinePowerStateSynced', status: 'Unknown' }).verdict).toBe('unknown');
  });

  it('describes unknown types from their name', () => {
    expect(explainCondition({ type: 'ContinuousArchiving', status: 'True' })).toEqual({ meaning: 'Continuous Archiving.', verdict: 'ok' });
    expect(explainCondition({ type: 'StorageDegraded', status: 'True' })).toEqual({ meaning: 'Storage Degraded (a problem when True).', verdict: 'bad' });
  });
});
