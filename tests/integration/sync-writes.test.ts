/** What a sync round writes to the device's IndexedDB: nothing when nothing changed. */
import type { FastifyInstance } from 'fastify';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { testAccount, testServer } from '../../server/test-support';
import { SimulatedDevice } from './devices';

let app: FastifyInstance;
const devices: SimulatedDevice[] = [];

beforeAll(async () => {
  app = await testServer();
});
afterAll(async () => {
  await app.close();
});
afterEach(async () => {
  vi.restoreAllMocks();
  await Promise.all(devices.splice(0).map((d) => d.close()));
});

async function phoneAndLaptop(): Promise<[SimulatedDevice, SimulatedDevice]> {
  const phoneSession = await testAccount(app);
  const laptopSession = await testAccount(app, phoneSession.userId);
  const phone = new SimulatedDevice(phoneSession);
  const laptop = new SimulatedDevice(laptopSession);
  devices.push(phone, laptop);
  return [phone, laptop];
}

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
    // The round's time is given to the app to show; the stored one stays as it was.
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
