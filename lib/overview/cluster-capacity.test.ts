import { describe, expect, it } from 'vitest';
import { amountText, capacitySentence, clusterCapacity, percent } from './cluster-capacity';
import { node, pod, vm, withHardware, withRequests } from './test-support/fixtures';

const ESXI1 = 'esxi-01.vsphere.local';
const ESXI2 = 'esxi-02.vsphere.local';

describe('clusterCapacity', () => {
  const nodes = [node(ESXI2, { ready: 'Unknown' }), node(ESXI1)];
  const pods = [
    withRequests(pod('team-a', 'web-1', { node: ESXI1 }), '100m', '128Mi'),
    withRequests(pod('team-a', 'api-1', { node: ESXI1 }), '250m', '256Mi'),
    // Finished pods hold nothing; unscheduled ones sit on no host.
    withRequests(pod('team-a', 'db-migrate', { node: ESXI1, phase: 'Succeeded' }), '1', '1Gi'),
    withRequests(pod('team-a', 'pending', { phase: 'Pending' }), '1', '1Gi'),
    withRequests(pod('team-b', 'redis-0', { node: ESXI2 }), '100m', '128Mi'),
  ];
  const vms = [
    withHardware(vm('team-a', 'web-01', { node: ESXI1 }), 2, '4Gi'),
    withHardware(vm('team-a', 'db-01', { node: ESXI1, power: 'Suspended' }), 4, '16Gi'),
    withHardware(vm('team-a', 'build-agent-01', { node: ESXI2, power: 'PoweredOff' }), 4, '8Gi'),
  ];
  const c = clusterCapacity(nodes, pods, vms);

  it('adds pod requests and powered-on or suspended VMs per host, hosts in name order', () => {
    expect(c.hosts.map((h) => h.name)).toEqual([ESXI1, ESXI2]);
    const [one, two] = c.hosts;
    expect(one!.allocation.cpu.used).toBeCloseTo(0.35 + 2 + 4);
    expect(one!.allocation.memory.used).toBe((128 + 256) * 2 ** 20 + 20 * 2 ** 30);
    // Allocatable (47400m), not capacity (48).
    expect(one!.allocation.cpu.total).toBeCloseTo(47.4);
    expect(one!.allocation.pods).toBe(2);
    expect(one!.allocation.vms).toBe(2);
    expect(two!.allocation.cpu.used).toBeCloseTo(0.1);
    expect(two!.allocation.vms).toBe(1);
  });

  it('sums the cluster and counts Ready hosts', () => {
    expect(c.cpu.used).toBeCloseTo(6.45);
    expect(c.cpu.total).toBeCloseTo(94.8);
    expect(c.ready).toBe(1);
    expect(c.hosts[1]!.status.health).toBe('error');
  });

  it('says each bar in words', () => {
    expect(capacitySentence('esxi-01', 'cpu', { used: 12, total: 48 })).toBe('esxi-01: CPU 12 of 48 cores allocated (25%)');
    expect(capacitySentence('esxi-01', 'memory', { used: 96 * 2 ** 30, total: 384 * 2 ** 30 })).toBe('esxi-01: memory 96 GiB of 384 GiB allocated (25%)');
    expect(capacitySentence('esxi-09', 'cpu', { used: 0, total: 0 })).toBe('esxi-09: CPU 0 of 0 cores allocated (no capacity reported)');
    expect(amountText('cpu', { used: 0.35, total: 47.4 })).toBe('0.35 of 47.4 cores');
    expect(amountText('memory', { used: 0, total: 2 ** 30 })).toBe('0 B of 1 GiB');
    expect(percent({ used: 1, total: 3 })).toBe(33);
    expect(percent({ used: 1, total: 0 })).toBeUndefined();
  });

  it('stays linear for a large inventory', () => {
    const many = Array.from({ length: 32 }, (_, i) => node(`esxi-${100 + i}.vsphere.local`));
    const bigPods = Array.from({ length: 60_000 }, (_, i) => withRequests(pod(`scale-${i % 50}`, `p-${i}`, { node: `esxi-${100 + (i % 32)}.vsphere.local` }), '100m', '64Mi'));
    const started = performance.now();
    const big = clusterCapacity(many, bigPods, []);
    expect(performance.now() - started).toBeLessThan(2000);
    expect(big.hosts.reduce((n, h) => n + h.allocation.pods, 0)).toBe(60_000);
    expect(big.cpu.used).toBeCloseTo(6000);
  });
});
