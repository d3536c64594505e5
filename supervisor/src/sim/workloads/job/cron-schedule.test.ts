import { describe, expect, it } from 'vitest';
import { nextActivation, parseCron, scheduleWindow } from './cron-schedule';

const at = (s: string) => Date.parse(s);
const iso = (ms: number | undefined) => (ms === undefined ? undefined : new Date(ms).toISOString());

describe('cron schedules', () => {
  it('finds the next activation of common schedules', () => {
    const from = at('2026-03-02T10:07:30Z'); // a Monday
    expect(iso(nextActivation(parseCron('*/15 * * * *'), from))).toBe('2026-03-02T10:15:00.000Z');
    expect(iso(nextActivation(parseCron('0 2 * * *'), from))).toBe('2026-03-03T02:00:00.000Z');
    expect(iso(nextActivation(parseCron('@hourly'), from))).toBe('2026-03-02T11:00:00.000Z');
    expect(iso(nextActivation(parseCron('@weekly'), from))).toBe('2026-03-08T00:00:00.000Z');
    expect(iso(nextActivation(parseCron('@yearly'), from))).toBe('2027-01-01T00:00:00.000Z');
    expect(iso(nextActivation(parseCron('30 9 * JAN-MAR MON-FRI'), from))).toBe('2026-03-03T09:30:00.000Z');
    expect(iso(nextActivation(parseCron('0 0 31 * *'), from))).toBe('2026-03-31T00:00:00.000Z');
  });

  it('matches either day field when both are restricted, as cron does', () => {
    // The 15th, or any Friday: Friday 2026-03-06 comes first.
    expect(iso(nextActivation(parseCron('0 0 15 * 5'), at('2026-03-02T00:00:00Z')))).toBe('2026-03-06T00:00:00.000Z');
    // Day-of-week * keeps plain day-of-month semantics.
    expect(iso(nextActivation(parseCron('0 0 15 * *'), at('2026-03-02T00:00:00Z')))).toBe('2026-03-15T00:00:00.000Z');
  });

  it('computes activations in spec.timeZone', () => {
    expect(iso(nextActivation(parseCron('0 2 * * *'), at('2026-07-01T00:00:00Z'), 'Europe/Berlin'))).toBe('2026-07-02T00:00:00.000Z');
  });

  it('is strictly after the given time and supports @every', () => {
    expect(iso(nextActivation(parseCron('0 * * * *'), at('2026-03-02T10:00:00Z')))).toBe('2026-03-02T11:00:00.000Z');
    expect(iso(nextActivation(parseCron('@every 90s'), at('2026-03-02T10:00:00Z')))).toBe('2026-03-02T10:01:30.000Z');
  });

  it('refuses malformed schedules with robfig/cron style messages', () => {
    expect(() => parseCron('* * * *')).toThrow('expected exactly 5 fields, found 4: * * * *');
    expect(() => parseCron('61 * * * *')).toThrow('end of range (61) above maximum (59): 61');
    expect(() => parseCron('TZ=UTC 0 * * * *')).toThrow('please use the timeZone field');
    expect(() => parseCron('@fortnightly')).toThrow('unrecognized descriptor');
  });

  it('reports the most recent missed activation, how many were missed, and the next one', () => {
    const w = scheduleWindow(parseCron('*/10 * * * *'), at('2026-03-02T10:05:00Z'), at('2026-03-02T10:47:00Z'));
    expect({ recent: iso(w.mostRecent), missed: w.missed, next: iso(w.next) }).toEqual({ recent: '2026-03-02T10:40:00.000Z', missed: 4, next: '2026-03-02T10:50:00.000Z' });
    const many = scheduleWindow(parseCron('* * * * *'), at('2026-03-01T00:00:00Z'), at('2026-03-02T10:47:30Z'));
    expect(many.missed).toBe(101);
    expect(iso(many.mostRecent)).toBe('2026-03-02T10:47:00.000Z');
  });
});
