import { subscribeThisDevice, unsubscribeThisDevice } from '../pwa/push-subscription';
import type { ReminderSettings, ReminderState } from '../sync/push-protocol';
import { forgetSubscription, pushKey, saveReminders, saveSubscription } from '../sync/reminders';

/** The device's own IANA time zone, which reminders are set in. */
export function deviceTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/**
 * Turns reminders on for this device: permission, a push subscription, then the server learns
 * both. Throws a PushProblem or SyncError with words for the writer.
 */
export async function turnRemindersOn(settings: ReminderSettings): Promise<ReminderState> {
  const subscription = await subscribeThisDevice(pushKey);
  await saveSubscription(subscription);
  return saveReminders({ ...settings, enabled: true, timeZone: deviceTimeZone() });
}

/**
 * Turns reminders off: the server stops sending first (for every device of the account, as the
 * settings are the account's), then this device's subscription ends and the server forgets it.
 */
export async function turnRemindersOff(settings: ReminderSettings): Promise<ReminderState> {
  const saved = await saveReminders({ ...settings, enabled: false });
  const endpoint = await unsubscribeThisDevice();
  if (endpoint) await forgetSubscription(endpoint);
  return saved;
}

/** Saves a change of day, time or nudge while reminders are on. */
export function changeReminders(settings: ReminderSettings): Promise<ReminderState> {
  return saveReminders({ ...settings, timeZone: deviceTimeZone() });
}
