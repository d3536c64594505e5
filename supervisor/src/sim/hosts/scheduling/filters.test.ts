import { describe, expect, it } from 'vitest';
import { candidate, request } from '../testing/fixtures';
import { filterNode, resourceReasons } from './filters';
import { nodeAffinityOf } from './node-affinity';
import { balancedAllocationScore, leastAllocatedScore, selectHost } from './scoring';

const GI = 1024 ** 3;

describe('filterNode', () => {
  it('rejects a cordoned host unless the pod tolerates the unschedulable taint', () => {
    const cordoned = candidate('esxi-01', { unschedulable: true, taints: [{ key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' }] });
    expect(filterNode(cordoned, request())).toEqual({ reasons: ['node(s) were unschedulable'], unresolvable: true });
    expect(filterNode(cordoned, request({ tolerations: [{ key: 'node.kubernetes.io/unschedulable', operator: 'Exists', effect: 'NoSchedule' }] })).reasons).toEqual([]);
  });

  it('rejects untolerated NoSchedule and NoExecute taints, not PreferNoSchedule', () => {
    const down = candidate('esxi-02', { taints: [{ key: 'node.kubernetes.io/unreachable', effect: 'NoSchedule' }] });
    expect(filterNode(down, request())).toEqual({ reasons: ['node(s) had untolerated taint {node.kubernetes.io/unreachable: }'], unresolvable: true });
    expect(filterNode(candidate('esxi-03', { taints: [{ key: 'soft', effect: 'PreferNoSchedule' }] }), request()).reasons).toEqual([]);
  });

  it('applies nodeSelector and required node affinity', () => {
    const zoneB = candidate('esxi-03', { labels: { 'topology.kubernetes.io/zone': 'zone-b' } });
    expect(filterNode(zoneB, request({ nodeSelector: { 'topology.kubernetes.io/zone': 'zone-a' } })).reasons).toEqual(["node(s) didn't match Pod's node affinity/selector"]);
    const affinity = nodeAffinityOf({ affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'topology.kubernetes.io/zone', operator: 'NotIn', values: ['zone-b'] }] }] } } } });
    expect(filterNode(zoneB, request({ affinity })).unresolvable).toBe(true);
    expect(filterNode(candidate('esxi-01'), request({ affinity })).reasons).toEqual([]);
  });

  it('reports every short resource, and pods without requests only need a pod slot', () => {
    const full = candidate('esxi-04', { allocatable: { cpu: 4, memory: 8 * GI, pods: 2 }, requested: { cpu: 3.8, memory: 7.9 * GI, pods: 2 } });
    expect(filterNode(full, request({ requests: { cpu: 0.5, memory: GI } }))).toEqual({ reasons: ['Too many pods', 'Insufficient cpu', 'Insufficient memory'], unresolvable: false });
    const roomy = candidate('esxi-04', { allocatable: { cpu: 4, memory: 8 * GI, pods: 3 }, requested: { cpu: 4, memory: 8 * GI, pods: 2 } });
    expect(resourceReasons(roomy, request({ requests: { cpu: 0, memory: 0 } }))).toEqual([]);
    expect(resourceReasons(roomy, request({ requests: { cpu: 0, memory: 0 }, podSlot: false }))).toEqual([]);
  });

  it('compares CPU in whole millicores (0.1 + 0.2 fits 0.3)', () => {
    const n = candidate('esxi-01', { allocatable: { cpu: 0.3, memory: GI, pods: 10 }, requested: { cpu: 0.1, memory: 0, pods: 1 } });
    expect(resourceReasons(n, request({ requests: { cpu: 0.2, memory: 0 } }))).toEqual([]);
  });

  it('rules out hosts the caller avoids', () => {
    expect(filterNode(candidate('esxi-02'), request({ avoid: ['esxi-02'] })).unresolvable).toBe(true);
  });
});

describe('scoring', () => {
  it('prefers the least allocated host and balances CPU against memory', () => {
    const busy = candidate('esxi-01', { requested: { cpu: 24, memory: 192 * GI, pods: 10 }, nonZeroRequested: { cpu: 24, memory: 192 * GI } });
    const idle = candidate('esxi-02');
    const req = request({ requests: { cpu: 1, memory: 2 * GI } });
    expect(leastAllocatedScore(idle, req)).toBeGreaterThan(leastAllocatedScore(busy, req));
    expect(balancedAllocationScore(candidate('x', { requested: { cpu: 24, memory: 0, pods: 1 } }), req)).toBeLessThan(balancedAllocationScore(idle, req));
    expect(selectHost([busy, idle], req)).toBe('esxi-02');
  });

  it('breaks ties by pod count, then name, and follows preferred affinity and PreferNoSchedule', () => {
    const a = candidate('esxi-01', { requested: { cpu: 0, memory: 0, pods: 3 } });
    const b = candidate('esxi-02');
    expect(selectHost([a, b], request())).toBe('esxi-02');
    expect(selectHost([candidate('esxi-02'), candidate('esxi-01')], request())).toBe('esxi-01');
    const affinity = nodeAffinityOf({ affinity: { nodeAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 50, preference: { matchExpressions: [{ key: 'topology.kubernetes.io/zone', operator: 'In', values: ['zone-b'] }] } }] } } });
    const zoneB = candidate('esxi-03', { labels: { 'topology.kubernetes.io/zone': 'zone-b' }, requested: { cpu: 4, memory: 0, pods: 5 }, nonZeroRequested: { cpu: 4, memory: 0 } });
    expect(selectHost([candidate('esxi-01'), zoneB], request({ affinity }))).toBe('esxi-03');
    const soft = candidate('esxi-01', { taints: [{ key: 'maintenance', effect: 'PreferNoSchedule' }] });
    expect(selectHost([soft, candidate('esxi-02', { requested: { cpu: 0, memory: 0, pods: 9 } })], request())).toBe('esxi-02');
    expect(selectHost([], request())).toBeUndefined();
  });
});
