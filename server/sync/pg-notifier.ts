import { randomUUID } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import { sql, type Kysely } from 'kysely';
import pg from 'pg';
import { z } from 'zod';
import type { Database } from '../db/schema.js';
import { listeners, type SyncNotifier } from './notifier.js';

/** The PostgreSQL channel every process listens on. */
export const CHANNEL = 'weeknotes_sync';
/** The listening connection's `application_name`, to find it in `pg_stat_activity`. */
export const LISTENER_NAME = 'weeknotes-listen';

const wireSchema = z.strictObject({
  /** The process that sent it: it has told its own subscribers already. */
  from: z.string(),
  signal: z.discriminatedUnion('kind', [
    z.strictObject({
      kind: z.literal('changed'),
      userId: z.string(),
      deviceId: z.string(),
      seq: z.number().int().nonnegative(),
    }),
    z.strictObject({ kind: z.literal('access'), userId: z.string() }),
  ]),
});

/** How long to wait before listening again after the connection failed: 0.5 s, 1 s … 30 s. */
export function relistenDelay(failures: number): number {
  return Math.min(30_000, 500 * 2 ** failures);
}

/**
 * Signals between processes by PostgreSQL's LISTEN/NOTIFY: one listening connection per process
 * (never per device), connected again with backoff when it drops. A signal goes to this process's
 * subscribers at once and to the others through `pg_notify` on the pool. What was sent while the
 * connection was down is lost, so once it is back subscribers hear `missed` and check everything.
 */
export async function postgresNotifier(
  db: Kysely<Database>,
  connectionString: string,
  log: FastifyBaseLogger,
): Promise<SyncNotifier> {
  const me = randomUUID();
  const heard = listeners();
  let current: pg.Client | null = null;
  let closed = false;
  let first = true;
  let failures = 0;
  let retry: ReturnType<typeof setTimeout> | null = null;

  function receive(payload: string | undefined): void {
    let data: unknown = null;
    try {
      data = JSON.parse(payload ?? '');
    } catch {
      // Read as unreadable below.
    }
    const parsed = wireSchema.safeParse(data);
    if (!parsed.success) return log.warn('live sync: a notification could not be read');
    if (parsed.data.from !== me) heard.emit(parsed.data.signal);
  }

  async function listen(): Promise<void> {
    const client = new pg.Client({ connectionString, application_name: LISTENER_NAME });
    let lost = false;
    const drop = (err?: unknown): void => {
      if (lost) return;
      lost = true;
      if (current === client) current = null;
      client.removeAllListeners('notification');
      client.end().catch(() => undefined);
      if (closed) return;
      log.warn({ err }, 'live sync: the LISTEN connection was lost; connecting again');
      retry = setTimeout(() => {
        retry = null;
        void listen();
      }, relistenDelay(failures++));
      retry.unref();
    };
    client.on('notification', (message) => {
      if (message.channel === CHANNEL) receive(message.payload);
    });
    client.on('error', drop);
    client.on('end', () => drop());
    try {
      await client.connect();
      await client.query(`LISTEN ${CHANNEL}`);
    } catch (err) {
      first = false;
      return drop(err);
    }
    if (closed) {
      lost = true;
      await client.end().catch(() => undefined);
      return;
    }
    current = client;
    failures = 0;
    // Signals sent while no connection listened were not heard here.
    if (!first) heard.emit({ kind: 'missed' });
    first = false;
  }

  await listen();
  return {
    publish(signal) {
      heard.emit(signal);
      const payload = JSON.stringify({ from: me, signal });
      sql`select pg_notify(${CHANNEL}, ${payload})`
        .execute(db)
        .catch((err: unknown) => log.warn({ err }, 'live sync: a notification was not sent'));
    },
    subscribe: heard.subscribe,
    async close() {
      closed = true;
      if (retry) clearTimeout(retry);
      const client = current;
      current = null;
      await client?.end().catch(() => undefined);
    },
  };
}
