import type { FastifyInstance } from 'fastify';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { buildServer } from '../app.js';

/**
 * For tests: a new, empty database on the test PostgreSQL server, so that reminders a test
 * schedules (often in the past: March and October 2026) are seen by no other test's server,
 * and theirs by none of ours. Returns its URL and a way to drop it.
 */
export async function freshPostgresDatabase(
  serverUrl: string,
): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `reminders_${randomUUID().replaceAll('-', '')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const client = new pg.Client({ connectionString: serverUrl });
      await client.connect();
      try {
        await client.query(`drop database if exists ${name}`);
      } finally {
        await client.end();
      }
    },
  };
}

/** A test's clock: `now` reads it, tests set `at`. */
export interface TestClock {
  at: Date;
  now: () => Date;
}

/** A clock that starts at `iso` and stands still until moved. */
export function testClock(iso: string): TestClock {
  const clock: TestClock = { at: new Date(iso), now: () => clock.at };
  return clock;
}

/**
 * A server whose reminders are sent only when the test calls `app.reminders.sendDue`, on the
 * test's clock, to push services on 127.0.0.1. SQLite in a temporary folder, or a fresh
 * database on the test PostgreSQL; `close` stops the server and deletes either.
 */
export async function reminderServer(
  databaseServerUrl: string | undefined,
  clock: TestClock,
): Promise<{ app: FastifyInstance; close: () => Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'weeknotes-reminders-'));
  const fresh = databaseServerUrl ? await freshPostgresDatabase(databaseServerUrl) : null;
  const app = await buildServer({
    staticDir: dir,
    dataDir: join(dir, 'data'),
    logLevel: 'silent',
    ...(fresh ? { databaseUrl: fresh.url } : {}),
    reminders: { everyMs: 0, insecureOrigins: ['http://127.0.0.1:*'], now: clock.now },
  });
  return {
    app,
    async close() {
      await app.close();
      rmSync(dir, { recursive: true, force: true });
      await fresh?.drop();
    },
  };
}
