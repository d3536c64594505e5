import { describe, expect, it } from 'vitest';
import { involvedRef, recentWarnings } from './warning-events';
import { event } from './test-support/fixtures';

describe('recentWarnings', () => {
  const events = [
    event({ ns: 'team-a', reason: 'BackOff', message: 'Back-off restarting failed container worker in pod flaky-worker_team-a', kind: 'Pod', name: 'flaky-worker', last: '2026-11-26T02:10:00Z', count: 14 }),
    event({ ns: 'team-a', type: 'Normal', reason: 'Pulled', message: 'Container image already present', kind: 'Pod', name: 'web-1', last: '2026-11-26T02:20:00Z' }),
    event({ ns: 'team-b', reason: 'FailedScheduling', message: '0/4 nodes are available', kind: 'Pod', name: 'big', last: '2026-11-26T02:15:00Z' }),
    event({ ns: 'team-a', reason: 'ReconcileError', message: 'image not found', kind: 'VirtualMachine', name: 'broken', apiVersion: 'vmoperator.vmware.com/v1alpha3', last: '2026-11-26T01:50:00Z' }),
  ];

  it('keeps Warning events only, newest first, with the object they are about', () => {
    const rows = recentWarnings(events);
    expect(rows.map((r) => r.reason)).toEqual(['FailedScheduling', 'BackOff', 'ReconcileError']);
    expect(rows[1]).toMatchObject({ namespace: 'team-a', count: 14, involved: { group: '', kind: 'Pod', namespace: 'team-a', name: 'flaky-worker' } });
    expect(rows[2]!.involved).toEqual({ group: 'vmoperator.vmware.com', kind: 'VirtualMachine', namespace: 'team-a', name: 'broken' });
  });

  it('returns at most `limit`, the newest ones, whatever the input order', () => {
    const many = Array.from({ length: 100 }, (_, i) => event({ ns: 'scale-001', reason: `R${i}`, message: '', kind: 'Pod', name: `p${i}`, last: new Date(Date.UTC(2026, 10, 26, 0, 0, (i * 37) % 100)).toISOString() }));
    const rows = recentWarnings(many, 5);
    expect(rows).toHaveLength(5);
    const times = rows.map((r) => r.lastSeen);
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(Math.min(...times)).toBe(Date.UTC(2026, 10, 26, 0, 1, 35));
  });

  it('reads the group of an involved object from its apiVersion', () => {
    expect(involvedRef(event({ ns: 'a', reason: 'x', message: '', kind: 'Deployment', name: 'web', apiVersion: 'apps/v1', last: '2026-11-26T00:00:00Z' })).group).toBe('apps');
  });
});
