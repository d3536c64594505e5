import { describe, expect, it } from 'vitest';
import { formatQuantity, parseQuantity } from './quantity';

describe('quantities', () => {
  it('parses the suffix forms Kubernetes accepts', () => {
    expect(parseQuantity('500m')).toBeCloseTo(0.5);
    expect(parseQuantity('2')).toBe(2);
    expect(parseQuantity(4)).toBe(4);
    expect(parseQuantity('1Gi')).toBe(1073741824);
    expect(parseQuantity('1.5Gi')).toBe(1.5 * 2 ** 30);
    expect(parseQuantity('1G')).toBe(1e9);
    expect(parseQuantity('1e3')).toBe(1000);
    expect(parseQuantity('128974848')).toBe(128974848);
    expect(parseQuantity('12x')).toBeUndefined();
    expect(parseQuantity('')).toBeUndefined();
  });

  it('formats cpu, bytes and counts canonically', () => {
    expect(formatQuantity(0.5, 'cpu')).toBe('500m');
    expect(formatQuantity(2, 'cpu')).toBe('2');
    expect(formatQuantity(2 ** 30, 'bytes')).toBe('1Gi');
    expect(formatQuantity(3 * 2 ** 20, 'bytes')).toBe('3Mi');
    expect(formatQuantity(10)).toBe('10');
  });
});
