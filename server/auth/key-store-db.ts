import type { Kysely, Transaction } from 'kysely';
import type { z } from 'zod';
import type { addCopiesSchema, KeyStore } from '../../src/crypto/key-store-protocol.js';
import type { Database } from '../db/schema.js';
import { HttpError } from '../http.js';

/** The key store's reads and writes that routes share (key-store.ts, devices.ts). */

export type Db = Kysely<Database> | Transaction<Database>;
export type Copy = z.infer<typeof addCopiesSchema>['copies'][number];

/** Drops a device's box and every copy wrapped for it (on revoke). */
export async function dropDeviceBox(db: Db, deviceId: string): Promise<void> {
  const boxes = db.selectFrom('key_boxes').select('id').where('device_id', '=', deviceId);
  await db.deleteFrom('wrapped_keys').where('box_id', 'in', boxes).execute();
  await db.deleteFrom('key_boxes').where('device_id', '=', deviceId).execute();
}

/** Refuses copies for boxes that are not this account's, naming the first. */
export async function checkBoxes(db: Db, userId: string, copies: Copy[]): Promise<void> {
  const ids = [...new Set(copies.map((c) => c.boxId))];
  const found = new Set(
    (
      await db
        .selectFrom('key_boxes')
        .select('id')
        .where('user_id', '=', userId)
        .where('id', 'in', ids)
        .execute()
    ).map((r) => r.id),
  );
  const missing = copies.findIndex((c) => !found.has(c.boxId));
  if (missing >= 0) {
    throw new HttpError(400, `copies.${missing}.boxId: no such box on this account`, {
      path: `copies.${missing}.boxId`,
    });
  }
}

export async function insertCopies(
  db: Db,
  userId: string,
  keyId: string,
  copies: Copy[],
  at: string,
): Promise<number> {
  const result = await db
    .insertInto('wrapped_keys')
    .values(
      copies.map((c) => ({
        box_id: c.boxId,
        key_id: keyId,
        user_id: userId,
        sender: c.sender,
        wrapped: c.wrapped,
        created_at: at,
      })),
    )
    // A box that already has a copy of this key keeps it: sending the same copies twice is safe.
    .onConflict((oc) => oc.columns(['box_id', 'key_id']).doNothing())
    .returning('box_id')
    .execute();
  return result.length;
}

/** Everything the key store holds for an account. */
export async function readKeyStore(db: Db, userId: string): Promise<KeyStore> {
  const keys = await db
    .selectFrom('data_keys')
    .selectAll()
    .where('user_id', '=', userId)
    .orderBy('created_at')
    .orderBy('key_id')
    .execute();
  const boxes = await db
    .selectFrom('key_boxes')
    .selectAll()
    .where('user_id', '=', userId)
    .orderBy('created_at')
    .execute();
  const copies = await db
    .selectFrom('wrapped_keys')
    .selectAll()
    .where('user_id', '=', userId)
    .execute();
  return {
    currentKeyId: keys.find((k) => k.replaced_at === null)?.key_id ?? null,
    keys: keys.map((k) => ({ keyId: k.key_id, createdAt: k.created_at })),
    boxes: boxes.map((b) => ({
      id: b.id,
      kind: b.kind as 'device' | 'prf' | 'recovery',
      publicKey: b.public_key,
      sealed: b.sealed,
      deviceId: b.device_id,
      credentialId: b.credential_id,
      createdAt: b.created_at,
    })),
    copies: copies.map((c) => ({
      boxId: c.box_id,
      keyId: c.key_id,
      sender: c.sender,
      wrapped: c.wrapped,
    })),
  };
}
