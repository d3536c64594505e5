import { describe, expect, it } from 'vitest';
import { backoffDelay } from './backoff';

describe('backoffDelay', () => {
  it('grows exponentially and is capped', () => {
    expect(backoffDelay(0, 1000, 30000, () => 1)).toBe(1000);
    expect(backoffDelay(3, 1000, 30000, () => 1)).toBe(8000);
    expect(backoffDelay(20, 1000, 30000, () => 1)).toBe(30000);
  });

  it('jitters within the upper half of the window', () => {
    expect(backoffDelay(2, 1000, 30000, () => 0)).toBe(2000);
    expect(backoffDelay(2, 1000, 30000, () => 0.5)).toBe(3000);
  });
});
