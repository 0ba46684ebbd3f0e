import type { FastifyInstance } from 'fastify';
import type { IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';
import type { Kysely } from 'kysely';
import { LIVE_EVENTS_PATH, liveEvent } from '../../src/sync/live-protocol.js';
import type { PushResult } from '../../src/sync/protocol.js';
import { requireCaller, sessionToken } from '../auth/guard.js';
import type { Caller } from '../auth/sessions.js';
import { hashSecret } from '../auth/tokens.js';
import type { Db } from '../db/connect.js';
import type { Database } from '../db/schema.js';
import { emptyBody, parse } from '../http.js';
import { DEFAULT_LIMITS, streamHub, type HubLimits, type HubQueries } from './live-streams.js';
import { localNotifier, type SyncNotifier } from './notifier.js';
import { postgresNotifier } from './pg-notifier.js';

/** Bytes a stream may leave unsent before it is closed as not reading. */
const MAX_UNSENT = 64 * 1024;

function hubQueries(db: Kysely<Database>): HubQueries {
  return {
    async liveSessions(sessions) {
      if (sessions.length === 0) return new Set();
      const rows = await db
        .selectFrom('sessions')
        .innerJoin('devices', 'devices.id', 'sessions.device_id')
        .select('sessions.id_hash')
        .where('sessions.id_hash', 'in', sessions)
        .where('devices.revoked_at', 'is', null)
        .where('sessions.expires_at', '>', new Date().toISOString())
        .execute();
      return new Set(rows.map((r) => r.id_hash));
    },
    async latestSeqs(userIds) {
      if (userIds.length === 0) return new Map();
      const rows = await db
        .selectFrom('records')
        .select(['user_id', (eb) => eb.fn.max('seq').as('seq')])
        .where('user_id', 'in', userIds)
        .groupBy('user_id')
        .execute();
      const seqs = new Map<string, number>(userIds.map((id) => [id, 0]));
      for (const row of rows) seqs.set(row.user_id, Number(row.seq ?? 0));
      return seqs;
    },
  };
}

/** Tells the writer's other devices, in every process, that a push stored something. */
export function announcePush(app: FastifyInstance, caller: Caller, results: PushResult[]): void {
  let seq = 0;
  for (const r of results) if (r.status === 'applied') seq = Math.max(seq, r.record.seq);
  if (seq > 0) app.syncSignals.publish({ kind: 'changed', ...caller, seq });
}

/**
 * Live sync (ADR 0013): `app.syncSignals` (in process on SQLite, LISTEN/NOTIFY on PostgreSQL) and
 * GET /api/sync/events, a server-sent event stream per signed-in device that says when another
 * device pushed. Streams end on sign-out, revoke, the limits, and before the server closes.
 */
export async function registerLiveSync(
  app: FastifyInstance,
  database: Db,
  options: { databaseUrl?: string; limits?: Partial<HubLimits> } = {},
): Promise<void> {
  const notifier: SyncNotifier =
    database.engine === 'postgres' && options.databaseUrl
      ? await postgresNotifier(database.db, options.databaseUrl, app.log)
      : localNotifier();
  app.decorate('syncSignals', notifier);
  const queries = hubQueries(database.db);
  const hub = streamHub({ ...DEFAULT_LIMITS, ...options.limits }, queries);
  const stopHearing = notifier.subscribe((signal) => {
    hub.hear(signal).catch((err: unknown) => app.log.warn({ err }, 'live sync: a signal failed'));
  });
  // Connections that have sent no request yet (opened ahead by a client that reconnects) are
  // never idle to Node's server.close(), so they would hold it up as open streams would.
  const unused = new Set<Socket>();
  app.server.on('connection', (socket: Socket) => {
    unused.add(socket);
    socket.once('close', () => unused.delete(socket));
  });
  app.server.on('request', (request: IncomingMessage) => unused.delete(request.socket));
  // Before the server waits for requests in flight.
  app.addHook('preClose', (done) => {
    hub.closeAll();
    for (const socket of unused) socket.destroy();
    done();
  });
  app.addHook('onClose', async () => {
    stopHearing();
    await notifier.close();
  });

  app.get(LIVE_EVENTS_PATH, async (request, reply) => {
    const caller = requireCaller(request);
    parse(emptyBody, request.query); // like every route: nothing it does not expect
    const started = Date.now();
    reply.hijack();
    const res = reply.raw;
    res.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      // Never cached, never transformed (compressed) on the way, never buffered by nginx.
      'Cache-Control': 'no-store, no-transform',
      'X-Accel-Buffering': 'no',
    });
    res.flushHeaders();
    let reason = 'device';
    const stream = {
      ...caller,
      session: hashSecret(sessionToken(request) ?? ''),
      write(text: string): boolean {
        if (res.destroyed || res.writableEnded) return false;
        res.write(text);
        return res.writableLength < MAX_UNSENT;
      },
      end(why: string): void {
        reason = why;
        if (why === 'signed-out' || why === 'replaced') stream.write(liveEvent(why));
        res.end();
      },
    };
    res.on('error', () => undefined);
    res.on('close', () => {
      hub.remove(stream);
      // A device that went away may leave its half of the socket open: release ours too, or the
      // server would wait on it when closing.
      res.destroy();
      const line = { req: request, res: reply, responseTime: Date.now() - started, reason };
      request.log.debug(line, 'live stream closed');
    });
    hub.add(stream);
    try {
      // Checked again once the stream can hear signals: a revoke since the guard's lookup.
      const [seqs, live] = await Promise.all([
        queries.latestSeqs([caller.userId]),
        queries.liveSessions([stream.session]),
      ]);
      if (!live.has(stream.session)) return hub.close(stream, 'signed-out');
      stream.write(liveEvent('ready', { seq: seqs.get(caller.userId) ?? 0 }));
    } catch (err) {
      request.log.warn({ err }, 'live sync: could not read the newest seq');
      hub.close(stream, 'closing');
    }
  });
}
