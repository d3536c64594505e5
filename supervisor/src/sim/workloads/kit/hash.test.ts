import { describe, expect, it } from 'vitest';
import { computeHash, fnv32a, safeEncodeString } from './hash';
import { podTemplate } from './fixtures.test-util';

describe('pod-template-hash', () => {
  it('is FNV-1a 32 over the bytes (published test vectors)', () => {
    const enc = (s: string) => new TextEncoder().encode(s);
    expect(fnv32a(enc(''))).toBe(0x811c9dc5);
    expect(fnv32a(enc('a'))).toBe(0xe40c292c);
    expect(fnv32a(enc('foobar'))).toBe(0xbf9cf968);
  });

  it('maps decimal digits through rand.SafeEncodeString', () => {
    expect(safeEncodeString('0123456789')).toBe('456789bcdf');
  });

  it('is stable for equal templates, differs for changed ones and per collision count', () => {
    const a = computeHash(podTemplate());
    expect(a).toMatch(/^[4-9bcdf]{7,10}$/);
    const reordered = JSON.parse(JSON.stringify(podTemplate())) as ReturnType<typeof podTemplate>;
    expect(computeHash({ spec: reordered.spec, metadata: reordered.metadata })).toBe(a);
    expect(computeHash(podTemplate('nginx:1.28.0'))).not.toBe(a);
    expect(computeHash(podTemplate(), 1)).not.toBe(a);
    expect(computeHash(podTemplate(), 1)).toBe(computeHash(podTemplate(), 1));
  });
});
