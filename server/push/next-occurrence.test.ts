import { describe, expect, it } from 'vitest';
import {
  canonicalTimeZone,
  isTimeZone,
  nextOccurrence,
  parseClockTime,
  type WeeklyTime,
} from './next-occurrence.js';

const HOUR_MS = 60 * 60 * 1000;
const WEEK_MS = 7 * 24 * HOUR_MS;
const FRIDAY = 5;
const SUNDAY = 0;
const friday15: WeeklyTime = { weekday: FRIDAY, time: '15:00', timeZone: 'Europe/London' };
const sunday0130: WeeklyTime = { weekday: SUNDAY, time: '01:30', timeZone: 'Europe/London' };

describe('nextOccurrence', () => {
  // [what, weekly time, after, expected]
  const cases: [string, WeeklyTime, string, string][] = [
    // London's clocks go forward on Sunday 29 March 2026 and back on Sunday 25 October 2026.
    [
      'Friday before the March change: 15:00 GMT',
      friday15,
      '2026-03-20T12:00:00Z',
      '2026-03-20T15:00:00.000Z',
    ],
    [
      'exactly at the time: the week after',
      friday15,
      '2026-03-20T15:00:00Z',
      '2026-03-27T15:00:00.000Z',
    ],
    ['a minute before: today', friday15, '2026-03-20T14:59:00Z', '2026-03-20T15:00:00.000Z'],
    [
      'across the March change: 15:00 BST',
      friday15,
      '2026-03-27T15:00:00Z',
      '2026-04-03T14:00:00.000Z',
    ],
    [
      'Friday before the October change: 15:00 BST',
      friday15,
      '2026-10-23T13:59:00Z',
      '2026-10-23T14:00:00.000Z',
    ],
    [
      'across the October change: 15:00 GMT',
      friday15,
      '2026-10-23T14:00:00Z',
      '2026-10-30T15:00:00.000Z',
    ],
    ['on the Saturday: next Friday', friday15, '2026-11-21T10:00:00Z', '2026-11-27T15:00:00.000Z'],
    [
      'late on Friday, UTC still Friday',
      friday15,
      '2026-07-03T22:30:00Z',
      '2026-07-10T14:00:00.000Z',
    ],
    // 01:30 does not exist on 29 March (00:59 GMT is followed by 02:00 BST): it is 02:30 BST.
    [
      'a skipped time happens the gap later',
      sunday0130,
      '2026-03-28T12:00:00Z',
      '2026-03-29T01:30:00.000Z',
    ],
    ['the Sunday before the gap', sunday0130, '2026-03-21T12:00:00Z', '2026-03-22T01:30:00.000Z'],
    ['the Sunday after the gap', sunday0130, '2026-03-29T01:30:00Z', '2026-04-05T00:30:00.000Z'],
    // 01:30 happens twice on 25 October (BST, then GMT): the first, and only the first.
    ['a doubled time is its first', sunday0130, '2026-10-24T12:00:00Z', '2026-10-25T00:30:00.000Z'],
    [
      'never the second of a doubled time',
      sunday0130,
      '2026-10-25T00:30:00Z',
      '2026-11-01T01:30:00.000Z',
    ],
    [
      'between the two 01:30s: next week',
      sunday0130,
      '2026-10-25T01:00:00Z',
      '2026-11-01T01:30:00.000Z',
    ],
    // Santiago changes at midnight: 23:30 on Saturday 4 April 2026 happens twice; 00:30 on
    // Sunday 6 September 2026 never happens.
    [
      'Santiago, doubled Saturday 23:30',
      { weekday: 6, time: '23:30', timeZone: 'America/Santiago' },
      '2026-04-04T12:00:00Z',
      '2026-04-05T02:30:00.000Z',
    ],
    [
      'Santiago, skipped Sunday 00:30',
      { weekday: SUNDAY, time: '00:30', timeZone: 'America/Santiago' },
      '2026-09-05T12:00:00Z',
      '2026-09-06T04:30:00.000Z',
    ],
    // The local day is not the UTC day.
    [
      'Auckland, Monday 09:00 is Sunday in UTC',
      { weekday: 1, time: '09:00', timeZone: 'Pacific/Auckland' },
      '2026-11-22T19:59:00Z',
      '2026-11-22T20:00:00.000Z',
    ],
    [
      'Auckland, at that instant: a week on',
      { weekday: 1, time: '09:00', timeZone: 'Pacific/Auckland' },
      '2026-11-22T20:00:00Z',
      '2026-11-29T20:00:00.000Z',
    ],
    [
      'Kolkata, half-hour offset',
      { weekday: FRIDAY, time: '15:00', timeZone: 'Asia/Kolkata' },
      '2026-11-23T00:00:00Z',
      '2026-11-27T09:30:00.000Z',
    ],
    [
      'UTC, midnight',
      { weekday: 4, time: '00:00', timeZone: 'UTC' },
      '2026-12-31T00:00:00Z',
      '2027-01-07T00:00:00.000Z',
    ],
  ];
  it.each(cases)('%s', (_what, weekly, after, expected) => {
    expect(nextOccurrence(weekly, new Date(after)).toISOString()).toBe(expected);
  });

  it('fires once a week through a whole year of London time, always at 15:00 local', () => {
    const local = new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Europe/London',
      weekday: 'long',
      hour: '2-digit',
      minute: '2-digit',
    });
    let at = nextOccurrence(friday15, new Date('2026-01-01T00:00:00Z'));
    expect(at.toISOString()).toBe('2026-01-02T15:00:00.000Z');
    const seen: string[] = [];
    for (let i = 0; i < 52; i++) {
      const next = nextOccurrence(friday15, at);
      // A week, give or take the hour the clocks change by.
      expect(Math.abs(next.getTime() - at.getTime() - WEEK_MS)).toBeLessThanOrEqual(HOUR_MS);
      seen.push(local.format(next));
      at = next;
    }
    expect(new Set(seen)).toEqual(new Set(['Friday 15:00']));
    expect(at.toISOString()).toBe('2027-01-01T15:00:00.000Z');
  });
});

describe('times and zones', () => {
  it.each([
    ['00:00', 0, 0],
    ['09:05', 9, 5],
    ['23:59', 23, 59],
  ])('parses %s', (time, hour, minute) => {
    expect(parseClockTime(time)).toEqual({ hour, minute });
  });

  it.each(['24:00', '9:00', '12:60', '12:00:00', ''])('refuses %j', (time) => {
    expect(() => parseClockTime(time)).toThrow(RangeError);
  });

  it('knows IANA zones and spells them as the zone database does', () => {
    expect(isTimeZone('Europe/London')).toBe(true);
    expect(isTimeZone('UTC')).toBe(true);
    expect(isTimeZone('Europe/Nowhere')).toBe(false);
    expect(isTimeZone('')).toBe(false);
    expect(canonicalTimeZone('europe/london')).toBe('Europe/London');
  });
});
