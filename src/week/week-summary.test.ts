import { describe, expect, it } from 'vitest';
import type { Moment } from '../storage/records';
import { filterLabel, matchesFilter, summarise, type MomentFilter } from './week-summary';

function moment(tags: string[], people: string[]): Moment {
  return {
    id: `${tags.join()}|${people.join()}`,
    text: '',
    createdAt: '2026-11-18T09:00:00.000+00:00',
    timeZone: 'Europe/London',
    localDate: '2026-11-18',
    tags,
    people,
    nextWeek: false,
    private: false,
    updatedAt: '2026-11-18T09:00:00.000Z',
    deletedAt: null,
  };
}

describe('summarise', () => {
  it('counts moments, and tags and people by how many moments mention them', () => {
    const week = [
      moment(['parking', 'hiring'], ['Priya']),
      moment(['hiring'], ['priya', 'Sam']),
      moment(['budget'], []),
      moment(['hiring'], ['Ana']),
    ];
    expect(summarise(week)).toEqual({
      moments: 4,
      tags: [
        { name: 'hiring', count: 3 },
        { name: 'budget', count: 1 },
        { name: 'parking', count: 1 },
      ],
      people: [
        { name: 'Priya', count: 2 },
        { name: 'Ana', count: 1 },
        { name: 'Sam', count: 1 },
      ],
    });
  });

  it('is empty for an empty week', () => {
    expect(summarise([])).toEqual({ moments: 0, tags: [], people: [] });
  });
});

describe('matchesFilter', () => {
  const m = moment(['parking'], ['Priya']);
  it.each<[MomentFilter | null, boolean]>([
    [null, true],
    [{ kind: 'tag', name: 'parking' }, true],
    [{ kind: 'tag', name: 'Parking' }, true],
    [{ kind: 'tag', name: 'park' }, false],
    [{ kind: 'tag', name: 'Priya' }, false],
    [{ kind: 'person', name: 'priya' }, true],
    [{ kind: 'person', name: 'parking' }, false],
  ])('%j → %s', (filter, expected) => {
    expect(matchesFilter(m, filter)).toBe(expected);
  });
});

describe('labels', () => {
  it('marks tags and people', () => {
    expect(filterLabel({ kind: 'tag', name: 'parking' })).toBe('#parking');
    expect(filterLabel({ kind: 'person', name: 'Priya' })).toBe('@Priya');
  });
});
