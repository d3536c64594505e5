import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/errors';
import { bytesToBase64, formatRfc3339, GO_ZERO_TIME_SECONDS, goDurationString, int64ToBigInt, int64ToNumber } from './go-format';

describe('goDurationString matches Go time.Duration.String()', () => {
  it.each([
    [0n, '0s'],
    [1n, '1ns'],
    [999n, '999ns'],
    [1_500n, '1.5µs'],
    [1_000_000n, '1ms'],
    [1_234_567n, '1.234567ms'],
    [30_000_000_000n, '30s'],
    [1_500_000_000n, '1.5s'],
    [90_000_000_000n, '1m30s'],
    [3_600_000_000_000n, '1h0m0s'],
    [3_723_000_000_001n, '1h2m3.000000001s'],
    [-7_200_000_000_000n, '-2h0m0s'],
    [9_223_372_036_854_775_807n, '2562047h47m16.854775807s'],
  ])('%s ns → %s', (ns, text) => {
    expect(goDurationString(ns)).toBe(text);
  });
});

describe('formatRfc3339', () => {
  it('writes metav1.Time with seconds precision in UTC', () => {
    expect(formatRfc3339(1735787045, 999_000_000, 0)).toBe('2025-01-02T03:04:05Z');
    expect(formatRfc3339(0, 0, 0)).toBe('1970-01-01T00:00:00Z');
  });

  it('writes metav1.MicroTime with exactly six fractional digits', () => {
    expect(formatRfc3339(1735787045, 123_456_789, 6)).toBe('2025-01-02T03:04:05.123456Z');
    expect(formatRfc3339(1735787045, 0, 6)).toBe('2025-01-02T03:04:05.000000Z');
  });

  it('pads four-digit years and rejects times without an RFC 3339 form', () => {
    expect(formatRfc3339(GO_ZERO_TIME_SECONDS, 0, 0)).toBe('0001-01-01T00:00:00Z');
    expect(() => formatRfc3339(253402300800, 0, 0)).toThrow(ApiError);
  });
});

describe('scalars', () => {
  it('converts long.js-style int64 values and numbers', () => {
    const long = { toNumber: () => 42, toString: () => '9223372036854775807' };
    expect(int64ToNumber(7)).toBe(7);
    expect(int64ToNumber(long)).toBe(42);
    expect(int64ToBigInt(long)).toBe(9223372036854775807n);
  });

  it('writes bytes as standard padded base64 of the viewed range only', () => {
    const backing = Buffer.from([0xaa, 0x00, 0xff, 0xfe, 0xbb]);
    expect(bytesToBase64(backing.subarray(1, 4))).toBe('AP/+');
  });
});
