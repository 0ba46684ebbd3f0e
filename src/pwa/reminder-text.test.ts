import { describe, expect, it } from 'vitest';
import { weekContaining } from '../week/iso-week';
import type { WeekStartDay } from '../storage/records';
import {
  noticeTarget,
  readReminderPush,
  reminderNotice,
  tallyMoments,
  tallyWeek,
  tapAction,
  type TalliedMoment,
} from './reminder-text';

const moment = (flags: Partial<TalliedMoment> = {}): TalliedMoment => ({
  deletedAt: null,
  private: false,
  nextWeek: false,
  ...flags,
});
const many = (n: number, flags: Partial<TalliedMoment> = {}) =>
  Array.from({ length: n }, () => moment(flags));

describe('tallyMoments', () => {
  it('counts public moments that are not deleted, and the next-week ones among them', () => {
    const moments = [
      ...many(3),
      ...many(2, { nextWeek: true }),
      moment({ private: true }),
      moment({ private: true, nextWeek: true }),
      moment({ deletedAt: '2026-11-20T10:00:00Z' }),
      moment({ deletedAt: '2026-11-20T10:00:00Z', nextWeek: true }),
    ];
    expect(tallyMoments(moments)).toEqual({ moments: 5, nextWeek: 2 });
  });
});

describe('the weekly reminder', () => {
  it.each<[string, WeekStartDay, number, number, string, string]>([
    ['2026-11-20', 1, 12, 2, 'Week 47: 12 moments, 2 next-week items', '2026-11-16'],
    ['2026-11-20', 1, 1, 1, 'Week 47: 1 moment, 1 next-week item', '2026-11-16'],
    ['2026-11-20', 1, 4, 0, 'Week 47: 4 moments', '2026-11-16'],
    ['2026-11-20', 1, 0, 0, 'Week 47: no moments yet', '2026-11-16'],
    // Across a year end: 1 January 2027 is a Friday in 2026's week 53.
    ['2027-01-01', 1, 3, 0, 'Week 53: 3 moments', '2026-12-28'],
    ['2027-01-08', 1, 2, 0, 'Week 1: 2 moments', '2027-01-04'],
    // 1 January 2021, a Friday, was in 2020's week 53; 2 January 2022 in 2021's week 52.
    ['2021-01-01', 1, 1, 0, 'Week 53: 1 moment', '2020-12-28'],
    ['2022-01-02', 1, 1, 0, 'Week 52: 1 moment', '2021-12-27'],
    // A Sunday week is numbered by its fourth day (the Wednesday).
    ['2026-12-31', 0, 1_500, 0, 'Week 53: 1,500 moments', '2026-12-27'],
  ])(
    'on %s (weeks from day %i) with %i moments, %i next-week: "%s"',
    (today, start, n, next, title, weekStart) => {
      const week = weekContaining(today, start);
      const moments = [...many(n - next), ...many(next, { nextWeek: true })];
      const notice = reminderNotice({ reminder: 'weekly' }, tallyWeek(week, moments));
      expect(notice).toEqual({
        title,
        body: 'Write your weeknote?',
        tag: 'weeknotes-reminder',
        silent: false,
        data: { url: `/write/${weekStart}` },
      });
    },
  );
});

describe('the mid-week nudge', () => {
  const week = weekContaining('2026-11-18', 1);
  it.each<[number, number, string, string, boolean]>([
    [5, 0, 'Week 47: no moments yet', 'Anything worth jotting down from this week?', false],
    [5, 1, 'Week 47: 1 moment so far', 'Anything worth jotting down from this week?', false],
    [5, 4, 'Week 47: 4 moments so far', 'Anything worth jotting down from this week?', false],
    [5, 5, 'Week 47: 5 moments so far', 'Enough for a weeknote already. Keep going.', true],
    [1, 9, 'Week 47: 9 moments so far', 'Enough for a weeknote already. Keep going.', true],
  ])('fewer than %i wanted, %i captured: "%s"', (fewerThan, n, title, body, silent) => {
    const notice = reminderNotice({ reminder: 'nudge', fewerThan }, tallyWeek(week, many(n)));
    expect(notice).toMatchObject({ title, body, silent, data: { url: '/write/2026-11-16' } });
  });
});

describe('readReminderPush', () => {
  it.each([
    [
      { type: 'reminder', reminder: 'weekly', due: '2026-11-20T15:00:00.000Z' },
      { reminder: 'weekly' },
    ],
    [
      { type: 'reminder', reminder: 'nudge', due: '2026-11-18T15:00:00.000Z', fewerThan: 3 },
      { reminder: 'nudge', fewerThan: 3 },
    ],
    [{ type: 'reminder', reminder: 'nudge' }, null],
    [{ type: 'reminder', reminder: 'nudge', fewerThan: 0 }, null],
    [{ type: 'other', reminder: 'weekly' }, null],
    [{ type: 'reminder', reminder: 'daily' }, null],
    ['reminder', null],
    [null, null],
  ])('%j reads as %j', (data, expected) => {
    expect(readReminderPush(data)).toEqual(expected);
  });
});

describe('noticeTarget', () => {
  it.each([
    [{ url: '/write/2026-11-16' }, '/write/2026-11-16'],
    [{ url: 'https://elsewhere.example/write/2026-11-16' }, '/'],
    [{ url: '//elsewhere.example' }, '/'],
    [{ url: '/write/../settings' }, '/'],
    [null, '/'],
    [undefined, '/'],
  ])('%j leads to %s', (data, expected) => {
    expect(noticeTarget(data)).toBe(expected);
  });
});

describe('tapAction', () => {
  const at = (path: string, focused = false) => ({ url: `https://weeknotes.test${path}`, focused });
  const path = '/write/2026-11-16';
  it.each([
    ['no window open', [], { kind: 'open', path }],
    ['a window already there', [at('/'), at(path)], { kind: 'focus', index: 1 }],
    [
      'windows elsewhere: the focused one',
      [at('/'), at('/week', true)],
      { kind: 'navigate', index: 1, path },
    ],
    [
      'windows elsewhere, none focused',
      [at('/settings'), at('/')],
      { kind: 'navigate', index: 0, path },
    ],
  ])('%s', (_, windows, expected) => {
    expect(tapAction(windows, path)).toEqual(expected);
  });
});
