import type { FastifyBaseLogger } from 'fastify';
import type { Kysely } from 'kysely';
import type { ReminderPayload } from '../../src/sync/push-protocol.js';
import type { Database } from '../db/schema.js';
import { nextOccurrence } from './next-occurrence.js';
import { PUSH_TTL_SECONDS, type PushSender, type StoredSubscription } from './send.js';
import { settingsFromRow, weeklyTimeOf, type ReminderKind } from './settings.js';
import { forgetEndpoint, subscriptionsOf } from './subscriptions.js';

/** How often each server process looks for due reminders. */
export const REMINDER_EVERY_MS = 30_000;
/** A reminder found this long after it was due (the server was down) is skipped, not sent late. */
export const MISSED_AFTER_MS = PUSH_TTL_SECONDS * 1000;
/** Reminders claimed per transaction. */
const BATCH = 100;
/** Pushes in flight at once. */
const SENDING_AT_ONCE = 8;

/** What the scheduler needs: the database, how to send, and where to log. */
export interface SchedulerDeps {
  db: Kysely<Database>;
  engine: 'sqlite' | 'postgres';
  send: PushSender;
  log: FastifyBaseLogger;
}

/** One occurrence of a reminder, claimed. */
interface Claimed {
  userId: string;
  kind: ReminderKind;
  dueAt: string;
  fewerThan: number | null;
}

/** What one round did, for logs and tests. */
export interface SendReport {
  /** Occurrences claimed (due, and moved on to their next occurrence). */
  claimed: number;
  /** Of those, how many were too late to send. */
  missed: number;
  sent: number;
  failed: number;
  /** Subscriptions forgotten because their push service said 404 or 410. */
  removed: number;
}

/**
 * Claims due reminders in one transaction: each due row is moved on to its next occurrence and
 * the claimed ones are returned once the move is committed. On PostgreSQL the rows are locked
 * (`FOR UPDATE SKIP LOCKED`), so several processes share the due rows out and a row another
 * process has just moved on no longer matches; SQLite has one writer anyway.
 */
async function claimDue(deps: SchedulerDeps, now: Date): Promise<Claimed[]> {
  return deps.db.transaction().execute(async (trx) => {
    let query = trx
      .selectFrom('reminder_schedule as r')
      .innerJoin('reminder_settings as s', 's.user_id', 'r.user_id')
      .select(['r.user_id', 'r.kind', 'r.due_at'])
      .select(['s.enabled', 's.weekday', 's.time', 's.time_zone'])
      .select(['s.nudge_weekday', 's.nudge_time', 's.nudge_fewer_than'])
      .where('r.due_at', '<=', now.toISOString())
      .orderBy('r.due_at')
      .limit(BATCH);
    if (deps.engine === 'postgres') query = query.forUpdate('r').skipLocked();
    const rows = await query.execute();
    const claimed: Claimed[] = [];
    for (const row of rows) {
      const kind = row.kind as ReminderKind;
      const settings = settingsFromRow(row);
      const weekly = weeklyTimeOf(settings, kind);
      if (!weekly) {
        // Turned off since: saving settings deletes the row, so this is only a safeguard.
        await trx
          .deleteFrom('reminder_schedule')
          .where('user_id', '=', row.user_id)
          .where('kind', '=', row.kind)
          .execute();
        continue;
      }
      await trx
        .updateTable('reminder_schedule')
        .set({ due_at: nextOccurrence(weekly, now).toISOString() })
        .where('user_id', '=', row.user_id)
        .where('kind', '=', row.kind)
        .execute();
      claimed.push({
        userId: row.user_id,
        kind,
        dueAt: row.due_at,
        fewerThan: settings.nudge?.fewerThan ?? null,
      });
    }
    return claimed;
  });
}

/** The push for a reminder: what it is and when it was due, never any of the writer's words. */
export function reminderPayload(reminder: Claimed): ReminderPayload {
  return reminder.kind === 'nudge'
    ? {
        type: 'reminder',
        reminder: 'nudge',
        due: reminder.dueAt,
        fewerThan: reminder.fewerThan ?? 1,
      }
    : { type: 'reminder', reminder: 'weekly', due: reminder.dueAt };
}

/** Runs tasks, a few at a time. */
async function inParallel<T>(items: T[], limit: number, task: (item: T) => Promise<void>) {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await task(items[next++] as T);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

/** Sends claimed reminders to every signed-in device of their writers. */
async function sendClaimed(deps: SchedulerDeps, claimed: Claimed[], now: Date, report: SendReport) {
  const subscriptions = await subscriptionsOf(
    deps.db,
    [...new Set(claimed.map((c) => c.userId))],
    now,
  );
  const pushes: [StoredSubscription, Claimed][] = claimed.flatMap((c) =>
    subscriptions
      .filter((s) => s.userId === c.userId)
      .map((s) => [s, c] as [StoredSubscription, Claimed]),
  );
  await inParallel(pushes, SENDING_AT_ONCE, async ([to, reminder]) => {
    const where = new URL(to.endpoint).origin;
    try {
      const status = await deps.send(to, {
        payload: JSON.stringify(reminderPayload(reminder)),
        topic: reminder.kind,
      });
      if (status >= 200 && status < 300) {
        report.sent++;
      } else if (status === 404 || status === 410) {
        await forgetEndpoint(deps.db, to.endpoint);
        report.removed++;
      } else {
        report.failed++;
        deps.log.warn({ status, pushService: where }, 'A push service refused a reminder');
      }
    } catch (err) {
      report.failed++;
      deps.log.warn({ err, pushService: where }, 'A reminder could not be sent');
    }
  });
}

/**
 * Sends every reminder due at `now`. Each occurrence is claimed first (moved on to the next one
 * and committed) and only then sent: at most once per occurrence. A process that dies between
 * the two loses that week's reminder rather than sending it twice, and a push service that
 * fails is not retried, so one failure never sends the reminder again to everyone. An
 * occurrence found long after it was due (the server was down) is moved on without sending.
 */
export async function sendDueReminders(deps: SchedulerDeps, now: Date): Promise<SendReport> {
  const report: SendReport = { claimed: 0, missed: 0, sent: 0, failed: 0, removed: 0 };
  for (;;) {
    const claimed = await claimDue(deps, now);
    report.claimed += claimed.length;
    const timely = claimed.filter((c) => now.getTime() - Date.parse(c.dueAt) <= MISSED_AFTER_MS);
    report.missed += claimed.length - timely.length;
    if (timely.length > 0) await sendClaimed(deps, timely, now, report);
    if (claimed.length < BATCH) return report;
  }
}

/**
 * Runs `round` now and every `everyMs` until stopped (none if `everyMs` is 0), one round at a
 * time; the timer does not keep the process alive, and a failure is logged and retried next time.
 */
export function everyFewSeconds(
  round: () => Promise<unknown>,
  everyMs: number,
  log: FastifyBaseLogger,
): { stop: () => Promise<void> } {
  if (everyMs <= 0) return { stop: () => Promise.resolve() };
  let running: Promise<unknown> | null = null;
  const run = () => {
    if (running) return;
    running = round()
      .catch((err: unknown) => log.warn({ err }, 'Sending reminders failed; will retry'))
      .finally(() => {
        running = null;
      });
  };
  run();
  const timer = setInterval(run, everyMs);
  timer.unref();
  return {
    stop: async () => {
      clearInterval(timer);
      await running;
    },
  };
}
