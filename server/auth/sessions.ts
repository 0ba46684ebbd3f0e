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

/** What a session's lookup reads: its owner, its times and whether its device was revoked. */
export interface SessionRow {
  id_hash: string;
  user_id: string;
  device_id: string;
  last_seen_at: string;
  expires_at: string;
  revoked_at: string | null;
}

/** The sessions with these token hashes (and their devices), in one query. */
export function findSessions(db: Kysely<Database>, idHashes: string[]): Promise<SessionRow[]> {
  return db
    .selectFrom('sessions')
    .innerJoin('devices', 'devices.id', 'sessions.device_id')
    .select([
      'sessions.id_hash',
      'sessions.user_id',
      'sessions.device_id',
      'sessions.last_seen_at',
      'sessions.expires_at',
      'devices.revoked_at',
    ])
    .where('sessions.id_hash', 'in', idHashes)
    .execute();
}

/**
 * The caller a session found by `findSessions` belongs to, or null if it is unknown, expired or
 * revoked. An expired session is deleted; one unused for a while is marked as seen.
 */
export async function sessionCaller(
  db: Kysely<Database>,
  row: SessionRow | undefined,
  now: Date,
): Promise<Caller | null> {
  if (!row || row.revoked_at) return null;
  const idHash = row.id_hash;
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

/** The caller a session token belongs to, or null if it is unknown, expired or revoked. */
export async function authenticate(
  db: Kysely<Database>,
  token: string,
  now: Date,
): Promise<Caller | null> {
  const [row] = await findSessions(db, [hashSecret(token)]);
  return sessionCaller(db, row, now);
}

/** Ends one session. */
export async function endSession(db: Kysely<Database>, token: string): Promise<void> {
  await db.deleteFrom('sessions').where('id_hash', '=', hashSecret(token)).execute();
}
