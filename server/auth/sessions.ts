import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { hashSecret, newToken } from './tokens.js';

/** A session lapses after this long unused… */
export const IDLE_EXPIRY_MS = 30 * 24 * 60 * 60 * 1000;
/** …and after this long whatever happens. */
export const ABSOLUTE_EXPIRY_MS = 365 * 24 * 60 * 60 * 1000;
const TOUCH_EVERY_MS = 5 * 60 * 1000;

/** Who a request is from. */
export interface Caller {
  userId: string;
  deviceId: string;
}

/** Starts a session for a device; returns the token for its cookie. */
export async function createSession(
  db: Kysely<Database>,
  caller: Caller,
  now: Date,
): Promise<string> {
  const token = newToken();
  await db
    .insertInto('sessions')
    .values({
      id_hash: hashSecret(token),
      user_id: caller.userId,
      device_id: caller.deviceId,
      created_at: now.toISOString(),
      last_seen_at: now.toISOString(),
      expires_at: new Date(now.getTime() + ABSOLUTE_EXPIRY_MS).toISOString(),
    })
    .execute();
  return token;
}

/** The caller a session token belongs to, or null if it is unknown, expired or revoked. */
export async function authenticate(
  db: Kysely<Database>,
  token: string,
  now: Date,
): Promise<Caller | null> {
  const idHash = hashSecret(token);
  const row = await db
    .selectFrom('sessions')
    .innerJoin('devices', 'devices.id', 'sessions.device_id')
    .select([
      'sessions.user_id',
      'sessions.device_id',
      'sessions.last_seen_at',
      'sessions.expires_at',
      'devices.revoked_at',
    ])
    .where('sessions.id_hash', '=', idHash)
    .executeTakeFirst();
  if (!row || row.revoked_at) return null;
  const lastSeen = Date.parse(row.last_seen_at);
  if (now.getTime() > Date.parse(row.expires_at) || now.getTime() - lastSeen > IDLE_EXPIRY_MS) {
    await db.deleteFrom('sessions').where('id_hash', '=', idHash).execute();
    return null;
  }
  if (now.getTime() - lastSeen > TOUCH_EVERY_MS) {
    await db
      .updateTable('sessions')
      .set({ last_seen_at: now.toISOString() })
      .where('id_hash', '=', idHash)
      .execute();
    await db
      .updateTable('devices')
      .set({ last_seen_at: now.toISOString() })
      .where('id', '=', row.device_id)
      .execute();
  }
  return { userId: row.user_id, deviceId: row.device_id };
}

/** Ends one session. */
export async function endSession(db: Kysely<Database>, token: string): Promise<void> {
  await db.deleteFrom('sessions').where('id_hash', '=', hashSecret(token)).execute();
}
