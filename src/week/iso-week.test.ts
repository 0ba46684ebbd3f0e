import { describe, expect, it } from 'vitest';
import { isCalendarDate } from './calendar-date';
import {
  dayLabel,
  daysOf,
  isoWeekOf,
  shiftWeek,
  weekBeginningLabel,
  weekContaining,
} from './iso-week';

describe('isoWeekOf', () => {
  it.each([
    ['2021-01-03', 2020, 53], // a Sunday still in the last week of 2020
    ['2021-01-04', 2021, 1],
    ['2024-12-30', 2025, 1], // a Monday already in 2025's first week
    ['2024-12-29', 2024, 52],
    ['2027-01-01', 2026, 53], // a Friday in 2026's 53rd week
    ['2026-12-28', 2026, 53],
    ['2027-01-04', 2027, 1],
    ['2026-11-16', 2026, 47],
    ['2022-03-21', 2022, 12],
    ['2020-12-31', 2020, 53],
    ['2019-12-30', 2020, 1],
  ])('%s is in %i-W%i', (date, year, week) => {
    expect(isoWeekOf(date)).toEqual({ year, week });
  });
});

describe('weekContaining', () => {
  it.each([
    // date, weekStartsOn, start, isoYear, isoWeek
    ['2026-11-22', 1, '2026-11-16', 2026, 47], // Sunday belongs to the Monday before
    ['2026-11-23', 1, '2026-11-23', 2026, 48],
    ['2021-01-03', 1, '2020-12-28', 2020, 53],
    ['2027-01-01', 1, '2026-12-28', 2026, 53],
    ['2024-12-31', 1, '2024-12-30', 2025, 1],
    ['2026-11-22', 0, '2026-11-22', 2026, 48], // Sunday weeks start on the Sunday
    ['2026-11-21', 0, '2026-11-15', 2026, 47],
    ['2026-11-20', 6, '2026-11-14', 2026, 47], // Saturday weeks
  ] as const)('%s with weeks from day %i starts %s (%i-W%i)', (date, from, start, year, week) => {
    const w = weekContaining(date, from);
    expect(w.start).toBe(start);
    expect(w.isoYear).toBe(year);
    expect(w.isoWeek).toBe(week);
    expect(daysOf(w)).toHaveLength(7);
    expect(daysOf(w)[0]).toBe(start);
  });

  it('ends the day after its seventh day', () => {
    expect(weekContaining('2026-12-30', 1).end).toBe('2027-01-04');
  });
});

describe('shiftWeek', () => {
  it('steps across a year end and a clock change', () => {
    const w = weekContaining('2026-12-30', 1);
    expect(shiftWeek(w, 1, 1).start).toBe('2027-01-04');
    expect(shiftWeek(w, -1, 1).start).toBe('2026-12-21');
    const octoberClockChange = weekContaining('2026-10-26', 1);
    expect(shiftWeek(octoberClockChange, -1, 1).start).toBe('2026-10-19');
    expect(shiftWeek(octoberClockChange, -52 * 5, 1).start).toBe('2021-11-01');
  });
});

describe('labels', () => {
  it('says "Week beginning 22 November" in en-GB', () => {
    expect(weekBeginningLabel(weekContaining('2021-11-24', 1))).toBe('Week beginning 22 November');
    expect(weekBeginningLabel(weekContaining('2021-11-24', 1), 2026)).toBe(
      'Week beginning 22 November 2021',
    );
    expect(weekBeginningLabel(weekContaining('2021-11-24', 1), 2021)).toBe(
      'Week beginning 22 November',
    );
  });

  it('names days with the weekday first', () => {
    expect(dayLabel('2026-11-16')).toBe('Monday 16 November');
    expect(dayLabel('2027-01-01')).toBe('Friday 1 January');
  });
});

describe('isCalendarDate', () => {
  it.each([
    ['2026-11-16', true],
    ['2024-02-29', true],
    ['2026-02-29', false],
    ['2026-13-01', false],
    ['16/11/2026', false],
    ['', false],
  ])('%s → %s', (value, ok) => {
    expect(isCalendarDate(value)).toBe(ok);
  });
});
