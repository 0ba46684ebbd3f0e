import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testMoment } from '../compose/test-moments';
import { exportAll } from './backup';
import { setDatabase } from './db';
import { editMoment, searchMoments } from './moments';
import { encodeRecord } from './record-codec';
import { WeeknotesDb } from './schema';
import { indexInBackground } from './search-index';
import { syncStore } from './sync-store';

let db: WeeknotesDb;
let n = 0;

beforeEach(() => {
  db = new WeeknotesDb(`search-index-${++n}`);
  setDatabase(db);
});
afterEach(async () => {
  await db.delete();
});

/** Stores moments as a sync pull does. */
async function pull(texts: string[], deleted = false): Promise<string[]> {
  const moments = texts.map((text, i) => ({
    ...testMoment(`m-${n}-${i}-${deleted}`, '2026-11-20T09:00:00.000+00:00', text),
    deletedAt: deleted ? '2026-11-20T10:00:00.000Z' : null,
  }));
  await syncStore(db).storePulled(
    moments.map((m, i) => ({
      id: m.id,
      kind: 'moment' as const,
      version: 1,
      seq: i + 1,
      updatedAt: m.updatedAt,
      deleted,
      payload: encodeRecord(m),
    })),
    moments.length,
  );
  return moments.map((m) => m.id);
}

describe('search index for moments that arrive by sync', () => {
  it('finds pulled moments before they are indexed, and after', async () => {
    await pull(['Budget review with @Priya', 'Site visit at the depot']);
    await pull(['A deleted budget note'], true);
    expect(await db.moments.where('unindexed').equals(1).count()).toBe(3);
    expect((await searchMoments('budget')).map((m) => m.text)).toEqual([
      'Budget review with @Priya',
    ]);
    expect((await searchMoments('priya bud')).map((m) => m.text)).toEqual([
      'Budget review with @Priya',
    ]);

    await indexInBackground(() => Promise.resolve());
    expect(await db.moments.where('unindexed').equals(1).count()).toBe(0);
    expect(await db.moments.where('terms').equals('depot').count()).toBe(1);
    expect((await searchMoments('budget')).map((m) => m.text)).toEqual([
      'Budget review with @Priya',
    ]);
  });

  it('is found once when edited before indexing, and never leaks into backups or pushes', async () => {
    const [id] = await pull(['Original words']);
    await editMoment(id ?? '', { text: 'Edited words' }, '2026-11-20T11:00:00.000Z');
    expect((await searchMoments('edited')).map((m) => m.id)).toEqual([id]);
    expect(await searchMoments('original')).toEqual([]);

    const backup = await exportAll(new Date());
    expect(Object.keys(backup.moments[0] ?? {})).not.toContain('unindexed');
    expect(Object.keys(backup.moments[0] ?? {})).not.toContain('terms');
    const [pushed] = (await syncStore(db).nextBatch(10, 1e6)) ?? [];
    expect(JSON.parse(pushed?.payload ?? '{}')).not.toHaveProperty('unindexed');
  });

  it('indexes many in batches', async () => {
    await pull(Array.from({ length: 700 }, (_, i) => `Moment number ${i} about housing`));
    let pauses = 0;
    await indexInBackground(() => {
      pauses++;
      return Promise.resolve();
    });
    expect(pauses).toBe(3);
    expect(await db.moments.where('terms').equals('housing').count()).toBe(700);
  });
});
