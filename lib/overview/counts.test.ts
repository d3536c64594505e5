import { describe, expect, it } from 'vitest';
import { cnpgClusterDescriptor } from '../resources/descriptors/operator-services';
import { namespaceDescriptor, podDescriptor } from '../resources/descriptors/core';
import { virtualMachineDescriptor } from '../resources/descriptors/vm-service';
import { healthCounts, namespaceCounts, podBucket, podCounts, vmCounts } from './counts';
import { cachedStatus } from './status-cache';
import { cnpgCluster, namespace, pod, vm } from './test-support/fixtures';

const byKey = (buckets: { key: string; count: number }[]) => Object.fromEntries(buckets.map((b) => [b.key, b.count]));

describe('vmCounts', () => {
  it('counts VMs by actual power state and health, with the three power states always shown', () => {
    const vms = [
      vm('team-a', 'web-01', { node: 'esxi-01.vsphere.local' }),
      vm('team-a', 'web-02', { node: 'esxi-02.vsphere.local' }),
      vm('team-a', 'build-agent-01', { power: 'PoweredOff' }),
      vm('team-b', 'booting', { power: 'PoweredOff', desired: 'PoweredOn' }),
      vm('team-b', 'broken', { imageReady: false }),
    ];
    const c = vmCounts(virtualMachineDescriptor, vms);
    expect(c.total).toBe(5);
    expect(byKey(c.buckets)).toEqual({ PoweredOn: 2, PoweredOff: 2, Suspended: 0, Creating: 1 });
    expect(c.buckets.map((b) => b.label)).toEqual(['Powered on', 'Powered off', 'Suspended', 'Creating']);
    expect(c.buckets[1]!.filter).toBe('PoweredOff');
    expect(c.health).toEqual({ healthy: 3, progressing: 1, warning: 0, error: 1, unknown: 0 });
  });

  it('leaves Creating out when every VM reports a power state', () => {
    expect(vmCounts(virtualMachineDescriptor, [vm('a', 'x', { power: 'Suspended' })]).buckets.map((b) => b.key)).toEqual(['PoweredOn', 'PoweredOff', 'Suspended']);
  });
});

describe('podCounts', () => {
  it('folds kubectl statuses into Running, Pending, Failed, CrashLoopBackOff and the others present', () => {
    const pods = [
      pod('team-a', 'web-1', { node: 'esxi-01.vsphere.local' }),
      pod('team-a', 'web-2', { node: 'esxi-02.vsphere.local' }),
      pod('team-a', 'flaky-worker', { node: 'esxi-01.vsphere.local', waiting: 'CrashLoopBackOff', ready: false }),
      pod('team-a', 'pulling', { node: 'esxi-01.vsphere.local', waiting: 'ErrImagePull', ready: false }),
      pod('team-a', 'new', { phase: 'Pending' }),
      pod('team-a', 'db-migrate-x7k2p', { phase: 'Succeeded' }),
    ];
    const c = podCounts(podDescriptor, pods);
    expect(c.total).toBe(6);
    expect(byKey(c.buckets)).toEqual({ Running: 2, Pending: 1, Failed: 0, CrashLoopBackOff: 1, Completed: 1, ImagePullBackOff: 1 });
    expect(c.health.error).toBe(2);
    expect(c.health.healthy).toBe(3);
  });

  it.each([
    ['ContainerCreating', 'Pending'],
    ['Init:0/2', 'Pending'],
    ['Unschedulable', 'Pending'],
    ['Init:CrashLoopBackOff', 'CrashLoopBackOff'],
    ['OOMKilled', 'Failed'],
    ['ExitCode:137', 'Failed'],
    ['Error', 'Failed'],
    ['Evicted', 'Failed'],
    ['Terminating', 'Terminating'],
    ['CreateContainerConfigError', 'CreateContainerConfigError'],
  ])('puts %s under %s', (text, bucket) => {
    expect(podBucket(text)).toBe(bucket);
  });
});

describe('healthCounts and namespaceCounts', () => {
  it('counts operator-backed instances by health', () => {
    const c = healthCounts(cnpgClusterDescriptor, [cnpgCluster('team-a', 'orders-db', 3, 3), cnpgCluster('team-b', 'ledger', 3, 1)]);
    expect(c.total).toBe(2);
    expect(c.health.healthy).toBe(1);
    expect(c.health.healthy + c.health.progressing + c.health.warning + c.health.error).toBe(2);
    expect(c.buckets).toEqual([]);
  });

  it('counts namespaces by phase', () => {
    const c = namespaceCounts(namespaceDescriptor, [namespace('team-a'), namespace('team-b'), namespace('old', 'Terminating')]);
    expect(byKey(c.buckets)).toEqual({ Active: 2, Terminating: 1 });
    expect(c.health.progressing).toBe(1);
  });
});

describe('cachedStatus', () => {
  it('computes a status once per object version', () => {
    const a = vm('team-a', 'web-01');
    let calls = 0;
    const d = { id: 'test-vms', status: (o: typeof a) => (calls++, virtualMachineDescriptor.status(o)) };
    const first = cachedStatus(d, a);
    expect(cachedStatus(d, a)).toBe(first);
    expect(calls).toBe(1);
    // A watch event brings a new object: its status is computed afresh.
    const off = { ...a, status: { ...a.status, powerState: 'PoweredOff' } };
    expect(cachedStatus(d, off).text).toBe('PoweredOff → PoweredOn');
    expect(calls).toBe(2);
  });
});
