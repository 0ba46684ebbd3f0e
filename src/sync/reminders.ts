import { z } from '../validation/zod';
import {
  pushKeyResponseSchema,
  reminderStateSchema,
  type PushSubscriptionJson,
  type ReminderSettings,
  type ReminderState,
} from './push-protocol';
import { requestJson } from './remote';

/** The server's VAPID public key, for this device's push subscription. */
export async function pushKey(): Promise<string> {
  return (await requestJson('/api/push/key', pushKeyResponseSchema)).publicKey;
}

/** Tells the server where to send this device's reminders. */
export async function saveSubscription(subscription: PushSubscriptionJson): Promise<void> {
  await requestJson('/api/push/subscription', z.object({ subscribed: z.literal(true) }), {
    method: 'PUT',
    body: subscription,
  });
}

/** Tells the server to stop sending to a subscription. */
export async function forgetSubscription(endpoint: string): Promise<void> {
  await requestJson('/api/push/subscription', z.object({ removed: z.boolean() }), {
    method: 'DELETE',
    body: { endpoint },
  });
}

/** The account's reminder settings and when each is next due. */
export function reminderState(): Promise<ReminderState> {
  return requestJson('/api/reminders', reminderStateSchema);
}

/** Saves the account's reminder settings; the answer says when each is next due. */
export function saveReminders(settings: ReminderSettings): Promise<ReminderState> {
  return requestJson('/api/reminders', reminderStateSchema, { method: 'PUT', body: settings });
}
