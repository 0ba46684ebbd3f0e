import type { DataKey } from '../crypto/data-key';
import { idKeyFrom } from '../crypto/id-key';
import type { LinkKeys } from '../crypto/link';
import { read, write } from './errors';

/**
 * The device's keyring for end-to-end encryption (ADR 0015), kept in IndexedDB and never synced
 * or backed up: this device's box (an ECDH key pair whose private half cannot be exported) and
 * each data key of the account it holds, as a non-extractable CryptoKey beside the copy wrapped
 * for the box (which is what lets this device wrap the key for another box later).
 */

/** This device's box: the key pair copies of the data key are wrapped for. */
export interface DeviceBox {
  /** The box's id on the server, once registered. */
  boxId: string | null;
  keys: LinkKeys;
}

/** A data key this device holds, and the copy of it wrapped for this device's box. */
export interface HeldKey extends DataKey {
  /** The copy wrapped for this device's box (`wnk.…`) and the sender key it was wrapped with. */
  copy: { wrapped: string; sender: string } | null;
  createdAt: string;
}

/** One row: `box`, `current` (the key id to seal with) or `key:<id>` (a held key). */
export interface KeyringRow {
  id: string;
  box?: DeviceBox;
  keyId?: string;
  held?: HeldKey;
}

/** What the keyring holds: the box, every data key, and which one seals new payloads. */
export interface Keyring {
  box: DeviceBox | null;
  keys: HeldKey[];
  current: HeldKey | null;
}

/** The device's keyring as stored. */
export function readKeyring(): Promise<Keyring> {
  return read(async (db) => {
    const rows = await db.keyring.toArray();
    let box: DeviceBox | null = null;
    let currentId: string | null = null;
    const keys: HeldKey[] = [];
    for (const row of rows) {
      if (row.box) box = row.box;
      else if (row.keyId) currentId = row.keyId;
      else if (row.held) keys.push(row.held);
    }
    keys.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
    return { box, keys, current: keys.find((k) => k.id === currentId) ?? null };
  });
}

/** Keeps this device's box (replacing any earlier one). */
export function keepBox(box: DeviceBox): Promise<void> {
  return write(async (db) => {
    await db.keyring.put({ id: 'box', box });
  });
}

/** Keeps data keys this device now holds; `current` names the one to seal with from now on. */
export function keepDataKeys(held: HeldKey[], current: string | null): Promise<void> {
  return write(async (db) => {
    await db.transaction('rw', db.keyring, async () => {
      await db.keyring.bulkPut(held.map((h) => ({ id: `key:${h.id}`, held: h })));
      if (current) await db.keyring.put({ id: 'current', keyId: current });
    });
  });
}

/** Forgets every key: on signing out, this device no longer belongs to the account. */
export function clearKeyring(): Promise<void> {
  return write(async (db) => {
    await db.keyring.clear();
  });
}

/**
 * The key that makes ids from the writer's words (crypto/id-key.ts), from the account's first
 * data key so that every device makes the same ids; null on a device without keys (its ids never
 * leave it unkeyed: an account's keys are made before its first push).
 */
export async function idKey(): Promise<CryptoKey | null> {
  const first = (await readKeyring()).keys[0];
  return first ? idKeyFrom(first) : null;
}
