import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testDraft, testMoment } from '../compose/test-moments';
import { BackupProblem, exportAll, readBackup, restoreBackup } from './backup';
import { setDatabase } from './db';
import { addCommitments } from './commitments';
import { addDraft } from './drafts';
import { addMoment, deleteMoment } from './moments';
import { encodeRecord } from './record-codec';
import { WeeknotesDb } from './schema';
import { syncStore } from './sync-store';
import { updateSettings } from './settings';

let n = 0;
const dbs: WeeknotesDb[] = [];
function freshDevice(): WeeknotesDb {
  const db = new WeeknotesDb(`backup-${++n}`);
  dbs.push(db);
  setDatabase(db);
  return db;
}
const now = new Date('2026-11-22T10:00:00Z');

beforeEach(() => {
  freshDevice();
});
afterEach(async () => {
  await Promise.all(dbs.splice(0).map((d) => d.delete()));
});

async function fill(): Promise<void> {
  await addMoment(testMoment('a', '2026-11-16T09:00:00.000+00:00', 'Kept #budget'));
  await addMoment(testMoment('b', '2026-11-17T09:00:00.000+00:00', 'Deleted later'));
  await deleteMoment('b', '2026-11-18T09:00:00.000Z');
  await addDraft(testDraft('2026-11-16', 'A draft body\n'));
  await addCommitments([
    {
      id: 'commitment-2026-11-09-x',
      text: 'Hire a designer',
      weekStart: '2026-11-09',
      position: 0,
      madeIn: 'Weeknote v10.46',
      state: 'done',
      closedIn: '2026-11-16',
      createdAt: '2026-11-16T09:00:00.000Z',
      updatedAt: '2026-11-19T09:00:00.000Z',
      deletedAt: null,
    },
  ]);
  await updateSettings({ titleTemplate: 'Notes {week}', series: 4 });
}

describe('backup', () => {
  it('exports everything and restores it into an empty app identically', async () => {
    await fill();
    const backup = JSON.parse(JSON.stringify(await exportAll(now))) as unknown;
    const source = await exportAll(now);
    const target = freshDevice();
    const result = await restoreBackup(readBackup(backup), now);
    expect(result).toEqual({ moments: 2, drafts: 1, commitments: 1, settings: 2, unchanged: 0 });
    const restored = await exportAll(now);
    expect(restored).toEqual(source);
    // Two moments, a draft, a commitment and two settings, all queued for sync.
    expect(await target.outbox.count()).toBe(6);
    expect((await target.commitments.get('commitment-2026-11-09-x'))?.state).toBe('done');
    expect((await target.outbox.where('recordId').equals('setting-series').first())?.kind).toBe(
      'setting',
    );
    expect((await target.moments.get('a'))?.terms).toContain('budget');
  });

  it('changes nothing when the same file is restored twice', async () => {
    await fill();
    const backup = readBackup(await exportAll(now));
    const target = freshDevice();
    await restoreBackup(backup, now);
    const once = await exportAll(now);
    const outbox = await target.outbox.count();
    expect(await restoreBackup(backup, now)).toEqual({
      moments: 0,
      drafts: 0,
      commitments: 0,
      settings: 0,
      unchanged: 4,
    });
    expect(await exportAll(now)).toEqual(once);
    expect(await target.outbox.count()).toBe(outbox);
  });

  it('restores a file made before commitments, which has none', async () => {
    await fill();
    const { commitments: _none, ...older } = await exportAll(now);
    const target = freshDevice();
    const result = await restoreBackup(readBackup(older), now);
    expect(result).toMatchObject({ moments: 2, drafts: 1, commitments: 0 });
    expect(await target.commitments.count()).toBe(0);
  });

  it('keeps a newer version on the device over an older one in the file', async () => {
    await addMoment(testMoment('a', '2026-11-16T09:00:00.000+00:00', 'Old text'));
    const backup = readBackup(await exportAll(now));
    freshDevice();
    await addMoment({
      ...testMoment('a', '2026-11-16T09:00:00.000+00:00', 'Newer text'),
      updatedAt: '2026-11-20T00:00:00.000Z',
    });
    await restoreBackup(backup, now);
    expect((await exportAll(now)).moments[0]?.text).toBe('Newer text');
  });

  it('keeps this device’s own settings out of a backup, and the writer’s in', async () => {
    await fill();
    await updateSettings({ persistence: 'granted' });
    const backup = await exportAll(now);
    expect(backup.settings).toEqual({ titleTemplate: 'Notes {week}', series: 4 });
    // An older backup that still carries it restores without it.
    const old = readBackup({ ...backup, settings: { ...backup.settings, persistence: 'granted' } });
    expect(old.settings).toEqual({ titleTemplate: 'Notes {week}', series: 4 });
  });

  it.each([
    ['a title template that is not text', { titleTemplate: 5 }, /“titleTemplate”.*must be text/],
    ['a week start that is no day', { weekStartsOn: 9 }, /“weekStartsOn”.*0 \(Sunday\) to 6/],
    ['a negative series number', { series: -1 }, /“series”.*0 or more/],
    ['an unknown grouping', { grouping: 'week' }, /“grouping”/],
  ])('refuses a backup with %s, saying which setting', async (_case, settings, message) => {
    await fill();
    const before = await exportAll(now);
    const data = { ...before, settings };
    expect(() => readBackup(data)).toThrow(BackupProblem);
    expect(() => readBackup(data)).toThrow(message);
    expect(() => readBackup(data)).toThrow(/Nothing was changed/);
  });

  it.each([
    ['moments', 'createdAt', 'yesterday'],
    ['moments', 'updatedAt', '2026-11-16'],
    ['moments', 'deletedAt', '2026-11-16T09:00:00'],
    ['drafts', 'createdAt', '1795429116656'],
    ['drafts', 'updatedAt', '16/11/2026 09:00'],
    ['drafts', 'deletedAt', 'Mon, 16 Nov 2026 09:00:00 GMT'],
  ] as const)(
    'refuses a backup with %s whose %s is not an ISO time with its offset (%s)',
    async (list, field, value) => {
      await fill();
      const before = await exportAll(now);
      const records = before[list].map((r, i) => (i === 0 ? { ...r, [field]: value } : r));
      const data = JSON.parse(JSON.stringify({ ...before, [list]: records })) as unknown;
      expect(() => readBackup(data)).toThrow(BackupProblem);
      expect(() => readBackup(data)).toThrow(`${list === 'moments' ? 'moment' : 'draft'} 1`);
      expect(() => readBackup(data)).toThrow(`${field} “${value}”`);
      expect(() => readBackup(data)).toThrow(/ISO 8601 time with its offset.*Nothing was changed/);
      expect(await exportAll(now)).toEqual(before);
    },
  );

  it.each([
    '2026-11-16T09:30:00.000Z',
    '2026-11-16T09:30:00Z',
    '2026-11-16T09:30:00.000+00:00',
    '2026-11-16T10:30:00+01:00',
  ])('restores times written as %s', async (at) => {
    await fill();
    const backup = await exportAll(now);
    const moments = backup.moments.map((m) => ({ ...m, createdAt: at, updatedAt: at }));
    expect(readBackup({ ...backup, moments }).moments[0]?.createdAt).toBe(at);
  });

  it.each([
    ['a foreign file', { hello: 'world' }, /not a Weeknotes backup/],
    ['null', null, /not a Weeknotes backup/],
    [
      'a damaged file',
      {
        format: 'weeknotes-backup',
        version: 1,
        exportedAt: 'x',
        moments: [{ id: 'a' }],
        drafts: [],
        settings: {},
      },
      /damaged.*moments\.0/,
    ],
    [
      'a future version',
      {
        format: 'weeknotes-backup',
        version: 2,
        exportedAt: 'x',
        moments: [],
        drafts: [],
        settings: {},
      },
      /damaged/,
    ],
  ])('refuses %s with a clear message and changes nothing', async (_case, data, message) => {
    await fill();
    const before = await exportAll(now);
    expect(() => readBackup(data)).toThrow(BackupProblem);
    expect(() => readBackup(data)).toThrow(message);
    expect(await exportAll(now)).toEqual(before);
  });
});

describe('restoring over moments pulled from the server', () => {
  it('keeps the pulled version as the merge base, so the restored text is pushed against it', async () => {
    const db = freshDevice();
    const pulled = testMoment('p', '2026-11-16T09:00:00.000+00:00', 'As the server has it');
    await syncStore(db).storePulled(
      [
        {
          id: 'p',
          kind: 'moment',
          version: 3,
          seq: 7,
          updatedAt: pulled.updatedAt,
          deleted: false,
          payload: encodeRecord(pulled),
        },
      ],
      7,
    );
    const newer = {
      ...pulled,
      text: 'As the backup has it',
      updatedAt: '2026-11-23T09:00:00.000Z',
    };
    const file = readBackup(
      JSON.parse(JSON.stringify({ ...(await exportAll(now)), moments: [newer] })) as unknown,
    );
    await restoreBackup(file, now);

    const base = await db.syncBase.get('p');
    expect(base?.version).toBe(3);
    expect(JSON.parse(base?.payload ?? '{}')).toMatchObject({ text: 'As the server has it' });
    const [mutation] = (await syncStore(db).nextBatch(10, 1e6)) ?? [];
    expect(mutation).toMatchObject({ id: 'p', baseVersion: 3 });
    expect(JSON.parse(mutation?.payload ?? '{}')).toMatchObject({ text: 'As the backup has it' });
  });
});
