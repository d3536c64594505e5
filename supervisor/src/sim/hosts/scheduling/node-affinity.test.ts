import { describe, expect, it } from 'vitest';
import { matchesNodeSelector, matchesRequiredAffinity, nodeAffinityOf, preferredAffinityWeight, requirementMatches, termMatches } from './node-affinity';

const node = { name: 'esxi-03.vsphere.local', labels: { 'topology.kubernetes.io/zone': 'zone-b', 'kubernetes.io/os': 'linux', 'example.com/generation': '8' } };

describe('node selector requirements', () => {
  it('supports In, NotIn, Exists, DoesNotExist, Gt and Lt', () => {
    expect(requirementMatches({ key: 'z', operator: 'In', values: ['zone-a', 'zone-b'] }, 'zone-b')).toBe(true);
    expect(requirementMatches({ key: 'z', operator: 'In', values: ['zone-a'] }, undefined)).toBe(false);
    expect(requirementMatches({ key: 'z', operator: 'NotIn', values: ['zone-a'] }, undefined)).toBe(true);
    expect(requirementMatches({ key: 'z', operator: 'NotIn', values: ['zone-b'] }, 'zone-b')).toBe(false);
    expect(requirementMatches({ key: 'z', operator: 'Exists' }, '')).toBe(true);
    expect(requirementMatches({ key: 'z', operator: 'DoesNotExist' }, '')).toBe(false);
    expect(requirementMatches({ key: 'g', operator: 'Gt', values: ['7'] }, '8')).toBe(true);
    expect(requirementMatches({ key: 'g', operator: 'Lt', values: ['7'] }, '8')).toBe(false);
    expect(requirementMatches({ key: 'g', operator: 'Gt', values: ['7'] }, 'eight')).toBe(false);
  });

  it('ANDs the expressions of a term; an empty term matches nothing; matchFields reads metadata.name', () => {
    expect(termMatches({ matchExpressions: [{ key: 'topology.kubernetes.io/zone', operator: 'In', values: ['zone-b'] }, { key: 'kubernetes.io/os', operator: 'Exists' }] }, node)).toBe(true);
    expect(termMatches({ matchExpressions: [{ key: 'topology.kubernetes.io/zone', operator: 'In', values: ['zone-b'] }, { key: 'gpu', operator: 'Exists' }] }, node)).toBe(false);
    expect(termMatches({}, node)).toBe(false);
    expect(termMatches({ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['esxi-03.vsphere.local'] }] }, node)).toBe(true);
  });
});

describe('pod node affinity', () => {
  const spec = {
    affinity: {
      nodeAffinity: {
        requiredDuringSchedulingIgnoredDuringExecution: {
          nodeSelectorTerms: [
            { matchExpressions: [{ key: 'topology.kubernetes.io/zone', operator: 'In', values: ['zone-a'] }] },
            { matchExpressions: [{ key: 'example.com/generation', operator: 'Gt', values: ['7'] }] },
          ],
        },
        preferredDuringSchedulingIgnoredDuringExecution: [
          { weight: 20, preference: { matchExpressions: [{ key: 'topology.kubernetes.io/zone', operator: 'In', values: ['zone-b'] }] } },
          { weight: 5, preference: { matchExpressions: [{ key: 'gpu', operator: 'Exists' }] } },
        ],
      },
    },
  };

  it('ORs required terms and sums matching preferred weights', () => {
    const affinity = nodeAffinityOf(spec);
    expect(matchesRequiredAffinity(affinity, node)).toBe(true);
    expect(matchesRequiredAffinity(affinity, { name: 'x', labels: { 'topology.kubernetes.io/zone': 'zone-c' } })).toBe(false);
    expect(preferredAffinityWeight(affinity, node)).toBe(20);
    expect(matchesRequiredAffinity(nodeAffinityOf({}), node)).toBe(true);
  });

  it('nodeSelector needs every label to be equal', () => {
    expect(matchesNodeSelector({ 'topology.kubernetes.io/zone': 'zone-b' }, node.labels)).toBe(true);
    expect(matchesNodeSelector({ 'topology.kubernetes.io/zone': 'zone-b', disk: 'ssd' }, node.labels)).toBe(false);
    expect(matchesNodeSelector(undefined, node.labels)).toBe(true);
  });
});
