import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import Fastify, { type FastifyError, type FastifyInstance } from 'fastify';
import { registerGuard } from './auth/guard.js';
import { registerDeviceRoutes } from './auth/devices.js';
import { registerKeyLinkRoutes } from './auth/key-links.js';
import { registerKeyStoreRoutes } from './auth/key-store.js';
import { registerAuthRoutes } from './auth/routes.js';
import { openDatabase, type Db } from './db/connect.js';
import { registerApiCompression } from './compression.js';
import { registerHealthCheck } from './health.js';
import { startReminders, type ReminderOptions } from './push/reminders.js';
import { registerReminderRoutes } from './push/routes.js';
import { HttpError, registerStrictJson, sendHttpError } from './http.js';
import { loggerOptions, type LogLevel, type LogStream } from './logging.js';
import { registerSecurityHeaders } from './security.js';
import { builtPageStyleSources, registerStaticApp } from './static-app.js';
import { scheduleExpiry } from './sync/expiry.js';
import { registerSyncRoutes } from './sync/routes.js';
import { registerLiveSync } from './sync/live.js';
import type { HubLimits } from './sync/live-streams.js';

/** What a server needs to know to start. */
export interface ServerOptions {
  /** The built PWA (vite's dist folder). */
  staticDir: string;
  /** Where the embedded SQLite database lives. */
  dataDir: string;
  /** PostgreSQL connection string; when set, it is used instead of SQLite. */
  databaseUrl?: string;
  /** The origin passkeys are made for, e.g. https://notes.example.org (default: as requested). */
  publicOrigin?: string;
  /** Sign-in attempts allowed per client address per minute. */
  authRateLimit?: number;
  /** How much to log (default info): one JSON line per request, errors with their stack. */
  logLevel?: LogLevel;
  /** Where log lines go (default standard output). */
  logStream?: LogStream;
  /** Further origins the page may publish to besides https ones, e.g. `http://127.0.0.1:*`. */
  blogOrigins?: string[];
  /** Reminders by Web Push: the VAPID contact, and for tests the loop, clock and endpoints. */
  reminders?: ReminderOptions;
  /** Live sync's stream limits and heartbeat (tests make them small). */
  liveSync?: Partial<HubLimits>;
}

declare module 'fastify' {
  interface FastifyInstance {
    database: Db;
  }
}

/** Largest request body the server reads, in bytes (sync pushes have their own limit). */
export const BODY_LIMIT = 1024 * 1024;

/** Builds the Weeknotes server: the PWA, the sync API, accounts, and the health check. */
export async function buildServer(options: ServerOptions): Promise<FastifyInstance> {
  const database = await openDatabase(options);
  const app = Fastify({
    ...loggerOptions(options.logLevel ?? 'info', options.logStream),
    bodyLimit: BODY_LIMIT,
    return503OnClosing: true,
    trustProxy: process.env.TRUST_PROXY === '1',
  });
  app.decorate('database', database);
  const expiry = scheduleExpiry(database.db, database.engine, app.log);
  const reminders = await startReminders(database, app.log, {
    ...options.reminders,
    ...(options.publicOrigin ? { publicOrigin: options.publicOrigin } : {}),
  });
  app.decorate('reminders', reminders);
  app.addHook('onClose', async () => {
    await expiry.stop();
    await reminders.stop();
    await database.close();
  });

  app.setErrorHandler<FastifyError | HttpError>((error, request, reply) => {
    if (error instanceof HttpError) return sendHttpError(reply, error);
    const status = error.statusCode && error.statusCode >= 400 ? error.statusCode : 500;
    if (status >= 500) request.log.error({ err: error }, 'request failed');
    const message = status >= 500 ? 'Something went wrong on the server' : error.message;
    return reply.code(status).send({ error: message });
  });

  registerStrictJson(app);
  registerApiCompression(app);
  registerSecurityHeaders(app, options.blogOrigins, builtPageStyleSources(options.staticDir));
  await app.register(cookie);
  await app.register(rateLimit, { global: false });
  registerGuard(app, database.db);
  registerHealthCheck(app, database);
  registerAuthRoutes(app, database.db, {
    ...(options.publicOrigin ? { publicOrigin: options.publicOrigin } : {}),
    rateLimit: { max: options.authRateLimit ?? 30, timeWindow: '1 minute' },
  });
  registerDeviceRoutes(app, database.db);
  registerKeyStoreRoutes(app, database.db);
  registerKeyLinkRoutes(app, database.db);
  registerSyncRoutes(app, database.db, database.engine);
  await registerLiveSync(app, database, {
    ...(options.databaseUrl ? { databaseUrl: options.databaseUrl } : {}),
    ...(options.liveSync ? { limits: options.liveSync } : {}),
  });
  registerReminderRoutes(app, database.db, reminders);
  await registerStaticApp(app, options.staticDir);
  return app;
}
