import { describe, expect, it } from 'vitest';
import { eventually } from './eventually';

describe('eventually', () => {
  it('resolves to the first value that is neither undefined nor false, including 0 and ""', async () => {
    let calls = 0;
    await expect(eventually(() => (++calls >= 3 ? 'ready' : undefined), 'ready')).resolves.toBe('ready');
    expect(calls).toBe(3);
    await expect(eventually(() => 0, 'zero')).resolves.toBe(0);
    await expect(eventually(() => '', 'empty')).resolves.toBe('');
  });

  it('fails with what it waited for once the timeout passes', async () => {
    await expect(eventually(() => false, 'the moon', 30)).rejects.toThrow('timed out waiting for the moon');
  });
});
