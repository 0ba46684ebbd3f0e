/**
 * End-to-end encryption's key store and link relay with the real crypto (src/crypto/, ADR 0015):
 * devices wrap, hand over and open the data key through the server, which holds only public
 * keys, wrapped keys and sealed boxes.
 */
import type { FastifyInstance, InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kekForBox, kekFromBox, newSealedBox, openSealedBox } from '../../src/crypto/box';
import { createDataKey, rewrapDataKey, unwrapDataKey } from '../../src/crypto/data-key';
import { kekFromRecoveryKey } from '../../src/crypto/keks';
import type { KeyStore, LinkState } from '../../src/crypto/key-store-protocol';
import {
  keepsCommitment,
  linkCommitment,
  linkKek,
  newLinkKeys,
  safetyNumber,
  type LinkKeys,
} from '../../src/crypto/link';
import { openPayload, sealPayload } from '../../src/crypto/payload';
import { newRecoveryKey, parseRecoveryKey } from '../../src/crypto/recovery-key';
import {
  ENGINES,
  ORIGIN,
  testAccount,
  testServer,
  type TestDevice,
} from '../../server/test-support';

type Device = Pick<TestDevice, 'request'>;
const at = { id: 'draft-2026-11-16', kind: 'draft' };
const TEXT = '{"body":"Supervision notes about Priya"}';

describe.each(ENGINES)('keys through the server on $name', ({ databaseUrl }) => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await testServer(databaseUrl);
  });
  afterAll(async () => {
    await app.close();
  });

  async function call<T>(device: Device, options: InjectOptions, status = 200): Promise<T> {
    const res = await device.request(options);
    expect(res.statusCode, res.body).toBe(status);
    return res.json<T>();
  }
  const keysOf = (device: Device) => call<KeyStore>(device, { method: 'GET', url: '/api/keys' });

  async function registerBox(device: Device, body: object): Promise<string> {
    return (
      await call<{ id: string }>(
        device,
        { method: 'POST', url: '/api/keys/boxes', payload: body },
        201,
      )
    ).id;
  }

  /** The data key as the holder of `box` opens it from the store. */
  async function openFromStore(device: Device, box: LinkKeys, boxId: string) {
    const store = await keysOf(device);
    const copy = store.copies.find((c) => c.boxId === boxId && c.keyId === store.currentKeyId)!;
    return { copy, dataKey: await unwrapDataKey(copy.wrapped, await kekFromBox(box, copy.sender)) };
  }

  /** An account whose first device made the data key, for its own box and a recovery box. */
  async function account() {
    const laptop = await testAccount(app);
    const laptopBox = await newLinkKeys();
    const laptopBoxId = await registerBox(laptop, {
      kind: 'device',
      publicKey: laptopBox.publicKey,
    });
    const recovery = newRecoveryKey();
    const recoveryBox = await newSealedBox(await kekFromRecoveryKey(recovery.bytes), 'recovery');
    const recoveryId = await registerBox(laptop, { kind: 'recovery', ...recoveryBox });
    const keks = [await kekForBox(laptopBox.publicKey), await kekForBox(recoveryBox.publicKey)];
    const { dataKey, wrapped } = await createDataKey([
      { kek: keks[0]!.kek, kind: 'device' },
      { kek: keks[1]!.kek, kind: 'recovery' },
    ]);
    const copies = [laptopBoxId, recoveryId].map((boxId, i) => ({
      boxId,
      sender: keks[i]!.sender,
      wrapped: wrapped[i]!.text,
    }));
    await call(
      laptop,
      {
        method: 'POST',
        url: '/api/keys/data-keys',
        payload: { keyId: dataKey.id, replaces: null, copies },
      },
      201,
    );
    return { laptop, laptopBox, laptopBoxId, recovery, dataKey };
  }

  it('opens the data key with the recovery key on a device that has nothing else', async () => {
    const { laptop, recovery, dataKey } = await account();
    const sealed = await sealPayload(dataKey, at, TEXT);
    const newPhone = await testAccount(app, laptop.userId);
    const store = await keysOf(newPhone);
    const box = store.boxes.find((b) => b.kind === 'recovery')!;
    const typed = recovery.text.toLowerCase().replace(/-/g, ' ');
    const opened = await openSealedBox(
      box.sealed!,
      await kekFromRecoveryKey(parseRecoveryKey(typed)),
    );
    const { dataKey: key } = await openFromStore(newPhone, opened, box.id);
    expect(await openPayload(key, at, sealed)).toBe(TEXT);
  });

  it('links a new device through the relay, which never holds the key', async () => {
    const { laptop, laptopBox, laptopBoxId, dataKey } = await account();
    const sealed = await sealPayload(dataKey, at, TEXT);
    const { code } = await call<{ code: string }>(laptop, {
      method: 'POST',
      url: '/api/auth/link-code',
      payload: {},
    });
    const { id } = await call<{ id: string }>(
      laptop,
      { method: 'POST', url: '/api/keys/links', payload: { code } },
      201,
    );
    const signIn = await app.inject({
      method: 'POST',
      url: '/api/auth/link',
      payload: { code },
      headers: { origin: ORIGIN },
    });
    const cookie = `__Host-weeknotes=${signIn.cookies.find((c) => c.name === '__Host-weeknotes')!.value}`;
    const phone: Device = {
      request: (o) => app.inject({ ...o, headers: { origin: ORIGIN, cookie } }),
    };
    const put = (device: Device, step: string, payload: object) =>
      call<LinkState>(device, { method: 'PUT', url: `/api/keys/links/${id}/${step}`, payload });
    const state = (device: Device) =>
      call<LinkState>(device, { method: 'GET', url: `/api/keys/links/${id}` });

    // The phone's box is the key it links with.
    const phoneBox = await newLinkKeys();
    await call(phone, {
      method: 'POST',
      url: '/api/keys/links/join',
      payload: { code, commitment: await linkCommitment(phoneBox.publicKey) },
    });
    const oldKeys = await newLinkKeys();
    await put(laptop, 'old-key', {
      publicKey: (await state(laptop)).commitment && oldKeys.publicKey,
    });
    await put(phone, 'new-key', { publicKey: phoneBox.publicKey });
    const onLaptop = await state(laptop);
    expect(await keepsCommitment(onLaptop.newPublicKey!, onLaptop.commitment!)).toBe(true);
    const onPhone = await state(phone);
    expect(await safetyNumber(onPhone.oldPublicKey!, phoneBox.publicKey)).toBe(
      await safetyNumber(oldKeys.publicKey, onLaptop.newPublicKey!),
    );
    // The writer confirms the numbers match on the laptop, which wraps its key for the phone.
    const { copy } = await openFromStore(laptop, laptopBox, laptopBoxId);
    const forPhone = await rewrapDataKey(
      copy.wrapped,
      await kekFromBox(laptopBox, copy.sender),
      await linkKek(oldKeys, onLaptop.newPublicKey!, 'old'),
      'device',
    );
    await put(laptop, 'wrapped', { wrapped: forPhone.text });

    const linkKekOnPhone = await linkKek(phoneBox, (await state(phone)).oldPublicKey!, 'new');
    const blob = (await state(phone)).wrapped!;
    const received = await unwrapDataKey(blob, linkKekOnPhone);
    expect(await openPayload(received, at, sealed)).toBe(TEXT);
    await call(phone, { method: 'DELETE', url: `/api/keys/links/${id}`, payload: {} });

    // The phone keeps a copy for its own box, for next time.
    const phoneBoxId = await registerBox(phone, { kind: 'device', publicKey: phoneBox.publicKey });
    const own = await kekForBox(phoneBox.publicKey);
    const ownCopy = await rewrapDataKey(blob, linkKekOnPhone, own.kek, 'device');
    await call(phone, {
      method: 'POST',
      url: '/api/keys/copies',
      payload: {
        keyId: dataKey.id,
        copies: [{ boxId: phoneBoxId, sender: own.sender, wrapped: ownCopy.text }],
      },
    });
    const { dataKey: again } = await openFromStore(phone, phoneBox, phoneBoxId);
    expect(await openPayload(again, at, sealed)).toBe(TEXT);
    // The relay is gone, and the store holds the phone's box and copy, never the key itself.
    expect(
      await app.database.db
        .selectFrom('key_links')
        .selectAll()
        .where('user_id', '=', laptop.userId)
        .execute(),
    ).toEqual([]);
  });
});
