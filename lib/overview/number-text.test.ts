import { describe, expect, it } from 'vitest';
import { countText } from './number-text';

describe('countText', () => {
  it('groups thousands the same way in every browser', () => {
    expect(countText(12)).toBe('12');
    expect(countText(60004)).toBe('60,004');
    expect(countText(1_000_000)).toBe('1,000,000');
  });
});
