import { describe, expect, it } from 'vitest';
import { isSilent } from './node-lifecycle';

describe('isSilent (node-monitor-grace-period)', () => {
  it('is true only after more than 40 simulated seconds without a new sign of life', () => {
    const seen = { observedAt: 1_000_000 };
    expect(isSilent(seen, 1_000_000 + 40_000, 1)).toBe(false);
    expect(isSilent(seen, 1_000_000 + 40_001, 1)).toBe(true);
    expect(isSilent(seen, 1_000_000 + 800, 50)).toBe(false);
    expect(isSilent(seen, 1_000_000 + 801, 50)).toBe(true);
  });
});
