import { describe, expect, it } from 'vitest';
import { formatDuration, formatSummary } from './summary.mjs';

describe('formatSummary', () => {
  it('lists every step with its result and duration, and a total', () => {
    const table = formatSummary([
      { step: 'typecheck', status: 'passed', durationMs: 12_340 },
      { step: 'test:e2e', status: 'failed', durationMs: 95_000, exitCode: 1 },
      { step: 'lint', status: 'skipped', durationMs: 0 },
    ]);
    expect(table.split('\n')).toEqual([
      '  Step       Result             Duration',
      '  --------------------------------------',
      '  typecheck  passed               12.3 s',
      '  test:e2e   failed (exit 1)  1 min 35 s',
      '  lint       skipped                   -',
      '  --------------------------------------',
      '  Total      1 failed         1 min 47 s',
    ]);
  });

  it('formats durations in seconds under a minute', () => {
    expect(formatDuration(999)).toBe('1.0 s');
    expect(formatDuration(61_000)).toBe('1 min 01 s');
  });
});
