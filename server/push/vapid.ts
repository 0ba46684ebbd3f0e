import type { Kysely } from 'kysely';
import webpush from 'web-push';
import type { Database } from '../db/schema.js';

/** The server's VAPID key pair, base64url, as web-push takes them. Never log `privateKey`. */
export interface VapidKeys {
  publicKey: string;
  privateKey: string;
}

async function storedKeys(db: Kysely<Database>): Promise<VapidKeys | undefined> {
  const row = await db
    .selectFrom('vapid_keys')
    .select(['public_key', 'private_key'])
    .where('id', '=', 1)
    .executeTakeFirst();
  return row && { publicKey: row.public_key, privateKey: row.private_key };
}

/**
 * The server's VAPID keys, made on first start and kept in the database. Processes starting at
 * once on one PostgreSQL each try to insert a pair; the first insert wins, the others are
 * ignored, and all read back the one that won.
 */
export async function vapidKeys(db: Kysely<Database>, now: Date): Promise<VapidKeys> {
  const existing = await storedKeys(db);
  if (existing) return existing;
  const fresh = webpush.generateVAPIDKeys();
  await db
    .insertInto('vapid_keys')
    .values({
      id: 1,
      public_key: fresh.publicKey,
      private_key: fresh.privateKey,
      created_at: now.toISOString(),
    })
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
  const kept = await storedKeys(db);
  if (!kept) throw new Error('The VAPID keys could not be stored');
  return kept;
}
