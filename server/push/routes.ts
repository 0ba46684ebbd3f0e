import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import {
  pushSubscriptionSchema,
  pushUnsubscribeSchema,
  reminderSettingsSchema,
} from '../../src/sync/push-protocol.js';
import { requireCaller } from '../auth/guard.js';
import type { Database } from '../db/schema.js';
import { parse } from '../http.js';
import type { Reminders } from './reminders.js';
import { reminderState, saveReminderSettings } from './settings.js';
import { deleteSubscription, saveSubscription } from './subscriptions.js';

/** The VAPID key, a device's push subscription, and the writer's reminder settings. */
export function registerReminderRoutes(
  app: FastifyInstance,
  db: Kysely<Database>,
  reminders: Reminders,
): void {
  app.get('/api/push/key', (request) => {
    requireCaller(request);
    return Promise.resolve({ publicKey: reminders.publicKey });
  });

  app.put('/api/push/subscription', async (request) => {
    const caller = requireCaller(request);
    const sub = parse(pushSubscriptionSchema, request.body);
    await saveSubscription(db, caller, sub, reminders.insecureOrigins, reminders.now());
    return { subscribed: true };
  });

  app.delete('/api/push/subscription', async (request) => {
    const caller = requireCaller(request);
    const { endpoint } = parse(pushUnsubscribeSchema, request.body);
    return { removed: await deleteSubscription(db, caller.userId, endpoint) };
  });

  app.get('/api/reminders', async (request) => {
    const caller = requireCaller(request);
    return reminderState(db, caller.userId);
  });

  app.put('/api/reminders', async (request) => {
    const caller = requireCaller(request);
    const settings = parse(reminderSettingsSchema, request.body);
    return saveReminderSettings(db, caller.userId, settings, reminders.now());
  });
}
