import { testMoment } from '../compose/test-moments';
import { describe, expect, it } from 'vitest';
import type { Moment, WeekStartDay } from '../storage/records';
import { weekContaining } from '../week/iso-week';
import {
  describeLastMentions,
  latestMentions,
  threadsInDraft,
  weeksAgoLabel,
  type Thread,
} from './last-mentioned';
import { sameWeekLastYear } from './last-year';

function moment(localDate: string, extra: Partial<Moment> = {}): Moment {
  return testMoment(
    `m-${localDate}-${Math.random()}`,
    `${localDate}T09:00:00.000+00:00`,
    '',
    extra,
  );
}

const ron: Thread = { kind: 'person', name: 'Ron' };
const run: Thread = { kind: 'tag', name: 'run' };

describe('threadsInDraft', () => {
  it('takes people and tags from public moments and the body, once each, people first', () => {
    const threads = threadsInDraft(
      [
        moment('2026-11-16', { people: ['Ron'], tags: ['run'] }),
        moment('2026-11-17', { people: ['ron', 'Sam'], tags: ['Budget'] }),
        moment('2026-11-18', { people: ['Secret'], private: true }),
        moment('2026-11-18', { people: ['Gone'], deletedAt: '2026-11-18T10:00:00Z' }),
      ],
      'Met @Priya about #blue-badge. ## Next week #1',
    );
    expect(threads).toEqual([
      { kind: 'person', name: 'Priya' },
      { kind: 'person', name: 'Ron' },
      { kind: 'person', name: 'Sam' },
      { kind: 'tag', name: 'blue-badge' },
      { kind: 'tag', name: 'budget' },
      { kind: 'tag', name: 'run' },
    ]);
  });
});

describe('latestMentions', () => {
  it('finds the latest public, live mention strictly before the week', () => {
    const latest = latestMentions(
      [ron, run],
      [
        moment('2026-10-01', { people: ['Ron'] }),
        moment('2026-11-02', { people: ['RON'] }),
        moment('2026-11-10', { people: ['Ron'], private: true }),
        moment('2026-11-11', { people: ['Ron'], deletedAt: '2026-11-12T00:00:00Z' }),
        moment('2026-11-16', { people: ['Ron'], tags: ['run'] }), // this week: not "before"
        moment('2025-06-01', { tags: ['run'] }),
        moment('2026-01-01', { tags: ['running'] }),
      ],
      '2026-11-16',
    );
    expect(Object.fromEntries(latest)).toEqual({
      'person:ron': '2026-11-02',
      'tag:run': '2025-06-01',
    });
  });
});

describe('describeLastMentions', () => {
  it.each<[string, WeekStartDay, string, string, string, string | null]>([
    // this week's date, week start, mention, when, where, title of the mention's week
    ['2026-11-20', 1, '2026-11-13', 'last week', 'w/c 9 November', null],
    ['2026-11-20', 1, '2026-10-29', '3 weeks ago', 'Weeknote v10.44', 'Weeknote v10.44'],
    ['2026-11-20', 1, '2026-11-08', '2 weeks ago', 'w/c 2 November', null], // a Sunday
    ['2026-11-20', 0, '2026-11-08', 'last week', 'w/c 8 November', null], // Sunday weeks
    // Week 1 of 2027 looking back at week 53 of 2026, which holds 1 January 2027.
    ['2027-01-06', 1, '2027-01-01', 'last week', 'w/c 28 December 2026', null],
    ['2027-01-06', 1, '2026-12-28', 'last week', 'w/c 28 December 2026', null],
    ['2027-01-06', 1, '2026-12-27', '2 weeks ago', 'w/c 21 December 2026', null],
    ['2027-01-06', 1, '2026-01-08', 'a year ago', 'w/c 5 January 2026', null],
    ['2027-01-06', 1, '2024-11-18', '2 years ago', 'w/c 18 November 2024', null],
    // Across the spring clock change in London: still whole weeks.
    ['2026-04-02', 1, '2026-03-26', 'last week', 'w/c 23 March', null],
  ])(
    'on %s (weeks from %i), a mention on %s was %s, in %s',
    (today, from, day, when, where, title) => {
      const week = weekContaining(today, from);
      const mentionWeek = weekContaining(day, from).start;
      const titles = new Map(title ? [[mentionWeek, title]] : []);
      const [got] = describeLastMentions([ron], new Map([['person:ron', day]]), week, from, titles);
      expect(got).toEqual({ thread: ron, weekStart: mentionWeek, when, where });
    },
  );

  it('says when a thread was never mentioned before', () => {
    const week = weekContaining('2026-11-20', 1);
    expect(describeLastMentions([run], new Map(), week, 1, new Map())).toEqual([
      { thread: run, weekStart: null, when: 'not before this week', where: '' },
    ]);
  });

  it.each([
    [1, 'last week'],
    [2, '2 weeks ago'],
    [51, '51 weeks ago'],
    [52, 'a year ago'],
    [78, 'a year ago'],
    [79, '2 years ago'],
    [520, '10 years ago'],
  ])('%i weeks reads %s', (weeks, label) => {
    expect(weeksAgoLabel(weeks)).toBe(label);
  });
});

describe('sameWeekLastYear', () => {
  it.each<[string, WeekStartDay, string, number, string | null]>([
    // this week's date, week start, last year's week start, its ISO week, note
    ['2026-11-20', 1, '2025-11-17', 47, null],
    ['2027-01-06', 1, '2025-12-29', 1, null], // week 1 of 2027 → week 1 of 2026, from 29 December
    ['2026-01-01', 1, '2024-12-30', 1, null], // 1 January 2026 is in week 1, which began in 2025
    // Week 53 of 2026 (holding 1 January 2027): 2025 had 52 weeks, so week 52.
    ['2027-01-01', 1, '2025-12-22', 52, '2025 had no week 53: this is week 52, the nearest.'],
    ['2021-01-01', 1, '2019-12-23', 52, '2019 had no week 53: this is week 52, the nearest.'],
    // Week 52 of 2021 looks back at week 52 of 2020 (which also had a week 53).
    ['2021-12-30', 1, '2020-12-21', 52, null],
    ['2026-11-22', 0, '2025-11-23', 48, null], // Sunday weeks: this one is week 48
  ])('%s (weeks from %i) looks back at %s, week %i', (today, from, start, iso, note) => {
    const got = sameWeekLastYear(weekContaining(today, from), from);
    expect(got.week.start).toBe(start);
    expect(got.week.isoWeek).toBe(iso);
    expect(got.note).toBe(note);
  });
});
