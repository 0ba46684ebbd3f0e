/**
 * Issue #13 (ADR 0015): revoking a device rotates the account's data key. The revoked device's
 * copy of the old key does not open anything written afterwards, every other device takes the
 * new key the first time it meets it, and every record is re-sealed under it.
 */
import { describe, expect, it } from 'vitest';
import { ENGINES } from '../../server/test-support';
import { isCryptoProblem } from '../../src/crypto/crypto-problem';
import { openPayload, payloadKeyId } from '../../src/crypto/payload';
import { newRecoveryKey } from '../../src/crypto/recovery-key';
import { createAccountKey } from '../../src/sync/keyring';
import { unlockWith } from '../../src/sync/unlock';
import { rotateDataKey } from '../../src/sync/rotate';
import { serverRecords } from './devices';
import { keyedSuite, marker, openRound } from './keyed-devices';

describe.each(ENGINES)('key rotation on revoke on $name', ({ databaseUrl }) => {
  const suite = keyedSuite(databaseUrl);

  /** A phone that made the account's key with a recovery key, and a laptop and tablet on it. */
  async function threeDevices() {
    const phone = await suite.device();
    const laptop = await suite.device(phone.account.userId);
    const tablet = await suite.device(phone.account.userId);
    const recovery = newRecoveryKey();
    await phone.device.on(() =>
      createAccountKey(phone.api, phone.account.deviceId, [
        { kind: 'recovery', bytes: recovery.bytes },
      ]),
    );
    return { phone, laptop, tablet, recovery };
  }

  it('a revoked device’s old key opens nothing written after the revoke', async () => {
    const { phone, laptop, tablet, recovery } = await threeDevices();
    const before = marker('before');
    await phone.device.capture(`Before the revoke ${before}`);
    await openRound(phone.round);
    for (const other of [laptop, tablet]) {
      await other.device.on(() =>
        unlockWith(other.api, other.account.deviceId, {
          kind: 'recovery',
          bytes: recovery.bytes,
        }),
      );
      await openRound(other.round);
    }
    const tabletKeys = (await tablet.keyring()).keys;
    const oldKeyId = (await phone.keyring()).current!.id;
    expect(tabletKeys.map((k) => k.id)).toEqual([oldKeyId]);

    // The phone revokes the tablet (the server drops its box and copies), then rotates.
    const revoked = await phone.device.session.request({
      method: 'POST',
      url: `/api/devices/${tablet.account.deviceId}/revoke`,
      payload: {},
    });
    expect(revoked.statusCode, revoked.body).toBe(200);
    const newKeyId = await phone.device.on(() => rotateDataKey(phone.api, tablet.account.deviceId));
    expect(newKeyId).toMatch(/^[0-9a-f]{16}$/);
    expect(newKeyId).not.toBe(oldKeyId);
    const store = await phone.api.fetchKeyStore();
    expect(store.currentKeyId).toBe(newKeyId);
    const holders = new Set(store.copies.filter((c) => c.keyId === newKeyId).map((c) => c.boxId));
    const tabletBoxes = store.boxes.filter((b) => b.deviceId === tablet.account.deviceId);
    expect(tabletBoxes).toEqual([]);
    // The phone's, the laptop's and the recovery box: three ways to the new key.
    expect(holders.size).toBe(3);

    // Every record is re-sealed, and what is written now is sealed with the new key.
    await phone.device.on(() => phone.device.store.startReseal(new Date().toISOString()));
    const after = marker('after');
    const written = await phone.device.capture(`After the revoke ${after}`);
    await openRound(phone.round);
    const records = await serverRecords(suite.app, phone.account.userId);
    for (const r of records) expect(payloadKeyId(r.payload), r.id).toBe(newKeyId);

    const sealedAfter = records.find((r) => r.id === written.id)!;
    let refused: unknown = null;
    try {
      await openPayload(tabletKeys, sealedAfter, sealedAfter.payload);
    } catch (err) {
      refused = err;
    }
    expect(isCryptoProblem(refused, 'unknown-key')).toBe(true);

    // The laptop meets the new key in its next pull, takes it, and reads both moments.
    const round = await openRound(laptop.round);
    expect(round.unsettled).toEqual([]);
    expect((await laptop.keyring()).current!.id).toBe(newKeyId);
    const texts = (await laptop.device.moments()).map((m) => m.text);
    expect(texts).toEqual(
      expect.arrayContaining([`Before the revoke ${before}`, `After the revoke ${after}`]),
    );
    // And what the laptop writes now is sealed with the new key too.
    const fromLaptop = await laptop.device.capture(`From the laptop ${marker('laptop')}`);
    await openRound(laptop.round);
    const laptopRecord = (await serverRecords(suite.app, phone.account.userId)).find(
      (r) => r.id === fromLaptop.id,
    )!;
    expect(payloadKeyId(laptopRecord.payload)).toBe(newKeyId);
  });

  it('two devices rotating at once: one key wins and the other device takes it', async () => {
    const { phone, laptop, tablet, recovery } = await threeDevices();
    await laptop.device.on(() =>
      unlockWith(laptop.api, laptop.account.deviceId, { kind: 'recovery', bytes: recovery.bytes }),
    );
    const first = await phone.device.on(() => rotateDataKey(phone.api, tablet.account.deviceId));
    const second = await laptop.device.on(() => rotateDataKey(laptop.api, tablet.account.deviceId));
    expect(first).not.toBeNull();
    expect(second).toBeNull();
    expect((await laptop.keyring()).current!.id).toBe(first);
  });
});
