import { describe, expect, it } from 'vitest';
import { overallHealth } from './overall-health';

const counts = (h: Partial<Record<'healthy' | 'progressing' | 'warning' | 'error' | 'unknown', number>>) => ({ healthy: 0, progressing: 0, warning: 0, error: 0, unknown: 0, ...h });

describe('overallHealth', () => {
  it('is the worst of the parts, with a line per unhealthy part, worst first', () => {
    const o = overallHealth([
      { one: 'host', many: 'hosts', health: counts({ healthy: 4 }) },
      { one: 'virtual machine', many: 'virtual machines', health: counts({ healthy: 9, progressing: 2, warning: 1 }) },
      { one: 'vSphere Pod', many: 'vSphere Pods', health: counts({ healthy: 20, error: 1 }) },
    ]);
    expect(o.health).toBe('error');
    expect(o.reasons).toEqual(['1 vSphere Pod in error', '1 virtual machine with warnings', '2 virtual machines progressing']);
    expect(o.pending).toBe(0);
  });

  it('is healthy when every part is', () => {
    expect(overallHealth([{ one: 'host', many: 'hosts', health: counts({ healthy: 4 }) }])).toEqual({ health: 'healthy', reasons: [], pending: 0 });
  });

  it('counts parts still loading, and is unknown until one is known', () => {
    expect(overallHealth([{ one: 'host', many: 'hosts' }])).toEqual({ health: 'unknown', reasons: [], pending: 1 });
    expect(overallHealth([{ one: 'host', many: 'hosts' }, { one: 'pod', many: 'pods', health: counts({ healthy: 1 }) }])).toMatchObject({ health: 'healthy', pending: 1 });
  });

  it('an empty inventory is healthy', () => {
    expect(overallHealth([{ one: 'VM', many: 'VMs', health: counts({}) }]).health).toBe('healthy');
  });
});
