/** What a sync round writes to the device's IndexedDB: nothing when nothing changed. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { testMoment } from '../../src/compose/test-moments';
import { storedMoment } from '../../src/storage/stored-moment';
import { MAX_BATCH, type Mutation } from '../../src/sync/protocol';
import { resolveConflict } from '../../src/sync/resolve';
import { deviceSuite, SimulatedDevice, serverRecords } from './devices';

const suite = deviceSuite();
const phoneAndLaptop = (): Promise<[SimulatedDevice, SimulatedDevice]> => suite.phoneAndLaptop();
afterEach(() => {
  vi.restoreAllMocks();
});

/**
 * Every read-write IndexedDB transaction opened while `writes` is set, by the stores it covers.
 * Dexie binds the database's transaction method as it opens, so the spy is set up before any
 * device's database opens.
 */
let writes: string[][] | null = null;
// eslint-disable-next-line @typescript-eslint/unbound-method -- called on its database below
const open = IDBDatabase.prototype.transaction;
vi.spyOn(IDBDatabase.prototype, 'transaction').mockImplementation(function (
  this: IDBDatabase,
  ...args: Parameters<IDBDatabase['transaction']>
) {
  const [stores, mode] = args;
  if (mode === 'readwrite') writes?.push([...(typeof stores === 'string' ? [stores] : stores)]);
  return open.apply(this, args);
});

describe('an idle sync round', () => {
  it('writes nothing to IndexedDB, and still says when it synced', async () => {
    const [phone, laptop] = await phoneAndLaptop();
    await phone.capture('Pushed in the first round');
    await phone.writeDraft('2026-11-16', 'A draft\n');
    await phone.setSettings({ series: 4 });
    await phone.sync();
    await phone.sync();
    const stored = await phone.store.syncState();

    writes = [];
    const before = Date.now();
    const result = await phone.sync();
    expect(writes).toEqual([]);
    // The round's time is given to the suite.app to show; the stored one stays as it was.
    expect(Date.parse(result.syncedAt)).toBeGreaterThanOrEqual(before);
    expect(await phone.store.syncState()).toEqual(stored);

    // A round that brings something stores it, the new cursor and when it synced.
    await laptop.capture('From the laptop');
    await laptop.sync();
    await phone.sync();
    expect(writes.length).toBeGreaterThan(0);
    const after = await phone.store.syncState();
    expect(after.cursor).toBeGreaterThan(stored.cursor);
    expect(after.lastSyncedAt! > stored.lastSyncedAt!).toBe(true);
    expect((await phone.moments()).map((m) => m.text)).toContain('From the laptop');
  });
});

describe('uploading everything on sign-up', () => {
  it("pushes batches of the server's size, each settled with bulk reads and writes", async () => {
    const [phone] = await phoneAndLaptop();
    const count = 2 * MAX_BATCH + 50;
    const moments = Array.from({ length: count }, (_, i) =>
      testMoment(`m${String(i).padStart(4, '0')}`, '2026-11-16T09:00:00.000Z', `Moment ${i}`),
    );
    await phone.db.moments.bulkPut(moments.map((m) => storedMoment(m)));
    await phone.store.startFreshSync(new Date().toISOString());
    const sizes: number[] = [];
    const push = phone.remote.push.bind(phone.remote);
    phone.remote.push = (mutations: Mutation[]) => {
      sizes.push(mutations.length);
      return push(mutations);
    };
    const get = vi.spyOn(phone.db.syncBase, 'get');
    const put = vi.spyOn(phone.db.syncBase, 'put');
    const bulkPut = vi.spyOn(phone.db.syncBase, 'bulkPut');

    await phone.sync();
    expect(sizes).toEqual([MAX_BATCH, MAX_BATCH, 50]);
    // One bulk write of the answers per batch, not a read and a write per record.
    expect(get).not.toHaveBeenCalled();
    expect(put).not.toHaveBeenCalled();
    expect(
      bulkPut.mock.calls.filter(([rows]) => rows.length > 0).map(([rows]) => rows.length),
    ).toEqual([MAX_BATCH, MAX_BATCH, 50]);
    expect((await phone.store.syncState()).pending).toBe(0);
    expect(await phone.db.syncBase.count()).toBe(count);
    expect(await serverRecords(suite.app, phone.session.userId)).toHaveLength(count);
  });

  it("removes exactly the batch's outbox rows, and keeps rows queued after it was chosen", async () => {
    const [phone] = await phoneAndLaptop();
    await phone.writeDraft('2026-11-16', 'One\n'); // seq 1
    const a = await phone.capture('A'); // seq 2
    await phone.writeDraft('2026-11-16', 'Two\n'); // seq 3
    const b = await phone.capture('B'); // seq 4
    const draftId = (await phone.draft('2026-11-16'))!.id;
    const resolve = resolveConflict(() => new Date());
    // The draft alone: its rows 1 and 3 go, the moment's row 2 between them stays.
    let batch = (await phone.store.nextBatch(1, 1e6)) ?? [];
    expect(batch.map((m) => m.id)).toEqual([draftId]);
    await phone.store.settleBatch(
      await phone.remote.push(batch),
      resolve,
      new Date().toISOString(),
    );
    const left = async () =>
      (await phone.db.outbox.orderBy('seq').toArray()).map((r) => r.recordId);
    expect(await left()).toEqual([a.id, b.id]);
    // A moment captured while a batch is out stays queued for the next one.
    batch = (await phone.store.nextBatch(2, 1e6)) ?? [];
    const c = await phone.capture('C');
    await phone.store.settleBatch(
      await phone.remote.push(batch),
      resolve,
      new Date().toISOString(),
    );
    expect(await left()).toEqual([c.id]);
  });

  it('settles the rest of a batch when one answer cannot be merged, and keeps that one queued', async () => {
    const [phone, laptop] = await phoneAndLaptop();
    await phone.writeDraft('2026-11-16', 'Intro\n');
    const draft = (await phone.draft('2026-11-16'))!;
    await phone.sync();
    // Another device leaves on the server a version of the draft this device cannot read.
    const at = new Date().toISOString();
    const replace = async (payload: string, baseVersion: number) => {
      const [result] = await laptop.remote.push([
        {
          mutationId: crypto.randomUUID(),
          id: draft.id,
          kind: 'draft',
          baseVersion,
          updatedAt: at,
          deleted: false,
          payload,
        },
      ]);
      expect(result?.status).toBe('applied');
    };
    await replace('{"not":"a draft"}', 1);
    await phone.writeDraft('2026-11-16', 'Intro\n\nWritten on the phone\n');
    await phone.capture('Captured in the same batch');
    await phone.capture('And another');

    const result = await phone.sync();
    expect(result.unsettled).toHaveLength(1);
    expect(result.unsettled[0]).toMatchObject({ id: draft.id, kind: 'draft' });
    expect(result.unsettled[0]?.reason).toMatch(/^id: /);
    // The moments in the same batch were settled; the draft waits, unchanged, with its base.
    expect(await phone.db.inflight.count()).toBe(0);
    const queued = await phone.db.outbox.toArray();
    expect(queued.length).toBeGreaterThan(0);
    expect(queued.every((row) => row.recordId === draft.id)).toBe(true);
    expect((await phone.draft('2026-11-16'))?.body).toBe('Intro\n\nWritten on the phone\n');
    expect((await phone.db.syncBase.get(draft.id))?.version).toBe(1);
    const records = await serverRecords(suite.app, phone.session.userId);
    expect(records.filter((r) => r.kind === 'moment')).toHaveLength(2);

    // Once the server holds a version it can read, the next round merges and sends it.
    await replace(JSON.stringify({ ...draft, body: 'Intro\n', title: 'Renamed' }), 2);
    const next = await phone.sync();
    expect(next.unsettled).toEqual([]);
    expect((await phone.store.syncState()).pending).toBe(0);
    const merged = await phone.draft('2026-11-16');
    expect(merged).toMatchObject({ title: 'Renamed', body: 'Intro\n\nWritten on the phone\n' });
  });
});

describe('pulling a record this device cannot read', () => {
  it('stores the rest of the page and says which one was left on the server', async () => {
    const [phone, laptop] = await phoneAndLaptop();
    const good = await laptop.capture('Readable');
    const at = '2026-11-18T10:00:00.000Z';
    // Written by a device that did not check its times: the server only sees the envelope's.
    const bad = testMoment('bad-time', at, 'Unreadable', { createdAt: 'last Wednesday' });
    const [answer] = await laptop.remote.push([
      {
        mutationId: crypto.randomUUID(),
        id: bad.id,
        kind: 'moment',
        baseVersion: 0,
        updatedAt: at,
        deleted: false,
        payload: JSON.stringify(bad),
      },
    ]);
    expect(answer?.status).toBe('applied');
    await laptop.sync();

    const result = await phone.sync();
    expect(result.unsettled).toEqual([
      {
        id: 'bad-time',
        kind: 'moment',
        reason: 'createdAt: must be an ISO 8601 time with its offset',
        direction: 'pull',
      },
    ]);
    expect((await phone.moments()).map((m) => m.id)).toEqual([good.id]);
    const { cursor } = await phone.store.syncState();
    expect(cursor).toBeGreaterThan(0);
    expect((await phone.sync()).unsettled).toEqual([]);
  });
});
