import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { mkdtempSync, rmSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addDevice, createUser } from './auth/accounts.js';
import { createSession } from './auth/sessions.js';
import type { Mutation } from '../src/sync/protocol.js';
import { buildServer } from './app.js';

/** The origin injected requests claim, matching the Host header inject sends. */
export const ORIGIN = 'http://localhost:80';

/** Engines the server tests run against: SQLite always, PostgreSQL when the test script started one. */
export const ENGINES: { name: string; databaseUrl?: string }[] = [
  { name: 'SQLite' },
  ...(process.env.TEST_DATABASE_URL
    ? [{ name: 'PostgreSQL', databaseUrl: process.env.TEST_DATABASE_URL }]
    : []),
];

/**
 * A server on a fresh temporary data folder (SQLite) or the test PostgreSQL. Closing it deletes
 * the folder.
 */
export async function testServer(databaseUrl?: string): Promise<FastifyInstance> {
  const dir = mkdtempSync(join(tmpdir(), 'weeknotes-server-'));
  const app = await buildServer({
    staticDir: dir,
    dataDir: join(dir, 'data'),
    authRateLimit: 1000,
    logLevel: 'silent',
    ...(databaseUrl ? { databaseUrl } : {}),
  });
  app.addHook('onClose', () => rmSync(dir, { recursive: true, force: true }));
  return app;
}

/** A signed-in device of a new account, made directly in the database. */
export interface TestDevice {
  userId: string;
  deviceId: string;
  cookie: string;
  request: (options: InjectOptions) => Promise<LightMyRequestResponse>;
}

/** Creates an account with one device and returns a way to make requests as that device. */
export async function testAccount(
  app: FastifyInstance,
  userId: string = randomUUID(),
): Promise<TestDevice> {
  const { db } = app.database;
  const now = new Date();
  const exists = await db
    .selectFrom('users')
    .select('id')
    .where('id', '=', userId)
    .executeTakeFirst();
  if (!exists) await createUser(db, userId, now);
  const caller = await addDevice(db, userId, 'Test device', now);
  const token = await createSession(db, caller, now);
  const cookie = `__Host-weeknotes=${token}`;
  return {
    ...caller,
    cookie,
    request: (options) =>
      app.inject({
        ...options,
        headers: { origin: ORIGIN, cookie, ...(options.headers ?? {}) },
      }),
  };
}

/** A new moment mutation, as a device would push it. */
export function testMutation(
  id: string,
  baseVersion = 0,
  payload = '{"text":"hello"}',
  extra: Partial<Mutation> = {},
): Mutation {
  return {
    mutationId: randomUUID(),
    id,
    kind: 'moment',
    baseVersion,
    updatedAt: new Date().toISOString(),
    deleted: false,
    payload,
    ...extra,
  };
}
