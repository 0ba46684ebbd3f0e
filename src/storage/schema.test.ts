import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { testMoment } from '../compose/test-moments';
import { setDatabase } from './db';
import { momentsBetween, searchMoments } from './moments';
import { WeeknotesDb } from './schema';
import { storedMoment } from './stored-moment';

describe('schema upgrades', () => {
  it('opens a database made by the previous version with its moments intact', async () => {
    const name = 'upgrade-from-4';
    const old = new Dexie(name);
    old.version(4).stores({
      moments: 'id, localDate, createdAt, *tags, *people, *terms, unindexed',
      settings: 'key',
      outbox: '++seq, recordId',
      drafts: 'id, weekStart, updatedAt',
      syncBase: 'id',
      syncMeta: 'key',
      inflight: 'key',
    });
    const m = testMoment('kept', '2026-11-18T09:00:00.000+00:00', 'Kept across the upgrade #x');
    await old.table('moments').put(storedMoment(m));
    old.close();

    const db = new WeeknotesDb(name);
    setDatabase(db);
    expect((await momentsBetween('2026-11-16', '2026-11-23')).map((x) => x.id)).toEqual(['kept']);
    expect((await searchMoments('upgrade')).map((x) => x.id)).toEqual(['kept']);
    expect(db.verno).toBe(8);
    await db.delete();
  });
});
