import { describe, expect, it } from 'vitest';
import { consumerUsage, containerUsage, formatUsage, hostBaseUsage, scrapeTime } from './usage-model';

const T = Date.parse('2026-01-01T12:00:00Z');
const MI = 1024 ** 2;

describe('usage model', () => {
  it('is deterministic per identity and time, and varies between containers', () => {
    const c = { name: 'app', resources: { requests: { cpu: '500m', memory: '512Mi' } } };
    expect(containerUsage('uid-1/app', c, T)).toEqual(containerUsage('uid-1/app', c, T));
    expect(containerUsage('uid-1/app', c, T)).not.toEqual(containerUsage('uid-2/app', c, T));
  });

  it('stays within a believable share of the request, and drifts slowly', () => {
    const c = { name: 'app', resources: { requests: { cpu: '1', memory: '1Gi' } } };
    for (let i = 0; i < 50; i++) {
      const u = containerUsage(`uid-${i}/app`, c, T + i * 60_000);
      expect(u.cpu).toBeGreaterThan(0);
      expect(u.cpu).toBeLessThan(1);
      expect(u.memory).toBeGreaterThan(0.2 * 1024 * MI);
      expect(u.memory).toBeLessThan(1024 * MI);
    }
    const a = containerUsage('uid-1/app', c, T);
    const b = containerUsage('uid-1/app', c, T + 15_000);
    expect(Math.abs(a.cpu - b.cpu)).toBeLessThan(0.03);
  });

  it('gives containers without requests a small footprint and scales VMs by reservation', () => {
    const u = containerUsage('uid-1/sidecar', { name: 'sidecar' }, T);
    expect(u.cpu).toBeLessThan(0.05);
    expect(u.memory).toBeLessThan(128 * MI);
    const vm = consumerUsage('team-a/db-vm', { cpu: 4, memory: 16 * 1024 * MI }, T);
    expect(vm.cpu).toBeLessThan(4);
    expect(vm.memory).toBeLessThan(16 * 1024 * MI);
    expect(hostBaseUsage('esxi-01', T).cpu).toBeGreaterThan(0.2);
  });

  it('formats like metrics-server and reports on a 15 s grid', () => {
    expect(formatUsage({ cpu: 0.25, memory: 512 * MI })).toEqual({ cpu: '250000000n', memory: '524288Ki' });
    expect(scrapeTime(T + 14_999)).toBe(T);
  });
});
