import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setDatabase } from './db';
import { addDraft } from './drafts';
import { addMoment, deleteMoment } from './moments';
import type { Draft, Moment } from './records';
import { WeeknotesDb } from './schema';
import { pulledMoment } from './stored-moment';
import { draftTitles, momentsWithWords, publicMentionsBefore } from './threads';

let db: WeeknotesDb;
let n = 0;

beforeEach(() => {
  db = new WeeknotesDb(`threads-${++n}`);
  setDatabase(db);
});

afterEach(async () => {
  await db.delete();
});

function moment(id: string, localDate: string, text: string, extra: Partial<Moment> = {}): Moment {
  const tags = [...text.matchAll(/#([\w-]+)/g)].map((m) => (m[1] ?? '').toLowerCase());
  const people = [...text.matchAll(/@(\w+)/g)].map((m) => m[1] ?? '');
  return {
    id,
    text,
    createdAt: `${localDate}T09:00:00.000+00:00`,
    timeZone: 'Europe/London',
    localDate,
    tags,
    people,
    nextWeek: false,
    private: false,
    updatedAt: `${localDate}T09:00:00.000Z`,
    deletedAt: null,
    ...extra,
  };
}

const ids = (ms: Moment[]) => ms.map((m) => m.id).sort();

describe('publicMentionsBefore', () => {
  it('finds public, live moments naming the tags and people before the day, across years', async () => {
    await addMoment(moment('a', '2026-12-31', 'Coffee with @Ron'));
    await addMoment(moment('b', '2027-01-01', 'Budget with @ron and #blue-badge'));
    await addMoment(moment('c', '2027-01-04', '@Ron again, this week'));
    await addMoment(moment('d', '2026-12-30', '@Ron is off sick', { private: true }));
    await addMoment(moment('e', '2026-12-29', 'Met @Ron'));
    await deleteMoment('e', '2026-12-29T10:00:00.000Z');
    await addMoment(moment('f', '2026-11-01', 'Ron without the at sign'));
    await addMoment(moment('g', '2026-11-02', 'Nothing to do with anyone'));
    await addMoment(moment('h', '2020-05-05', 'Long ago #blue-badge'));

    const found = await publicMentionsBefore(
      { tags: ['blue-badge'], people: ['Ron'] },
      '2027-01-04',
    );
    expect(ids(found)).toEqual(['a', 'b', 'h']);
  });

  it('finds moments just pulled by sync and not yet indexed for search', async () => {
    await db.moments.add(pulledMoment(moment('p', '2026-10-10', 'Pulled: met @Ron'), 3));
    expect(ids(await publicMentionsBefore({ tags: [], people: ['Ron'] }, '2026-11-16'))).toEqual([
      'p',
    ]);
  });

  it('reads nothing for no names', async () => {
    await addMoment(moment('a', '2026-10-10', 'Met @Ron'));
    expect(await publicMentionsBefore({ tags: [], people: [] }, '2026-11-16')).toEqual([]);
  });
});

describe('momentsWithWords', () => {
  it('finds live moments with the words or tags in the range, private ones included', async () => {
    await addMoment(moment('a', '2025-12-31', '#run 5 miles'));
    await addMoment(moment('b', '2026-01-01', '#run 3 miles'));
    await addMoment(moment('c', '2026-06-01', 'ran 5 km', { private: true }));
    await addMoment(moment('d', '2026-06-02', 'walked 2 miles'));
    await addMoment(moment('e', '2026-06-03', '#run 9 miles'));
    await deleteMoment('e', '2026-06-03T10:00:00.000Z');
    await addMoment(moment('f', '2027-01-01', '#run 1 mile'));
    expect(ids(await momentsWithWords(['#run', 'ran'], '2026-01-01', '2027-01-01'))).toEqual([
      'b',
      'c',
    ]);
  });
});

describe('draftTitles', () => {
  it('gives the titles of live drafts by week start', async () => {
    const draft = (weekStart: string, title: string): Draft => ({
      id: `draft-${weekStart}`,
      weekStart,
      title,
      body: '',
      status: 'draft',
      publishedOn: null,
      publishedUrl: null,
      momentIds: [],
      dismissedMomentIds: [],
      checklist: [],
      createdAt: '2026-11-20T10:00:00.000Z',
      updatedAt: '2026-11-20T10:00:00.000Z',
      deletedAt: null,
    });
    await addDraft(draft('2026-10-26', 'Weeknote v10.44'));
    await addDraft({ ...draft('2026-11-02', 'Gone'), deletedAt: '2026-11-03T00:00:00.000Z' });
    const titles = await draftTitles(['2026-10-26', '2026-11-02', '2026-11-09']);
    expect(Object.fromEntries(titles)).toEqual({ '2026-10-26': 'Weeknote v10.44' });
  });
});
