import type { Kysely } from 'kysely';
import { randomUUID } from 'node:crypto';
import type { Database } from '../db/schema.js';
import { HttpError } from '../http.js';

const CHALLENGE_TTL_MS = 5 * 60 * 1000;

/** Keeps a WebAuthn challenge in the database, so any server process can check the answer. */
export async function saveChallenge(
  db: Kysely<Database>,
  purpose: 'register' | 'login',
  challenge: string,
  userId: string | null,
  now: Date,
): Promise<string> {
  const id = randomUUID();
  await db.deleteFrom('challenges').where('expires_at', '<', now.toISOString()).execute();
  await db
    .insertInto('challenges')
    .values({
      id,
      challenge,
      purpose,
      user_id: userId,
      expires_at: new Date(now.getTime() + CHALLENGE_TTL_MS).toISOString(),
    })
    .execute();
  return id;
}

/** Takes a challenge once: a replayed answer finds nothing. */
export async function takeChallenge(
  db: Kysely<Database>,
  id: string,
  purpose: 'register' | 'login',
  now: Date,
): Promise<{ challenge: string; userId: string | null }> {
  const row = await db
    .deleteFrom('challenges')
    .where('id', '=', id)
    .where('purpose', '=', purpose)
    .returning(['challenge', 'user_id', 'expires_at'])
    .executeTakeFirst();
  if (!row || Date.parse(row.expires_at) < now.getTime()) {
    throw new HttpError(400, 'This sign-in attempt has expired or was already used. Try again.');
  }
  return { challenge: row.challenge, userId: row.user_id };
}
