import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testDraft } from '../compose/test-moments';
import { setDatabase } from './db';
import { WeeknotesDb } from './schema';
import { addDraft, allDrafts, draftForWeek, updateDraft } from './drafts';
import { StorageProblem } from './errors';

let db: WeeknotesDb;
let n = 0;

beforeEach(() => {
  db = new WeeknotesDb(`drafts-${++n}`);
  setDatabase(db);
});

afterEach(async () => {
  await db.delete();
});

describe('drafts', () => {
  it('keeps one draft per week, found by its week', async () => {
    await addDraft(testDraft('2026-11-16', 'Body'));
    expect((await draftForWeek('2026-11-16'))?.body).toBe('Body');
    expect(await draftForWeek('2026-11-09')).toBeUndefined();
    await expect(addDraft(testDraft('2026-11-16', 'Again'))).rejects.toBeInstanceOf(StorageProblem);
  });

  it('saves edits and queues each one for sync', async () => {
    await addDraft(testDraft('2026-11-16', 'Body'));
    await updateDraft('draft-2026-11-16', { body: 'Edited' }, '2026-11-20T18:00:00.000Z');
    expect(await draftForWeek('2026-11-16')).toMatchObject({
      body: 'Edited',
      updatedAt: '2026-11-20T18:00:00.000Z',
    });
    expect((await db.outbox.toArray()).map((o) => [o.kind, o.recordId])).toEqual([
      ['draft', 'draft-2026-11-16'],
      ['draft', 'draft-2026-11-16'],
    ]);
  });

  it('refuses to update a draft that does not exist', async () => {
    await expect(updateDraft('nope', { body: 'x' }, 'T')).rejects.toBeInstanceOf(StorageProblem);
  });

  it('lists drafts newest week first', async () => {
    await addDraft(testDraft('2021-11-22', 'Old'));
    await addDraft(testDraft('2026-11-16', 'New'));
    await addDraft(testDraft('2025-03-03', 'Middle'));
    expect((await allDrafts()).map((d) => d.weekStart)).toEqual([
      '2026-11-16',
      '2025-03-03',
      '2021-11-22',
    ]);
  });

  it('upgrades a version 1 database without losing moments', async () => {
    const { default: Dexie } = await import('dexie');
    const name = `upgrade-${n}`;
    const v1 = new Dexie(name);
    v1.version(1).stores({
      moments: 'id, localDate, createdAt, *tags, *people, *terms',
      settings: 'key',
      outbox: '++seq, recordId',
    });
    await v1
      .table('moments')
      .add({ id: 'kept', localDate: '2026-11-16', terms: [], deletedAt: null });
    v1.close();
    const v2 = new WeeknotesDb(name);
    expect(await v2.moments.get('kept')).toMatchObject({ id: 'kept' });
    expect(await v2.drafts.count()).toBe(0);
    await v2.delete();
  });
});
