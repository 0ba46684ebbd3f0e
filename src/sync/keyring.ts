import { kekForBox, kekFromBox, newSealedBox } from '../crypto/box';
import type { Bytes } from '../crypto/bytes';
import { isCryptoProblem } from '../crypto/crypto-problem';
import {
  createDataKey,
  rewrapDataKey,
  unwrapDataKey,
  type DataKey,
  type WrapKind,
} from '../crypto/data-key';
import { kekFromPrf, kekFromRecoveryKey } from '../crypto/keks';
import type { KeyStore, NewBox } from '../crypto/key-store-protocol';
import { newLinkKeys } from '../crypto/link';
import {
  keepBox,
  keepDataKeys,
  readKeyring,
  type DeviceBox,
  type HeldKey,
  type Keyring,
} from '../storage/keyring-store';
import * as http from './keys-api';
import type { Copy } from './keys-api';
import { SyncError } from './remote';

/**
 * The account's data keys on this device (ADR 0015): making the first one, taking copies wrapped
 * for this device's box, unlocking with the recovery key or a passkey's PRF output, and wrapping
 * what this device holds for another box. Every key stays non-extractable; the server sees
 * public keys, sealed boxes and wrapped copies only.
 */

/** The server's key store, as this module uses it (the HTTP routes, or a test's injected ones). */
export interface KeysApi {
  fetchKeyStore(): Promise<KeyStore>;
  registerBox(box: NewBox): Promise<string>;
  dropBox(id: string): Promise<void>;
  storeDataKey(keyId: string, replaces: string | null, copies: Copy[]): Promise<void>;
  addCopies(keyId: string, copies: Copy[]): Promise<void>;
}

export const httpKeysApi: KeysApi = http;

/** Whether this device can seal and open the account's records. */
export type KeyState =
  | { state: 'open'; current: HeldKey; keys: HeldKey[] }
  /** The account has a data key and this device has not been given it. */
  | { state: 'locked' }
  /** The account has no data key yet (made before encryption, or just made). */
  | { state: 'none' };

/** Unlocking failed, with words for the writer. */
export class UnlockProblem extends Error {
  override name = 'UnlockProblem';
}

const isConflict = (err: unknown): boolean => err instanceof SyncError && err.status === 409;

export const openState = (ring: Keyring): KeyState =>
  ring.current ? { state: 'open', current: ring.current, keys: ring.keys } : { state: 'locked' };

/** This device's box, made and registered with the server if it has none yet. */
export async function deviceBox(
  api: KeysApi,
  deviceId: string,
): Promise<DeviceBox & { boxId: string }> {
  let box = (await readKeyring()).box;
  if (!box) {
    box = { boxId: null, keys: await newLinkKeys() };
    await keepBox(box);
  }
  if (box.boxId) return { ...box, boxId: box.boxId };
  const register = () => api.registerBox({ kind: 'device', publicKey: box.keys.publicKey });
  let boxId: string;
  try {
    boxId = await register();
  } catch (err) {
    if (!isConflict(err)) throw err;
    const store = await api.fetchKeyStore();
    const same = store.boxes.find((b) => b.publicKey === box.keys.publicKey);
    if (same) boxId = same.id;
    else {
      // A box this device made before its keyring was lost: it can never open it again.
      const old = store.boxes.find((b) => b.kind === 'device' && b.deviceId === deviceId);
      if (old) await api.dropBox(old.id);
      boxId = await register();
    }
  }
  const registered = { ...box, boxId };
  await keepBox(registered);
  return registered;
}

export const createdAtOf = (store: KeyStore, keyId: string): string =>
  store.keys.find((k) => k.keyId === keyId)?.createdAt ?? new Date().toISOString();

/**
 * Takes every copy wrapped for this device's box that it does not hold yet (after a rotation,
 * or one wrapped for it by another device) and says what this device can do now.
 */
export async function refreshKeys(api: KeysApi, store?: KeyStore): Promise<KeyState> {
  const keys = store ?? (await api.fetchKeyStore());
  if (!keys.currentKeyId) return { state: 'none' };
  const ring = await readKeyring();
  const box = ring.box;
  const held = new Set(ring.keys.map((k) => k.id));
  const opened: HeldKey[] = [];
  if (box?.boxId) {
    for (const copy of keys.copies) {
      if (copy.boxId !== box.boxId || held.has(copy.keyId)) continue;
      try {
        const dataKey = await unwrapDataKey(copy.wrapped, await kekFromBox(box.keys, copy.sender));
        opened.push({
          ...dataKey,
          copy: { wrapped: copy.wrapped, sender: copy.sender },
          createdAt: createdAtOf(keys, copy.keyId),
        });
      } catch (err) {
        // A copy that does not open was not wrapped by a device holding the key: not used.
        if (!isCryptoProblem(err)) throw err;
      }
    }
  }
  const current = held.has(keys.currentKeyId) || opened.some((k) => k.id === keys.currentKeyId);
  if (opened.length > 0 || (current && ring.current?.id !== keys.currentKeyId)) {
    await keepDataKeys(opened, current ? keys.currentKeyId : null);
  }
  const after = await readKeyring();
  return after.current?.id === keys.currentKeyId ? openState(after) : { state: 'locked' };
}

/** What this device can do: open from its own keyring, else as the server's key store says. */
export async function keyState(api: KeysApi): Promise<KeyState> {
  const ring = await readKeyring();
  if (ring.current) return openState(ring);
  return refreshKeys(api);
}

/** A way in besides this device: a recovery key's bytes, or a passkey's PRF output. */
export type Unlocker =
  { kind: 'recovery'; bytes: Bytes } | { kind: 'prf'; output: BufferSource; credentialId: string };

export const kekOf = (unlocker: Unlocker): Promise<CryptoKey> =>
  unlocker.kind === 'recovery' ? kekFromRecoveryKey(unlocker.bytes) : kekFromPrf(unlocker.output);

export async function registerSealed(api: KeysApi, unlocker: Unlocker) {
  const sealed = await newSealedBox(await kekOf(unlocker), unlocker.kind);
  const id = await api.registerBox(
    unlocker.kind === 'prf'
      ? { kind: 'prf', ...sealed, credentialId: unlocker.credentialId }
      : { kind: 'recovery', ...sealed },
  );
  return { id, publicKey: sealed.publicKey, kind: unlocker.kind };
}

/**
 * Makes the account's first data key on this device, wrapped for this device's box and for each
 * way in given (the recovery key at sign-up, the passkey when it gives PRF). If another device
 * made one first, this one is dropped and the state says whether this device was given it.
 */
export async function createAccountKey(
  api: KeysApi,
  deviceId: string,
  unlockers: Unlocker[],
): Promise<KeyState> {
  const own = await deviceBox(api, deviceId);
  const targets: { id: string; publicKey: string; kind: WrapKind }[] = [
    { id: own.boxId, publicKey: own.keys.publicKey, kind: 'device' },
  ];
  for (const unlocker of unlockers) targets.push(await registerSealed(api, unlocker));
  const { dataKey, copies } = await newKeyFor(targets);
  try {
    await api.storeDataKey(dataKey.id, null, copies);
  } catch (err) {
    if (!isConflict(err)) throw err;
    for (const t of targets.slice(1)) await api.dropBox(t.id);
    return refreshKeys(api);
  }
  const held: HeldKey = {
    ...dataKey,
    copy: { wrapped: copies[0]!.wrapped, sender: copies[0]!.sender },
    createdAt: new Date().toISOString(),
  };
  await keepDataKeys([held], dataKey.id);
  return openState(await readKeyring());
}

/**
 * A new data key wrapped for each box given (the first being this device's own, which the key
 * returned is opened with), with the copies to store.
 */
export async function newKeyFor(
  boxes: readonly { id: string; publicKey: string; kind: WrapKind }[],
): Promise<{ dataKey: DataKey; copies: Copy[] }> {
  const senders = await Promise.all(boxes.map((b) => kekForBox(b.publicKey)));
  const { dataKey, wrapped } = await createDataKey(
    senders.map((s, i) => ({ kek: s.kek, kind: boxes[i]!.kind })),
  );
  const copies = wrapped.map((w, i) => ({
    boxId: boxes[i]!.id,
    sender: senders[i]!.sender,
    wrapped: w.text,
  }));
  return { dataKey, copies };
}

/** Copies of every key this device holds, wrapped for the box with `publicKey`. */
export async function wrapHeldKeysFor(
  box: { id: string; publicKey: string },
  kind: WrapKind,
): Promise<{ keyId: string; copy: Copy }[]> {
  const ring = await readKeyring();
  if (!ring.box) throw new UnlockProblem('This device holds no keys to share.');
  const out: { keyId: string; copy: Copy }[] = [];
  for (const key of ring.keys) {
    if (!key.copy) continue;
    const from = await kekFromBox(ring.box.keys, key.copy.sender);
    const to = await kekForBox(box.publicKey);
    const wrapped = await rewrapDataKey(key.copy.wrapped, from, to.kek, kind);
    out.push({ keyId: key.id, copy: { boxId: box.id, sender: to.sender, wrapped: wrapped.text } });
  }
  return out;
}

/** Sends copies to the server, one request per key. */
export async function sendCopies(
  api: KeysApi,
  copies: { keyId: string; copy: Copy }[],
): Promise<void> {
  const byKey = new Map<string, Copy[]>();
  for (const { keyId, copy } of copies) byKey.set(keyId, [...(byKey.get(keyId) ?? []), copy]);
  for (const [keyId, list] of byKey) await api.addCopies(keyId, list);
}
