import { describe, expect, it } from 'vitest';
import { elapsedText, sinceText } from './stale-text';

describe('elapsedText', () => {
  it.each([
    [0, '0 s'],
    [999, '0 s'],
    [42_000, '42 s'],
    [60_000, '1 min'],
    [150_000, '2 min'],
    [3_600_000, '1 h'],
    [3_900_000, '1 h 5 min'],
    [-5_000, '0 s'],
  ])('%i ms reads %s', (ms, text) => {
    expect(elapsedText(ms)).toBe(text);
  });
});

describe('sinceText', () => {
  it('gives the time of day for an outage that began today, and the date otherwise', () => {
    const since = new Date(2026, 10, 26, 14, 2, 31).getTime();
    expect(sinceText(since, since + 120_000, 'en-GB')).toBe('14:02:31');
    expect(sinceText(since, since + 86_400_000, 'en-GB')).toBe('26 Nov, 14:02:31');
  });
});
