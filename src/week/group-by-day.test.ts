import { describe, expect, it } from 'vitest';
import type { Moment } from '../storage/records';
import { firstMoments, groupByDay } from './group-by-day';

const moment = (id: string, localDate: string): Moment => ({
  id,
  text: `Moment ${id}`,
  tags: [],
  people: [],
  createdAt: `${localDate}T09:00:00.000+00:00`,
  timeZone: 'Europe/London',
  localDate,
  nextWeek: false,
  private: false,
  updatedAt: `${localDate}T09:00:00.000Z`,
  deletedAt: null,
});

const days = ['2026-11-23', '2026-11-24', '2026-11-25'];
const week = [
  moment('a', '2026-11-23'),
  moment('b', '2026-11-23'),
  moment('c', '2026-11-25'),
  moment('d', '2026-11-25'),
  moment('e', '2026-11-25'),
];

describe('groupByDay', () => {
  it('groups moments under their own day, in the week’s order, leaving out empty days', () => {
    const groups = groupByDay(week, days);
    expect(groups.map((g) => [g.date, g.moments.map((m) => m.id).join('')])).toEqual([
      ['2026-11-23', 'ab'],
      ['2026-11-25', 'cde'],
    ]);
  });
});

describe('firstMoments', () => {
  const groups = groupByDay(week, days);
  const ids = (gs: { moments: Moment[] }[]): string[] =>
    gs.map((g) => g.moments.map((m) => m.id).join(''));

  it('keeps the first moments in order, cutting the day where the limit falls', () => {
    expect(ids(firstMoments(groups, 3))).toEqual(['ab', 'c']);
    expect(firstMoments(groups, 3)[1]?.date).toBe('2026-11-25');
  });

  it('stops at a day boundary without an empty day', () => {
    expect(ids(firstMoments(groups, 2))).toEqual(['ab']);
  });

  it('keeps every group, unchanged, when the limit is not reached', () => {
    const all = firstMoments(groups, 50);
    expect(all).toHaveLength(2);
    expect(all[1]).toBe(groups[1]);
  });

  it('draws nothing for a limit of 0', () => {
    expect(firstMoments(groups, 0)).toEqual([]);
  });
});
