import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { setDatabase } from './db';
import { observe } from './live';
import { WeeknotesDb } from './schema';
import {
  addMoment,
  countMoments,
  deleteMoment,
  editMoment,
  getMoment,
  momentsBetween,
  momentsOnDay,
  restoreMoment,
  searchMoments,
} from './moments';
import type { Moment } from './records';
import { StorageProblem } from './errors';

let db: WeeknotesDb;
let n = 0;

beforeEach(() => {
  db = new WeeknotesDb(`test-${++n}`);
  setDatabase(db);
});

afterEach(async () => {
  await db.delete();
});

function moment(overrides: Partial<Moment> & { id: string }): Moment {
  return {
    text: 'A moment',
    createdAt: '2026-11-16T09:00:00.000+00:00',
    timeZone: 'Europe/London',
    localDate: '2026-11-16',
    tags: [],
    people: [],
    nextWeek: false,
    private: false,
    updatedAt: '2026-11-16T09:00:00.000Z',
    deletedAt: null,
    ...overrides,
  };
}

describe('moments', () => {
  it('adds a moment and queues it for sync in the same transaction', async () => {
    await addMoment(moment({ id: 'a' }));
    expect(await getMoment('a')).toMatchObject({ id: 'a', text: 'A moment' });
    expect(await db.outbox.toArray()).toEqual([
      { seq: 1, kind: 'moment', recordId: 'a', op: 'put', queuedAt: '2026-11-16T09:00:00.000Z' },
    ]);
  });

  it('opens the database again for a save after it was closed', async () => {
    await addMoment(moment({ id: 'a' }));
    // Dexie closes its connection when another tab upgrades the database, for one.
    db.close();
    await addMoment(moment({ id: 'b' }));
    expect((await db.moments.toArray()).map((m) => m.id)).toEqual(['a', 'b']);
    expect(await db.outbox.count()).toBe(2);
  });

  it('keeps neither the moment nor the outbox row when the add fails', async () => {
    await addMoment(moment({ id: 'a' }));
    await expect(addMoment(moment({ id: 'a', text: 'again' }))).rejects.toBeInstanceOf(
      StorageProblem,
    );
    expect(await db.outbox.count()).toBe(1);
    expect((await getMoment('a'))?.text).toBe('A moment');
  });

  it('adds a moment while the database is still being created', async () => {
    const opening = db.open();
    await addMoment(moment({ id: 'a' }));
    await opening;
    expect(await db.moments.count()).toBe(1);
  });

  it('tells live queries of a moment added on the capture path', async () => {
    const seen: string[][] = [];
    const stop = observe(
      () => momentsOnDay('2026-11-16'),
      (ms) => seen.push(ms.map((m) => m.id)),
      (err) => {
        throw err;
      },
    );
    await vi.waitFor(() => expect(seen).toEqual([[]]));
    await addMoment(moment({ id: 'a' }));
    await vi.waitFor(() => expect(seen.at(-1)).toEqual(['a']));
    stop();
  });

  it('finds the moments of a week by their own local day, oldest first', async () => {
    await addMoment(moment({ id: 'sun-before', localDate: '2026-11-15' }));
    await addMoment(
      moment({ id: 'wed', localDate: '2026-11-18', createdAt: '2026-11-18T10:00:00.000+00:00' }),
    );
    await addMoment(
      moment({ id: 'mon', localDate: '2026-11-16', createdAt: '2026-11-16T08:00:00.000+00:00' }),
    );
    await addMoment(
      moment({ id: 'sun', localDate: '2026-11-22', createdAt: '2026-11-22T23:59:00.000+00:00' }),
    );
    await addMoment(moment({ id: 'mon-after', localDate: '2026-11-23' }));
    const week = await momentsBetween('2026-11-16', '2026-11-23');
    expect(week.map((m) => m.id)).toEqual(['mon', 'wed', 'sun']);
    expect(week[0]).not.toHaveProperty('terms');
  });

  it("lists a day's moments newest first", async () => {
    await addMoment(moment({ id: 'early', createdAt: '2026-11-16T08:00:00.000+00:00' }));
    await addMoment(moment({ id: 'late', createdAt: '2026-11-16T17:00:00.000+00:00' }));
    expect((await momentsOnDay('2026-11-16')).map((m) => m.id)).toEqual(['late', 'early']);
  });

  it('edits text, tags and flags, and queues each change', async () => {
    await addMoment(moment({ id: 'a' }));
    await editMoment('a', { text: 'New words #ops', tags: ['ops'], private: true }, 'T2');
    expect(await getMoment('a')).toMatchObject({
      text: 'New words #ops',
      tags: ['ops'],
      private: true,
      updatedAt: 'T2',
    });
    expect(await db.outbox.count()).toBe(2);
    expect((await searchMoments('words')).map((m) => m.id)).toEqual(['a']);
    expect(await searchMoments('moment')).toEqual([]);
  });

  it('refuses to edit a moment that does not exist', async () => {
    await expect(editMoment('missing', { text: 'x' }, 'T')).rejects.toBeInstanceOf(StorageProblem);
    expect(await db.outbox.count()).toBe(0);
  });

  it('deletes softly, and undo brings the moment back', async () => {
    await addMoment(moment({ id: 'a' }));
    await deleteMoment('a', 'T2');
    expect(await momentsOnDay('2026-11-16')).toEqual([]);
    expect(await countMoments()).toBe(0);
    expect((await getMoment('a'))?.deletedAt).toBe('T2');
    await restoreMoment('a', 'T3');
    expect((await momentsOnDay('2026-11-16')).map((m) => m.id)).toEqual(['a']);
    expect(await db.outbox.count()).toBe(3);
  });
});

describe('searchMoments', () => {
  beforeEach(async () => {
    await addMoment(
      moment({
        id: 'p',
        text: 'Coffee with @Priya about the service centre',
        createdAt: '2026-11-16T08:00:00.000+00:00',
      }),
    );
    await addMoment(
      moment({
        id: 'c',
        text: 'Café budget review #Budget',
        createdAt: '2021-03-01T08:00:00.000+00:00',
      }),
    );
    await addMoment(moment({ id: 'gone', text: 'Priya again', deletedAt: 'T' }));
  });

  it.each([
    ['priya', ['p']],
    ['@Priya', ['p']],
    ['serv cent', ['p']],
    ['cafe', ['c']], // accents fold
    ['#budget', ['c']],
    ['coffee budget', []],
    ['   ', []],
  ])('%j finds %j', async (query, ids) => {
    expect((await searchMoments(query)).map((m) => m.id)).toEqual(ids);
  });
});
