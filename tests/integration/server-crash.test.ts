import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { addDevice, createUser } from '../../server/auth/accounts';
import { createSession } from '../../server/auth/sessions';
import { testMutation } from '../../server/test-support';
import type { Database } from '../../server/db/schema';
import { pullResponseSchema, pushResponseSchema, type Mutation } from '../../src/sync/protocol';
import { startProcess, stopProcess, type ServerProcess } from './processes';

const KILLS = 3;
const CLIENTS = 8;

const engines = [
  { name: 'SQLite', databaseUrl: undefined },
  ...(process.env.TEST_DATABASE_URL
    ? [{ name: 'PostgreSQL', databaseUrl: process.env.TEST_DATABASE_URL }]
    : []),
];

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.each(engines)('the server killed mid-write on $name', ({ databaseUrl }) => {
  it('keeps every acknowledged mutation exactly once, and retried ones land exactly once', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'weeknotes-crash-'));
    const env = { DATA_DIR: dataDir, DATABASE_URL: databaseUrl };
    let server: ServerProcess | null = await startProcess(env);

    const db = new Kysely<Database>({
      dialect: databaseUrl
        ? new PostgresDialect({ pool: new pg.Pool({ connectionString: databaseUrl }) })
        : new SqliteDialect({ database: new SQLite(join(dataDir, 'weeknotes.sqlite')) }),
    });
    const userId = randomUUID();
    const now = new Date();
    await createUser(db, userId, now);
    const cookies = await Promise.all(
      Array.from(
        { length: CLIENTS },
        async () =>
          `weeknotes=${await createSession(db, await addDevice(db, userId, 'client', now), now)}`,
      ),
    );
    await db.destroy();

    const acknowledged = new Map<string, string>(); // mutationId → record id
    const sent = new Map<string, Mutation>();
    const conflicts: string[] = [];
    const stuck: string[] = [];
    const tries = new Map<string, number>();
    let running = true;
    let retries = 0;
    let answersLost = 0;

    /** Sends one push: acknowledged, to be retried, or refused as a conflict (never expected). */
    async function push(cookie: string, m: Mutation, loseAnswer: boolean) {
      const target = server;
      if (!target) return 'retry';
      try {
        const res = await fetch(`${target.url}/api/sync/push`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', origin: target.url, cookie },
          body: JSON.stringify({ mutations: [m] }),
        });
        if (!res.ok) return 'retry';
        const [result] = pushResponseSchema.parse(await res.json()).results;
        if (result?.status === 'conflict') return 'conflict';
        // The server stored it, but the answer never reached the device (a dropped connection):
        // the device must send it again and be told it was already applied, never a conflict.
        if (loseAnswer) {
          answersLost++;
          return 'retry';
        }
        const applied =
          result?.status === 'applied' ||
          (result?.status === 'duplicate' && result.replayed === 'applied');
        return applied ? 'ack' : 'retry';
      } catch {
        return 'retry';
      }
    }

    async function client(cookie: string, n: number): Promise<void> {
      let pending: Mutation | null = null;
      let i = 0;
      while (running || pending) {
        const m: Mutation =
          pending ??
          testMutation(randomUUID(), 0, JSON.stringify({ text: `client ${n} moment ${i++}` }));
        sent.set(m.mutationId, m);
        const outcome = await push(cookie, m, pending === null && i % 7 === 0);
        if (outcome === 'conflict') {
          conflicts.push(m.mutationId);
          pending = null;
        } else if (outcome === 'ack') {
          acknowledged.set(m.mutationId, m.id);
          pending = null;
        } else {
          // No acknowledgement: the same mutation is sent again until one comes (or, should the
          // server keep refusing it, the test gives up on it and says so below).
          if (pending) retries++;
          tries.set(m.mutationId, (tries.get(m.mutationId) ?? 0) + 1);
          pending = (tries.get(m.mutationId) ?? 0) < 100 ? m : null;
          if (!pending) stuck.push(m.mutationId);
          await sleep(20);
        }
      }
    }

    const clients = cookies.map((c, n) => client(c, n));
    for (let k = 0; k < KILLS; k++) {
      await sleep(300 + Math.random() * 500);
      const victim = server;
      server = null;
      victim?.child.kill('SIGKILL');
      await new Promise((r) => victim?.child.once('exit', r));
      server = await startProcess(env);
    }
    await sleep(300);
    running = false;
    await Promise.all(clients);

    const records: { id: string; version: number; seq: number }[] = [];
    let since = 0;
    for (;;) {
      const res = await fetch(`${server.url}/api/sync/pull?since=${since}&limit=1000`, {
        headers: { cookie: cookies[0] ?? '' },
      });
      const page = pullResponseSchema.parse(await res.json());
      records.push(...page.changes);
      since = page.cursor;
      if (!page.more) break;
    }
    await stopProcess(server.child);
    rmSync(dataDir, { recursive: true, force: true });

    expect(acknowledged.size).toBeGreaterThan(50);
    // A resent mutation whose first answer was lost is a duplicate, never a conflict.
    expect(answersLost).toBeGreaterThan(5);
    expect(conflicts).toEqual([]);
    expect(stuck).toEqual([]);
    // The kills really did cut requests off: some mutations had to be sent again.
    expect(retries).toBeGreaterThan(0);
    expect(acknowledged.size).toBe(sent.size);
    const ids = records.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(ids)).toEqual(new Set(acknowledged.values()));
    expect(records.every((r) => r.version === 1)).toBe(true);
    const seqs = records.map((r) => r.seq);
    expect([...seqs].sort((a, b) => a - b)).toEqual(seqs);
  }, 60_000);
});
