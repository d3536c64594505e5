import { describe, expect, it } from 'vitest';
import { percentile, summarize } from './stats';
import { checkOrder } from './watch-bench';
import { decodeFirstLine } from './source-lines';
import { parseOptions } from './options';
import { realisticPod } from './fixtures';

describe('percentile / summarize', () => {
  it('uses nearest rank on sorted samples', () => {
    const sorted = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(sorted, 50)).toBe(50);
    expect(percentile(sorted, 99)).toBe(99);
    expect(percentile(sorted, 100)).toBe(100);
    expect(percentile([], 50)).toBeNaN();
  });

  it('sorts unsorted input and reports max and mean', () => {
    const s = summarize([5, 1, 9, 3]);
    expect(s).toMatchObject({ count: 4, p50: 3, max: 9, mean: 4.5 });
  });
});

describe('checkOrder', () => {
  it('accepts exactly the acknowledged resourceVersions in ascending order', () => {
    expect(checkOrder([10, 11, 15], [10, 11, 15])).toEqual({ lost: 0, reordered: 0, duplicated: 0 });
  });

  it('counts losses, reorderings and duplicates', () => {
    expect(checkOrder([10, 15, 11, 11], [10, 11, 15, 20])).toEqual({ lost: 1, reordered: 2, duplicated: 1 });
  });
});

describe('decodeFirstLine', () => {
  it('decodes VLQ segments into generated column → source line', () => {
    // "AAAA" = [0,0,0,0]; "SACA" = [+9 col, +0 src, +1 line, +0]; "KAEA" = [+5 col, +0, +2 lines, +0].
    expect(decodeFirstLine('AAAA,SACA,KAEA;AACA')).toEqual([
      { col: 0, line: 0 },
      { col: 9, line: 1 },
      { col: 14, line: 3 },
    ]);
  });

  it('handles negative and multi-digit values', () => {
    // "gBAAA" = col +16; "CADA" = col +1, line -1 (D = zig-zag -1).
    expect(decodeFirstLine('gBAEA,CADA')).toEqual([
      { col: 16, line: 2 },
      { col: 17, line: 1 },
    ]);
  });
});

describe('parseOptions', () => {
  it('defaults to the specified workload', () => {
    const o = parseOptions([]);
    expect(o).toMatchObject({ creates: 5000, concurrency: 32, pods: 10_000, watchers: 50, rate: 500, durationSec: 10, cpuProf: false });
    expect([...o.phases]).toEqual(['creates', 'list', 'watch']);
  });

  it('rejects unknown phases and non-positive sizes', () => {
    expect(() => parseOptions(['--only', 'creates,bogus'])).toThrow(/--only/);
    expect(() => parseOptions(['--pods', '0'])).toThrow(/--pods/);
  });
});

describe('realisticPod', () => {
  it('gives every pod a distinct DNS-1123 name and real-shaped spec', () => {
    const names = new Set<string>();
    for (let i = 0; i < 20_000; i++) {
      const name = realisticPod('ns', i).metadata.name!;
      expect(name).toMatch(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/);
      names.add(name);
    }
    expect(names.size).toBe(20_000);
    const pod = realisticPod('ns', 2);
    expect((pod.spec as { containers: unknown[] }).containers).toHaveLength(2);
    expect(JSON.stringify(pod).length).toBeGreaterThan(1500);
  });
});
