import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { findSessions, sessionCaller, type Caller, type SessionRow } from './sessions.js';
import { hashSecret } from './tokens.js';

interface Waiting {
  idHash: string;
  now: Date;
  resolve: (caller: Caller | null) => void;
  reject: (err: unknown) => void;
}

/**
 * Finds callers by session token, with one query for all the requests read in the same turn of
 * the event loop. Every request is still checked against the database as it arrives (a revoked
 * device is refused at its very next request, in every process); under load a hundred requests
 * cost one query rather than a hundred (ADR 0009).
 */
export function sessionLookup(db: Kysely<Database>) {
  let waiting: Waiting[] = [];

  async function lookUp(batch: Waiting[]): Promise<void> {
    let rows: Map<string, SessionRow>;
    try {
      const found = await findSessions(db, [...new Set(batch.map((w) => w.idHash))]);
      rows = new Map(found.map((row) => [row.id_hash, row]));
    } catch (err) {
      for (const w of batch) w.reject(err);
      return;
    }
    for (const w of batch) sessionCaller(db, rows.get(w.idHash), w.now).then(w.resolve, w.reject);
  }

  return (token: string, now: Date): Promise<Caller | null> =>
    new Promise((resolve, reject) => {
      if (waiting.length === 0) {
        setImmediate(() => {
          const batch = waiting;
          waiting = [];
          void lookUp(batch);
        });
      }
      waiting.push({ idHash: hashSecret(token), now, resolve, reject });
    });
}
