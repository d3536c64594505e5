import { describe, expect, it } from 'vitest';
import type { Store } from '../../storage/store';
import { BatchQueue } from './batch-queue';

function fakeStore(): { store: Store; batches: number } {
  const state = { batches: 0, store: undefined as unknown as Store };
  state.store = { batch: (fn: () => void) => { state.batches++; fn(); } } as unknown as Store;
  return state;
}

const tick = () => new Promise((r) => setImmediate(r));

describe('BatchQueue', () => {
  it('deduplicates keys and processes them in capped batches, one store transaction each', async () => {
    const s = fakeStore();
    const seen: string[] = [];
    const q = new BatchQueue('test', s.store, (k) => seen.push(k), 2);
    for (const k of ['a', 'b', 'a', 'c']) q.add(k);
    await tick();
    expect(seen).toEqual(['a', 'b']);
    await tick();
    expect(seen).toEqual(['a', 'b', 'c']);
    expect(s.batches).toBe(2);
    q.stop();
  });

  it('retries a failing key without aborting the rest of the batch', async () => {
    const s = fakeStore();
    const seen: string[] = [];
    let failures = 1;
    const q = new BatchQueue('test', s.store, (k) => {
      if (k === 'bad' && failures-- > 0) throw new Error('conflict');
      seen.push(k);
    });
    const stderr = process.stderr.write;
    process.stderr.write = (() => true) as typeof process.stderr.write;
    try {
      q.add('bad');
      q.add('good');
      await tick();
      expect(seen).toEqual(['good']);
      const deadline = Date.now() + 2_000;
      while (!seen.includes('bad') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
      expect(seen).toEqual(['good', 'bad']);
    } finally {
      process.stderr.write = stderr;
      q.stop();
    }
  });
});
