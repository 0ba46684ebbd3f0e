import type { Kysely, Transaction } from 'kysely';
import { randomUUID } from 'node:crypto';
import type { Database } from '../db/schema.js';
import type { Caller } from './sessions.js';
import { hashSecret, newCode } from './tokens.js';

const RECOVERY_CODES = 10;

type Db = Kysely<Database> | Transaction<Database>;

/**
 * Characters no name may hold: controls (NUL, escapes, line breaks) and the marks that change
 * the direction text is shown in (overrides, embeddings, isolates), with which "Phone\u202Eexe.gnp"
 * shows as "Phonepng.exe".
 */
export const UNSAFE_IN_NAMES = /[\p{Cc}\u200E\u200F\u202A-\u202E\u2066-\u2069]/u;
const UNSAFE_EVERYWHERE = new RegExp(UNSAFE_IN_NAMES.source, 'gu');

/** A tidy device name, from what the device said about itself (requests with unsafe ones are
 * refused before this; they are dropped here too, so none is ever stored). */
export function deviceName(given: unknown): string {
  const name =
    typeof given === 'string'
      ? given.replace(/\s+/g, ' ').replace(UNSAFE_EVERYWHERE, '').trim().slice(0, 60)
      : '';
  return name || 'Unnamed device';
}

/** Adds a device to a user's account. */
export async function addDevice(db: Db, userId: string, name: string, now: Date): Promise<Caller> {
  const id = randomUUID();
  const at = now.toISOString();
  await db
    .insertInto('devices')
    .values({ id, user_id: userId, name, created_at: at, last_seen_at: at, revoked_at: null })
    .execute();
  return { userId, deviceId: id };
}

/** Creates a user with a fresh set of recovery codes, which are returned once and stored hashed. */
export async function createUser(db: Db, userId: string, now: Date): Promise<string[]> {
  await db
    .insertInto('users')
    .values({ id: userId, seq: 0, created_at: now.toISOString() })
    .execute();
  const codes = Array.from({ length: RECOVERY_CODES }, () => newCode(3));
  await db
    .insertInto('recovery_codes')
    .values(codes.map((c) => ({ code_hash: hashSecret(c), user_id: userId, used_at: null })))
    .execute();
  return codes;
}

/** The user a one-time code (recovery or link) belongs to, marking it used; null if not valid. */
export async function redeemCode(
  db: Kysely<Database>,
  table: 'recovery_codes' | 'link_codes',
  code: string,
  now: Date,
): Promise<string | null> {
  const hash = hashSecret(code);
  let query = db
    .updateTable(table)
    .set({ used_at: now.toISOString() })
    .where('code_hash', '=', hash)
    .where('used_at', 'is', null);
  if (table === 'link_codes') query = query.where('expires_at', '>', now.toISOString());
  const row = await query.returning('user_id').executeTakeFirst();
  return row?.user_id ?? null;
}
