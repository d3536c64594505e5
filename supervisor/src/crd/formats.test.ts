import { describe, expect, it } from 'vitest';
import { fitsIntegerFormat, isDateTime, matchesStringFormat } from './formats';

describe('matchesStringFormat', () => {
  it.each([
    ['date-time', '2025-01-02T03:04:05Z', true],
    ['date-time', '2025-01-02t03:04:05.123+02:00', true],
    ['date-time', '2025-01-02T03:04:05', false],
    ['date-time', '2025-01-02 03:04:05Z', false],
    ['date-time', '2025-01-02T25:04:05Z', false],
    ['date', '2024-02-29', true],
    ['date', '2023-02-29', false],
    ['date', '2023-13-01', false],
    ['byte', 'aGVsbG8=', true],
    ['byte', '', true],
    ['byte', 'aGVsbG8', false],
    ['uuid', '123e4567-e89b-12d3-a456-426614174000', true],
    ['uuid', '123e4567e89b12d3a456426614174000', false],
    ['email', 'ops@example.com', true],
    ['email', 'ops', false],
    ['hostname', 'db-0.example.com', true],
    ['hostname', 'bad_host', false],
    ['ipv4', '10.0.0.1', true],
    ['ipv4', '10.0.0.256', false],
    ['ipv6', '::1', true],
    ['cidr', '10.0.0.0/8', true],
    ['cidr', '10.0.0.0/33', false],
    ['mac', '00:1a:2b:3c:4d:5e', true],
    ['uri', 'https://example.com/x', true],
    ['uri', 'not a uri', false],
    ['duration', '1h30m', true],
    ['duration', '3 days', true],
    ['duration', 'soon', false],
    ['quantity-ish-unknown', 'anything', true],
  ])('%s %j → %s', (format, value, ok) => {
    expect(matchesStringFormat(format, value)).toBe(ok);
  });

  it('exposes the date-time check', () => {
    expect(isDateTime('2025-01-02T03:04:05Z')).toBe(true);
  });
});

describe('fitsIntegerFormat', () => {
  it('bounds int32 and int64 only', () => {
    expect(fitsIntegerFormat('int32', 2147483647)).toBe(true);
    expect(fitsIntegerFormat('int32', 2147483648)).toBe(false);
    expect(fitsIntegerFormat('int32', -2147483649)).toBe(false);
    expect(fitsIntegerFormat('int64', 2 ** 62)).toBe(true);
    expect(fitsIntegerFormat('int64', 2 ** 64)).toBe(false);
    expect(fitsIntegerFormat('double', 1e300)).toBe(true);
  });
});
