import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../db/connect.js';
import {
  everyFewSeconds,
  REMINDER_EVERY_MS,
  sendDueReminders,
  type SendReport,
} from './scheduler.js';
import { webPushSender } from './send.js';
import { vapidKeys } from './vapid.js';

/** How a server sends reminders; the defaults suit production. */
export interface ReminderOptions {
  /**
   * The VAPID contact push services see (`sub`): a mailto: or https: address. Default: the
   * public origin when it is https, else mailto:weeknotes@localhost. Set VAPID_SUBJECT.
   */
  subject?: string;
  /** How often this process looks for due reminders; 0 for never (tests call sendDue). */
  everyMs?: number;
  /** Push endpoint origins allowed besides https ones, e.g. `http://127.0.0.1:*` for tests. */
  insecureOrigins?: string[];
  /** The clock (tests move it). */
  now?: () => Date;
}

/** The reminder service of one server process. */
export interface Reminders {
  /** The VAPID public key (base64url), for the browser's `applicationServerKey`. */
  publicKey: string;
  insecureOrigins: readonly string[];
  now: () => Date;
  /** Sends the reminders due at `now` (the scheduler's loop calls this). */
  sendDue: (now: Date) => Promise<SendReport>;
  stop: () => Promise<void>;
}

declare module 'fastify' {
  interface FastifyInstance {
    reminders: Reminders;
  }
}

/** Loads (or makes) the VAPID keys and starts looking for due reminders. */
export async function startReminders(
  database: Db,
  log: FastifyBaseLogger,
  options: ReminderOptions & { publicOrigin?: string },
): Promise<Reminders> {
  const now = options.now ?? (() => new Date());
  const keys = await vapidKeys(database.db, now());
  const subject =
    options.subject ??
    (options.publicOrigin?.startsWith('https://')
      ? options.publicOrigin
      : 'mailto:weeknotes@localhost');
  const deps = {
    db: database.db,
    engine: database.engine,
    send: webPushSender(keys, subject),
    log,
  };
  const sendDue = (at: Date) => sendDueReminders(deps, at);
  const loop = everyFewSeconds(() => sendDue(now()), options.everyMs ?? REMINDER_EVERY_MS, log);
  return {
    publicKey: keys.publicKey,
    insecureOrigins: options.insecureOrigins ?? [],
    now,
    sendDue,
    stop: loop.stop,
  };
}
