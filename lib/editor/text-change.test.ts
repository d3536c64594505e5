import { describe, expect, it } from 'vitest';
import { minimalChange } from './text-change';

function apply(text: string, c: { from: number; to: number; insert: string }): string {
  return text.slice(0, c.from) + c.insert + text.slice(c.to);
}

describe('minimalChange', () => {
  it('replaces only the differing span', () => {
    const a = 'spec:\n  replicas: 2 # two\n';
    const b = 'spec:\n  replicas: 3 # two\n';
    expect(minimalChange(a, b)).toEqual({ from: 18, to: 19, insert: '3' });
  });

  it('handles insertions, deletions, repeats and empty texts', () => {
    for (const [a, b] of [['', 'x'], ['x', ''], ['aaa', 'aaaa'], ['abcabc', 'abc'], ['a: 1\n', 'a: 1\nb: 2\n'], ['same', 'same']]) {
      expect(apply(a!, minimalChange(a!, b!))).toBe(b);
    }
    expect(minimalChange('same', 'same')).toEqual({ from: 4, to: 4, insert: '' });
  });
});
