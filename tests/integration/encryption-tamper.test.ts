/**
 * ADR 0015: a server cannot alter, move or forge a sealed payload, and a device waits for a key
 * it has not been given rather than passing what it cannot open yet. Devices with their own
 * IndexedDB and keyring, and the server's real handlers on SQLite and PostgreSQL.
 */
import { describe, expect, it } from 'vitest';
import { ENGINES } from '../../server/test-support';
import { kekForBox } from '../../src/crypto/box';
import { createDataKey } from '../../src/crypto/data-key';
import { payloadKeyId } from '../../src/crypto/payload';
import { keepDataKeys, readKeyring } from '../../src/storage/keyring-store';
import { unsettledMessage } from '../../src/sync/engine';
import { createAccountKey, deviceBox, sendCopies, wrapHeldKeysFor } from '../../src/sync/keyring';
import {
  flipBit,
  keyedSuite,
  marker,
  openRound,
  serverPayload,
  tamper,
  type Keyed,
} from './keyed-devices';

const WEEK = '2026-11-16';

/** Makes the account's key on `device`, with no other way in. */
async function firstKey(device: Keyed): Promise<void> {
  const made = await device.device.on(() =>
    createAccountKey(device.api, device.account.deviceId, []),
  );
  expect(made.state).toBe('open');
}

/** Everything the device holds, to show nothing was overwritten. */
async function holdings(device: Keyed) {
  const { db } = device.device;
  return {
    moments: await db.moments.orderBy('id').toArray(),
    drafts: await db.drafts.orderBy('id').toArray(),
    settings: await db.settings.orderBy('key').toArray(),
  };
}

/** Gives `to` the keys `from` holds, as a link does; answers a way to give it later ones too. */
async function linked(from: Keyed, to: Keyed): Promise<() => Promise<void>> {
  const box = await to.device.on(() => deviceBox(to.api, to.account.deviceId));
  const target = { id: box.boxId, publicKey: box.keys.publicKey };
  const give = () =>
    from.device.on(async () => sendCopies(from.api, await wrapHeldKeysFor(target, 'device')));
  await give();
  expect((await openRound(to.round)).unsettled).toEqual([]);
  return give;
}

/** A new data key for the account, wrapped for `device`'s own box only, which seals with it. */
function keyForItself(device: Keyed): Promise<string> {
  return device.device.on(async () => {
    const ring = await readKeyring();
    const to = await kekForBox(ring.box!.keys.publicKey);
    const { dataKey, wrapped } = await createDataKey([{ kek: to.kek, kind: 'device' }]);
    const copy = { boxId: ring.box!.boxId!, sender: to.sender, wrapped: wrapped[0]!.text };
    await device.api.storeDataKey(dataKey.id, ring.current!.id, [copy]);
    const at = new Date(Date.now() + 1000).toISOString();
    await keepDataKeys([{ ...dataKey, copy, createdAt: at }], dataKey.id);
    return dataKey.id;
  });
}

describe.each(ENGINES)('tampered payloads and keys not yet given on $name', ({ databaseUrl }) => {
  const suite = keyedSuite(databaseUrl);

  /** A phone with the key, two moments and a draft, all synced. */
  async function syncedPhone() {
    const phone = await suite.device();
    await firstKey(phone);
    const first = await phone.device.capture(`First ${marker('m')}`);
    const second = await phone.device.capture(`Second ${marker('m')}`);
    await phone.device.writeDraft(WEEK, `Draft ${marker('d')}`);
    expect((await openRound(phone.round)).unsettled).toEqual([]);
    return { phone, first, second };
  }

  /** Runs a round after the server's copy of `id` was tampered with, and checks what it says. */
  async function refused(phone: Keyed, id: string, kind: string, reason: RegExp) {
    const before = await holdings(phone);
    const result = await openRound(phone.round);
    expect(result.unsettled).toEqual([
      { id, kind, reason: result.unsettled[0]?.reason, direction: 'pull' },
    ]);
    expect(result.unsettled[0]?.reason).toMatch(reason);
    expect(unsettledMessage(result.unsettled)).toContain(`${kind} ${id}`);
    expect(await holdings(phone)).toEqual(before);
    // Once told, it is left on the server: the next round does not bring it again.
    expect((await openRound(phone.round)).unsettled).toEqual([]);
    expect(await holdings(phone)).toEqual(before);
  }

  it('a payload moved onto another record is refused, and the record on the device is kept', async () => {
    const { phone, first, second } = await syncedPhone();
    const moved = await serverPayload(suite.app, phone.account.userId, first.id);
    await tamper(suite.app, phone.account.userId, second.id, moved);
    await refused(phone, second.id, 'moment', /does not open: it was changed, moved/);
  });

  it('the writer’s next edit of a record the server altered replaces the altered version', async () => {
    const { phone, second } = await syncedPhone();
    const flipped = flipBit(await serverPayload(suite.app, phone.account.userId, second.id));
    await tamper(suite.app, phone.account.userId, second.id, flipped);
    await refused(phone, second.id, 'moment', /does not open/);
    const edited = `Edited after the server altered it ${marker('e')}`;
    await phone.device.edit(second.id, edited);
    // The push meets the altered version: the writer is told, and their edit goes on top of it.
    const told = await openRound(phone.round);
    expect(told.unsettled).toEqual([expect.objectContaining({ id: second.id, direction: 'push' })]);
    expect(told.unsettled[0]?.reason).toMatch(/this device’s version replaces it/);
    expect((await openRound(phone.round)).unsettled).toEqual([]);
    const laptop = await suite.device(phone.account.userId);
    await linked(phone, laptop);
    const texts = (await laptop.device.moments()).map((m) => m.text);
    expect(texts).toContain(edited);
  });

  it('a payload with one bit flipped is refused, and the record on the device is kept', async () => {
    const { phone, second } = await syncedPhone();
    const flipped = flipBit(await serverPayload(suite.app, phone.account.userId, second.id));
    await tamper(suite.app, phone.account.userId, second.id, flipped);
    await refused(phone, second.id, 'moment', /does not open/);
  });

  it('a payload sealed with another account’s key is refused, and the record on the device is kept', async () => {
    const { phone } = await syncedPhone();
    const other = await suite.device();
    await firstKey(other);
    await other.device.writeDraft(WEEK, `Someone else ${marker('d')}`);
    expect((await openRound(other.round)).unsettled).toEqual([]);
    const theirs = await serverPayload(suite.app, other.account.userId, `draft-${WEEK}`);
    await tamper(suite.app, phone.account.userId, `draft-${WEEK}`, theirs);
    await refused(phone, `draft-${WEEK}`, 'draft', /not this account’s/);
  });

  it('a plaintext payload put in an encrypted account is refused', async () => {
    const { phone, first } = await syncedPhone();
    const plain = JSON.stringify({ ...(await phone.device.moments())[0], text: 'Forged' });
    await tamper(suite.app, phone.account.userId, first.id, plain);
    await refused(phone, first.id, 'moment', /not encrypted/);
  });

  it('a device re-sealing after a rotation still refuses plaintext', async () => {
    const { phone, first } = await syncedPhone();
    const texts = (await phone.device.moments()).map((m) => m.text);
    await phone.device.store.startReseal(new Date().toISOString());
    const plain = JSON.stringify({ ...(await phone.device.moments())[0], text: 'Forged' });
    await tamper(suite.app, phone.account.userId, first.id, plain);
    const result = await openRound(phone.round);
    expect(result.unsettled.map((u) => [u.id, u.direction])).toEqual([[first.id, 'push']]);
    expect(result.unsettled[0]?.reason).toMatch(/not encrypted/);
    expect((await phone.device.moments()).map((m) => m.text)).toEqual(texts);
  });

  it('a record sealed with a key the device has not been given is held back until it is', async () => {
    const phone = await suite.device();
    const laptop = await suite.device(phone.account.userId);
    await firstKey(phone);
    const giveLaptop = await linked(phone, laptop);

    // The phone seals with a new key, wrapped for its own box only for now.
    const before = await phone.device.capture(`Before ${marker('m')}`);
    await openRound(phone.round);
    const newKey = await keyForItself(phone);
    const after = await phone.device.capture(`After ${marker('m')}`);
    expect((await openRound(phone.round)).unsettled).toEqual([]);
    expect(payloadKeyId(await serverPayload(suite.app, phone.account.userId, after.id))).toBe(
      newKey,
    );
    const afterSeq = (
      await suite.app.database.db
        .selectFrom('records')
        .select('seq')
        .where('user_id', '=', phone.account.userId)
        .where('id', '=', after.id)
        .executeTakeFirstOrThrow()
    ).seq;

    // The laptop stores what comes before it, and its cursor stops short of it, round after round.
    for (let round = 0; round < 2; round++) {
      const result = await openRound(laptop.round);
      const reason = result.unsettled[0]?.reason;
      expect(result.unsettled).toEqual([
        { id: after.id, kind: 'moment', reason, direction: 'held' },
      ]);
      expect(reason).toMatch(/newer key/);
      expect(unsettledMessage(result.unsettled)).toContain(
        'fetched again once this device has the key',
      );
      expect((await laptop.device.moments()).map((m) => m.id)).toEqual([before.id]);
      expect((await laptop.device.store.syncState()).cursor).toBeLessThan(Number(afterSeq));
    }

    // Once the phone wraps the new key for the laptop's box, the next round brings the record.
    await giveLaptop();
    expect((await openRound(laptop.round)).unsettled).toEqual([]);
    expect((await laptop.device.moments()).map((m) => m.id)).toEqual([before.id, after.id]);
    expect(await laptop.device.moments()).toEqual(await phone.device.moments());
    expect((await laptop.device.store.syncState()).cursor).toBe(Number(afterSeq));
    expect((await laptop.keyring()).current?.id).toBe(newKey);
  });

  it('a push that meets a change sealed with a key the device has not been given waits, then merges', async () => {
    const phone = await suite.device();
    const laptop = await suite.device(phone.account.userId);
    await firstKey(phone);
    const giveLaptop = await linked(phone, laptop);
    await phone.device.writeDraft(WEEK, 'one');
    await openRound(phone.round);
    await openRound(laptop.round);
    await keyForItself(phone);
    await phone.device.writeDraft(WEEK, 'one\ntwo');
    await openRound(phone.round);

    await laptop.device.writeDraft(WEEK, 'zero\none');
    const waiting = await openRound(laptop.round);
    expect(waiting.unsettled.map((u) => [u.id, u.direction])).toEqual([
      [`draft-${WEEK}`, 'push'],
      [`draft-${WEEK}`, 'held'],
    ]);
    expect((await laptop.device.draft(WEEK))?.body).toBe('zero\none');
    expect((await laptop.device.store.syncState()).pending).toBe(1);

    await giveLaptop();
    expect((await openRound(laptop.round)).unsettled).toEqual([]);
    expect((await openRound(phone.round)).unsettled).toEqual([]);
    for (const device of [phone.device, laptop.device]) {
      expect((await device.draft(WEEK))?.body).toBe('zero\none\ntwo');
      expect((await device.store.syncState()).pending).toBe(0);
    }
  });
});
