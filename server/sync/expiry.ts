import type { FastifyBaseLogger } from 'fastify';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema.js';

/**
 * How long a mutation id is remembered, so that a device resending a batch whose answer it lost
 * is told `duplicate`: 30 days, as long as a device may go unseen before its session lapses and
 * it must sign in again (ADR 0007, "Replay window").
 */
export const REPLAY_WINDOW_MS = 30 * 24 * 60 * 60 * 1000;
/** How often each server process looks for expired mutation ids. */
export const EXPIRE_EVERY_MS = 60 * 60 * 1000;
/** Rows deleted per statement, so no lock is held for long. */
const BATCH = 5000;
/** Any fixed number: the PostgreSQL advisory lock one process holds while it expires. */
const EXPIRY_LOCK = 70007;

/**
 * Deletes mutation ids older than the replay window, oldest first, a batch per transaction.
 * Safe with several processes on one PostgreSQL: a batch is done by whichever holds the advisory
 * lock, and the others skip it. Returns how many were deleted.
 */
export async function expireMutations(
  db: Kysely<Database>,
  engine: 'sqlite' | 'postgres',
  now: Date,
  keepGoing: () => boolean = () => true,
): Promise<number> {
  const cutoff = new Date(now.getTime() - REPLAY_WINDOW_MS).toISOString();
  let total = 0;
  while (keepGoing()) {
    const deleted = await db.transaction().execute(async (trx) => {
      if (engine === 'postgres') {
        const lock = await sql<{ locked: boolean }>`
          select pg_try_advisory_xact_lock(${EXPIRY_LOCK}) as locked`.execute(trx);
        if (!lock.rows[0]?.locked) return 0;
      }
      const oldest = trx
        .selectFrom('mutations')
        .select(['user_id', 'mutation_id'])
        .where('created_at', '<', cutoff)
        .orderBy('created_at')
        .limit(BATCH);
      const result = await trx
        .deleteFrom('mutations')
        .where((eb) =>
          eb(
            eb.refTuple('user_id', 'mutation_id'),
            'in',
            oldest.$asTuple('user_id', 'mutation_id'),
          ),
        )
        .executeTakeFirst();
      return Number(result.numDeletedRows);
    });
    total += deleted;
    if (deleted < BATCH) break;
    // Let pushes in between batches.
    await new Promise((resolve) => setImmediate(resolve));
  }
  return total;
}

/** Expires mutation ids now and every hour until stopped; a failure is logged and retried later. */
export function scheduleExpiry(
  db: Kysely<Database>,
  engine: 'sqlite' | 'postgres',
  log: FastifyBaseLogger,
): { stop: () => Promise<void> } {
  let stopped = false;
  let running: Promise<unknown> | null = null;
  const run = () => {
    if (running) return;
    running = expireMutations(db, engine, new Date(), () => !stopped)
      .catch((err: unknown) => log.warn({ err }, 'Expiring old mutation ids failed; will retry'))
      .finally(() => {
        running = null;
      });
  };
  run();
  const timer = setInterval(run, EXPIRE_EVERY_MS);
  timer.unref();
  return {
    stop: async () => {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
