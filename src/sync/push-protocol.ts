import { z } from '../validation/zod.js';

/**
 * Reminders by Web Push (ADR 0012): the shapes the server's /api/push and /api/reminders routes
 * take and give, and the payload a push carries. Shared by the server and the app.
 */

const base64url = z.string().regex(/^[A-Za-z0-9_-]+$/, 'must be base64url');

/** GET /api/push/key: the server's VAPID public key, for `applicationServerKey`. */
export const pushKeyResponseSchema = z.strictObject({ publicKey: base64url });

/**
 * PUT /api/push/subscription: `PushSubscription.toJSON()` as the browser gives it. Unknown
 * fields are dropped rather than refused, so a browser adding one does not lose its reminders.
 */
export const pushSubscriptionSchema = z.object({
  endpoint: z.url().max(2048),
  expirationTime: z.number().nullable().optional(),
  keys: z.object({
    /** The browser's P-256 public key, uncompressed (65 bytes). */
    p256dh: base64url.max(100),
    /** The browser's auth secret (16 bytes). */
    auth: base64url.max(50),
  }),
});
export type PushSubscriptionJson = z.infer<typeof pushSubscriptionSchema>;

/** DELETE /api/push/subscription: which subscription, by its endpoint. */
export const pushUnsubscribeSchema = z.strictObject({ endpoint: z.string().min(1).max(2048) });

const weekday = z.number().int().min(0).max(6);
const clockTime = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time from 00:00 to 23:59 (HH:MM)');

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/**
 * The mid-week nudge. The server cannot count moments (they are end-to-end encrypted), so it
 * sends the nudge with `fewerThan`, and the device shows it only if fewer were captured.
 */
export const nudgeSchema = z.strictObject({
  weekday,
  time: clockTime,
  fewerThan: z.number().int().min(1).max(99),
});

/** PUT /api/reminders: when to remind, in the writer's own time zone. Weekday 0 is Sunday. */
export const reminderSettingsSchema = z.strictObject({
  enabled: z.boolean(),
  weekday,
  time: clockTime,
  timeZone: z
    .string()
    .min(1)
    .max(64)
    .refine(isTimeZone, 'must be an IANA time zone, such as Europe/London'),
  nudge: nudgeSchema.nullable(),
});
export type ReminderSettings = z.infer<typeof reminderSettingsSchema>;

/** GET and PUT /api/reminders answer with the settings and when each is next due (UTC). */
export const reminderStateSchema = reminderSettingsSchema.extend({
  nextReminderAt: z.iso.datetime().nullable(),
  nextNudgeAt: z.iso.datetime().nullable(),
});
export type ReminderState = z.infer<typeof reminderStateSchema>;

/** Until a writer saves their own: off, Friday 15:00 London time, no nudge. */
export const DEFAULT_REMINDER_SETTINGS: ReminderSettings = {
  enabled: false,
  weekday: 5,
  time: '15:00',
  timeZone: 'Europe/London',
  nudge: null,
};

/**
 * What a push carries, encrypted: never any of the writer's content. `due` is the instant the
 * reminder was due; the device counts the week's moments itself and words the notification.
 */
export const reminderPayloadSchema = z.discriminatedUnion('reminder', [
  z.strictObject({
    type: z.literal('reminder'),
    reminder: z.literal('weekly'),
    due: z.iso.datetime(),
  }),
  z.strictObject({
    type: z.literal('reminder'),
    reminder: z.literal('nudge'),
    due: z.iso.datetime(),
    fewerThan: z.number().int().min(1),
  }),
]);
export type ReminderPayload = z.infer<typeof reminderPayloadSchema>;
