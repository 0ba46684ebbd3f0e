import { testMoment } from '../compose/test-moments';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setDatabase } from '../storage/db';
import { addMoment, deleteMoment } from '../storage/moments';
import type { Moment } from '../storage/records';
import { WeeknotesDb } from '../storage/schema';
import { updateSettings } from '../storage/settings';
import { readWeekTally } from './week-tally';

let db: WeeknotesDb;
let n = 0;

beforeEach(() => {
  db = new WeeknotesDb(`tally-${++n}`);
  setDatabase(db);
});

afterEach(async () => {
  await db.delete();
});

function moment(id: string, localDate: string, flags: Partial<Moment> = {}): Moment {
  return testMoment(id, `${localDate}T09:00:00.000+00:00`, `Moment ${id}`, { tags: [], ...flags });
}

// Local noon, so the day is the same in every zone the suites run in.
const friday = new Date(2026, 10, 20, 12);

describe('readWeekTally', () => {
  it("reads this week's public moments from the app's own database, as the service worker does", async () => {
    await addMoment(moment('a', '2026-11-16'));
    await addMoment(moment('b', '2026-11-20', { nextWeek: true }));
    await addMoment(moment('c', '2026-11-22'));
    await addMoment(moment('d', '2026-11-19', { private: true }));
    await addMoment(moment('e', '2026-11-18'));
    await deleteMoment('e', '2026-11-18T10:00:00.000Z');
    await addMoment(moment('f', '2026-11-15')); // last week
    await addMoment(moment('g', '2026-11-23')); // next week
    db.close();
    expect(await readWeekTally(friday, db.name)).toEqual({
      weekStart: '2026-11-16',
      isoWeek: 47,
      moments: 3,
      nextWeek: 1,
    });
  });

  it("follows the writer's week start", async () => {
    await updateSettings({ weekStartsOn: 0 });
    await addMoment(moment('a', '2026-11-15'));
    await addMoment(moment('b', '2026-11-16'));
    db.close();
    expect(await readWeekTally(friday, db.name)).toMatchObject({
      weekStart: '2026-11-15',
      moments: 2,
    });
  });

  it('with no database yet, counts nothing and leaves none behind', async () => {
    expect(await readWeekTally(friday, 'never-opened')).toEqual({
      weekStart: '2026-11-16',
      isoWeek: 47,
      moments: 0,
      nextWeek: 0,
    });
    const names = (await indexedDB.databases()).map((d) => d.name);
    expect(names).not.toContain('never-opened');
  });
});
