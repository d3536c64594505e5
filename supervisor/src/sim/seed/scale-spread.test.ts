import { describe, expect, it } from 'vitest';
import { bigFirst, roundRobin } from './scale-spread';

const NS = ['scale-001', 'scale-002', 'scale-003'];
const perNamespace = (pairs: Iterable<[string, number]>) => {
  const out: Record<string, number> = {};
  for (const [ns] of pairs) out[ns] = (out[ns] ?? 0) + 1;
  return out;
};

describe('scale seed spread', () => {
  it('round-robins by index when no big namespace is asked for', () => {
    expect([...bigFirst(5, NS, undefined)]).toEqual([...roundRobin(5, NS)]);
    expect([...roundRobin(5, NS)]).toEqual([['scale-001', 0], ['scale-002', 1], ['scale-003', 2], ['scale-001', 3], ['scale-002', 4]]);
  });

  it('fills the first namespace with exactly the big count and spreads the rest over the others', () => {
    const pairs = [...bigFirst(1010, NS, 1000)];
    expect(perNamespace(pairs)).toEqual({ 'scale-001': 1000, 'scale-002': 5, 'scale-003': 5 });
    expect(new Set(pairs.map(([, i]) => i)).size).toBe(1010);
  });

  it('puts every VM in the first namespace when there are fewer than the big count', () => {
    expect(perNamespace(bigFirst(7, NS, 1000))).toEqual({ 'scale-001': 7 });
  });

  it('puts everything in the only namespace', () => {
    expect(perNamespace(bigFirst(20, ['scale-001'], 5))).toEqual({ 'scale-001': 20 });
  });
});
