import { describe, expect, it } from 'vitest';
import { deriveKey, seal, unseal } from './session-seal';

describe('session sealing', () => {
  const key = deriveKey('a-long-enough-secret-for-tests-0123456789', 'session');

  it('round-trips a payload', () => {
    const sealed = seal({ token: 't0k3n', user: 'developer' }, key);
    expect(sealed.startsWith('v1.')).toBe(true);
    expect(sealed).not.toContain('t0k3n');
    expect(unseal(sealed, key)).toEqual({ token: 't0k3n', user: 'developer' });
  });

  it('rejects tampering, truncation and other keys', () => {
    const sealed = seal({ token: 'x' }, key);
    const parts = sealed.split('.');
    const flipped = parts[2]!.startsWith('A') ? `B${parts[2]!.slice(1)}` : `A${parts[2]!.slice(1)}`;
    expect(unseal([parts[0], parts[1], flipped, parts[3]].join('.'), key)).toBeUndefined();
    expect(unseal(sealed.slice(0, -4), key)).toBeUndefined();
    expect(unseal(sealed, deriveKey('another-secret-entirely-0123456789abcdef', 'session'))).toBeUndefined();
    expect(unseal('garbage', key)).toBeUndefined();
  });

  it('derives different keys per purpose', () => {
    expect(deriveKey('s', 'session').equals(deriveKey('s', 'csrf'))).toBe(false);
  });
});
