import { describe, expect, it } from 'vitest';
import { fitErrorMessage } from './fit-message';

const taint = { reasons: ['node(s) had untolerated taint {node.kubernetes.io/unreachable: }'], unresolvable: true };
const cpu = { reasons: ['Insufficient cpu'], unresolvable: false };

describe('fitErrorMessage', () => {
  it("counts reasons over nodes, sorts them as strings and appends preemption's verdict like kube-scheduler", () => {
    expect(fitErrorMessage(4, [taint, cpu, cpu, cpu], { preemption: true })).toBe(
      '0/4 nodes are available: 1 node(s) had untolerated taint {node.kubernetes.io/unreachable: }, 3 Insufficient cpu. preemption: 0/4 nodes are available: 1 Preemption is not helpful for scheduling, 3 No preemption victims found for incoming pod..',
    );
  });

  it('counts each short resource of a node', () => {
    const both = { reasons: ['Insufficient cpu', 'Insufficient memory'], unresolvable: false };
    expect(fitErrorMessage(2, [both, cpu], { preemption: false })).toBe('0/2 nodes are available: 1 Insufficient memory, 2 Insufficient cpu.');
  });

  it('has the upstream texts for no nodes and preemptionPolicy Never', () => {
    expect(fitErrorMessage(0, [], { preemption: true })).toBe('no nodes available to schedule pods');
    expect(fitErrorMessage(1, [cpu], { preemption: true, preemptionPolicy: 'Never' })).toBe('0/1 nodes are available: 1 Insufficient cpu. not eligible due to preemptionPolicy=Never..');
  });
});
