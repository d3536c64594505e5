import { describe, expect, it } from 'vitest';
import { eventually } from '../testing/eventually';
import { WorkQueue } from './work-queue';

const tick = () => new Promise((r) => setImmediate(r));

/** Counts the slices a queue runs through `wrap`, as a store batch would group them. */
function batches(): { count: number; wrap: (run: () => void) => void } {
  const state = { count: 0, wrap: (run: () => void) => { state.count++; run(); } };
  return state;
}

describe('WorkQueue', () => {
  it('deduplicates keys and processes them in capped batches, one wrapped slice each', async () => {
    const b = batches();
    const seen: string[] = [];
    const q = new WorkQueue('test', (k) => seen.push(k), { maxBatch: 2, wrap: b.wrap });
    for (const k of ['a', 'b', 'a', 'c']) q.add(k);
    await tick();
    expect(seen).toEqual(['a', 'b']);
    await eventually(() => seen.length === 3, 'the second batch');
    expect(seen).toEqual(['a', 'b', 'c']);
    expect(b.count).toBe(2);
    q.stop();
  });

  it('retries a failing key without aborting the rest of the batch', async () => {
    const b = batches();
    const seen: string[] = [];
    let failures = 1;
    const q = new WorkQueue('test', (k) => {
      if (k === 'bad' && failures-- > 0) throw new Error('conflict');
      seen.push(k);
    }, { wrap: b.wrap });
    const stderr = process.stderr.write;
    process.stderr.write = (() => true) as typeof process.stderr.write;
    try {
      q.add('bad');
      q.add('good');
      await tick();
      expect(seen).toEqual(['good']);
      await eventually(() => seen.includes('bad'), 'the retry', 2_000);
      expect(seen).toEqual(['good', 'bad']);
    } finally {
      process.stderr.write = stderr;
      q.stop();
    }
  });

  it('yields after a time slice so other work runs, then carries on', async () => {
    const seen: string[] = [];
    const q = new WorkQueue('test', (k) => {
      const until = Date.now() + 5;
      while (Date.now() < until);
      seen.push(k);
    });
    for (const k of ['a', 'b', 'c', 'd']) q.add(k);
    await tick();
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.length).toBeLessThan(4);
    await eventually(() => seen.length === 4, 'every key');
    expect(seen).toEqual(['a', 'b', 'c', 'd']);
    q.stop();
  });

  it('processes nothing once stopped', async () => {
    const seen: string[] = [];
    const q = new WorkQueue('test', (k) => seen.push(k));
    q.add('a');
    q.stop();
    q.add('b');
    q.addAfter('c', 0);
    await tick();
    expect(seen).toEqual([]);
  });
});
