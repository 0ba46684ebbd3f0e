import type { Kysely, Transaction } from 'kysely';
import {
  DEFAULT_REMINDER_SETTINGS,
  type ReminderSettings,
  type ReminderState,
} from '../../src/sync/push-protocol.js';
import type { Database, ReminderSettingsTable } from '../db/schema.js';
import { canonicalTimeZone, nextOccurrence, type WeeklyTime } from './next-occurrence.js';

/** The two reminders a writer can have: the weekly one, and the mid-week nudge. */
export type ReminderKind = 'weekly' | 'nudge';

type SettingsRow = Omit<ReminderSettingsTable, 'user_id' | 'updated_at'>;

/** A stored row as the API's settings. */
export function settingsFromRow(row: SettingsRow): ReminderSettings {
  return {
    enabled: row.enabled === 1,
    weekday: row.weekday,
    time: row.time,
    timeZone: row.time_zone,
    nudge:
      row.nudge_weekday !== null && row.nudge_time !== null && row.nudge_fewer_than !== null
        ? { weekday: row.nudge_weekday, time: row.nudge_time, fewerThan: row.nudge_fewer_than }
        : null,
  };
}

/** When a reminder of a kind happens, by the writer's settings; null if it is off. */
export function weeklyTimeOf(settings: ReminderSettings, kind: ReminderKind): WeeklyTime | null {
  if (!settings.enabled) return null;
  if (kind === 'weekly') return settings;
  return settings.nudge && { ...settings.nudge, timeZone: settings.timeZone };
}

/** A writer's reminder settings (the defaults until they save some) and when each is next due. */
export async function reminderState(db: Kysely<Database>, userId: string): Promise<ReminderState> {
  const row = await db
    .selectFrom('reminder_settings')
    .selectAll()
    .where('user_id', '=', userId)
    .executeTakeFirst();
  const due = await db
    .selectFrom('reminder_schedule')
    .select(['kind', 'due_at'])
    .where('user_id', '=', userId)
    .execute();
  const dueAt = (kind: ReminderKind) => due.find((d) => d.kind === kind)?.due_at ?? null;
  return {
    ...(row ? settingsFromRow(row) : DEFAULT_REMINDER_SETTINGS),
    nextReminderAt: dueAt('weekly'),
    nextNudgeAt: dueAt('nudge'),
  };
}

/** Replaces a writer's schedule: the next occurrence after `now` of each reminder that is on. */
async function reschedule(
  trx: Transaction<Database>,
  userId: string,
  settings: ReminderSettings,
  now: Date,
): Promise<void> {
  await trx.deleteFrom('reminder_schedule').where('user_id', '=', userId).execute();
  const rows = (['weekly', 'nudge'] as const).flatMap((kind) => {
    const weekly = weeklyTimeOf(settings, kind);
    return weekly
      ? [{ user_id: userId, kind, due_at: nextOccurrence(weekly, now).toISOString() }]
      : [];
  });
  if (rows.length > 0) await trx.insertInto('reminder_schedule').values(rows).execute();
}

/** Saves a writer's reminder settings and schedules them from `now`. */
export async function saveReminderSettings(
  db: Kysely<Database>,
  userId: string,
  settings: ReminderSettings,
  now: Date,
): Promise<ReminderState> {
  const saved = { ...settings, timeZone: canonicalTimeZone(settings.timeZone) };
  const values = {
    enabled: saved.enabled ? 1 : 0,
    weekday: saved.weekday,
    time: saved.time,
    time_zone: saved.timeZone,
    nudge_weekday: saved.nudge?.weekday ?? null,
    nudge_time: saved.nudge?.time ?? null,
    nudge_fewer_than: saved.nudge?.fewerThan ?? null,
    updated_at: now.toISOString(),
  };
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('reminder_settings')
      .values({ user_id: userId, ...values })
      .onConflict((oc) => oc.column('user_id').doUpdateSet(values))
      .execute();
    await reschedule(trx, userId, saved, now);
  });
  return reminderState(db, userId);
}
