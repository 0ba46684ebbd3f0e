import { describe, expect, it } from 'vitest';
import { ageLabel, weekBefore, weeksBetween } from './age';

describe('ageLabel', () => {
  it.each([
    ['2026-11-02', '2026-11-02', 'from this week'],
    ['2026-11-02', '2026-11-09', 'from last week'],
    ['2026-11-02', '2026-11-16', 'from 2 weeks ago'],
    ['2026-11-02', '2026-11-23', 'from 3 weeks ago'],
    // Across a year end, and a clock change (29 March 2026 in London) in between.
    ['2026-12-28', '2027-01-04', 'from last week'],
    ['2026-03-23', '2026-04-06', 'from 2 weeks ago'],
    ['2026-11-09', '2026-11-02', 'from this week'],
  ])('made %s, seen %s: %s', (made, now, expected) => {
    expect(ageLabel(made, now)).toBe(expected);
  });

  it.each([
    ['2026-11-09', '2026-11-02'],
    ['2027-01-04', '2026-12-28'],
    ['2026-03-30', '2026-03-23'],
  ])('the week before %s starts %s', (week, before) => {
    expect(weekBefore(week)).toBe(before);
  });

  it('counts whole weeks', () => {
    expect(weeksBetween('2025-12-29', '2026-12-28')).toBe(52);
  });
});
