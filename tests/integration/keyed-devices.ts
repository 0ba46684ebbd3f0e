/**
 * Simulated devices with end-to-end encryption (ADR 0015): the key store reached through the
 * server's real handlers, keyed rounds, and ways to tamper with and scan the server's database.
 */
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { mkdtempSync, readFileSync, existsSync, rmSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildServer } from '../../server/app';
import { testAccount, type TestDevice } from '../../server/test-support';
import { parseRecoveryKey } from '../../src/crypto/recovery-key';
import { unlockWith } from '../../src/sync/unlock';
import { kekForBox } from '../../src/crypto/box';
import { createDataKey, type DataKey } from '../../src/crypto/data-key';
import { keyStoreSchema } from '../../src/crypto/key-store-protocol';
import { newLinkKeys } from '../../src/crypto/link';
import { readKeyring } from '../../src/storage/keyring-store';
import type { RoundResult } from '../../src/sync/engine';
import { keyedRound } from '../../src/sync/keyed-round';
import type { KeysApi } from '../../src/sync/keyring';
import { SyncError } from '../../src/sync/remote';
import { z } from '../../src/validation/zod';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { SimulatedDevice } from './devices';

/** The server's /api/keys routes through Fastify's inject, as `session`. */
export function injectKeysApi(session: TestDevice): KeysApi {
  async function call(method: 'GET' | 'POST' | 'DELETE', url: string, payload?: unknown) {
    const res = await session.request({ method, url, ...(payload ? { payload } : {}) });
    if (res.statusCode >= 300) {
      const error = (res.json<{ error?: string }>().error ?? res.body) || `${res.statusCode}`;
      throw new SyncError(res.statusCode === 401 ? 'signed-out' : 'refused', error, res.statusCode);
    }
    return res.json<unknown>();
  }
  const id = z.object({ id: z.string() });
  return {
    fetchKeyStore: async () => keyStoreSchema.parse(await call('GET', '/api/keys')),
    registerBox: async (box) => id.parse(await call('POST', '/api/keys/boxes', box)).id,
    dropBox: async (boxId) => {
      await call('DELETE', `/api/keys/boxes/${boxId}`, {});
    },
    storeDataKey: async (keyId, replaces, copies) => {
      await call('POST', '/api/keys/data-keys', { keyId, replaces, copies });
    },
    addCopies: async (keyId, copies) => {
      await call('POST', '/api/keys/copies', { keyId, copies });
    },
  };
}

/** A device and its key store, with keyed rounds run on its own database. */
export function keyed(device: SimulatedDevice) {
  const api = injectKeysApi(device.session);
  const account = {
    userId: device.session.userId,
    deviceId: device.session.deviceId,
    deviceName: 'Test device',
  };
  return {
    device,
    api,
    account,
    round: (): Promise<RoundResult | 'locked'> =>
      device.on(() => keyedRound(device.store, device.remote, api, account, () => new Date())),
    keyring: () => device.on(readKeyring),
    /** Unlocks with a recovery key as the writer types it. */
    unlockWithRecovery: (text: string) =>
      device.on(() =>
        unlockWith(api, account.deviceId, { kind: 'recovery', bytes: parseRecoveryKey(text) }),
      ),
  };
}

export type Keyed = ReturnType<typeof keyed>;

/** A round that must not be 'locked'. */
export async function openRound(round: () => Promise<RoundResult | 'locked'>) {
  const result = await round();
  if (result === 'locked') throw new Error('the device is locked');
  return result;
}

/**
 * Gives `session`'s account a data key, wrapped for a box of that device's, as the first device
 * to make one does: from then on the server refuses plaintext pushes to the account.
 */
export async function sharedDataKey(session: TestDevice): Promise<DataKey> {
  const api = injectKeysApi(session);
  const box = await newLinkKeys();
  const boxId = await api.registerBox({ kind: 'device', publicKey: box.publicKey });
  const to = await kekForBox(box.publicKey);
  const { dataKey, wrapped } = await createDataKey([{ kek: to.kek, kind: 'device' }]);
  await api.storeDataKey(dataKey.id, null, [
    { boxId, sender: to.sender, wrapped: wrapped[0]!.text },
  ]);
  return dataKey;
}

/** A random string to look for afterwards. */
export const marker = (what: string): string => `${what}${randomUUID().replaceAll('-', '')}`;

/** A server like testServer's, logging at `debug` into `log`, and where its data folder is. */
export async function loggedServer(databaseUrl?: string) {
  const dir = mkdtempSync(join(tmpdir(), 'weeknotes-server-'));
  const dataDir = join(dir, 'data');
  const log: string[] = [];
  const app = await buildServer({
    staticDir: dir,
    dataDir,
    authRateLimit: 1000,
    logLevel: 'debug',
    logStream: { write: (line) => void log.push(line) },
    ...(databaseUrl ? { databaseUrl } : {}),
  });
  app.addHook('onClose', () => rmSync(dir, { recursive: true, force: true }));
  return { app, dataDir, log };
}

/** Every value of every row of every table in the server's database, as text. */
export async function everyValue(app: FastifyInstance): Promise<string[]> {
  const { db, engine } = app.database;
  const out: string[] = [];
  if (engine === 'sqlite') {
    const tables = await sql<{ name: string }>`
      select name from sqlite_master where type = 'table'`.execute(db);
    for (const { name } of tables.rows) {
      const rows = await sql<Record<string, unknown>>`select * from ${sql.table(name)}`.execute(db);
      for (const row of rows.rows) {
        for (const value of Object.values(row)) {
          out.push(
            value instanceof Uint8Array ? Buffer.from(value).toString('latin1') : String(value),
          );
        }
      }
    }
  } else {
    const tables = await sql<{ table_name: string }>`
      select table_name from information_schema.tables
      where table_schema = current_schema() and table_type = 'BASE TABLE'`.execute(db);
    for (const { table_name } of tables.rows) {
      const rows = await sql<{ row: string }>`
        select t::text as row from ${sql.table(table_name)} t`.execute(db);
      out.push(...rows.rows.map((r) => r.row));
    }
  }
  return out;
}

/** The SQLite database file and its write-ahead log, as bytes (latin1 text). */
export function sqliteFiles(dataDir: string): string {
  const file = join(dataDir, 'weeknotes.sqlite');
  return [file, `${file}-wal`]
    .filter((f) => existsSync(f))
    .map((f) => readFileSync(f).toString('latin1'))
    .join('\n');
}

/**
 * Puts `payload` into a record of the server's, as a new version with a new highest seq, as a
 * breached server might: the devices pull it on their next round.
 */
export async function tamper(
  app: FastifyInstance,
  userId: string,
  id: string,
  payload: string,
): Promise<void> {
  const { db } = app.database;
  await db.transaction().execute(async (trx) => {
    const user = await trx
      .selectFrom('users')
      .select('seq')
      .where('id', '=', userId)
      .executeTakeFirstOrThrow();
    const seq = Number(user.seq) + 1;
    await trx.updateTable('users').set({ seq }).where('id', '=', userId).execute();
    await trx
      .updateTable('records')
      .set((eb) => ({ payload, seq, version: eb('version', '+', 1) }))
      .where('user_id', '=', userId)
      .where('id', '=', id)
      .execute();
  });
}

/** The server's payload of one record. */
export async function serverPayload(
  app: FastifyInstance,
  userId: string,
  id: string,
): Promise<string> {
  const row = await app.database.db
    .selectFrom('records')
    .select('payload')
    .where('user_id', '=', userId)
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  return row.payload;
}

/** `payload` with one bit flipped in its ciphertext (past the version, key id and IV). */
export function flipBit(payload: string): string {
  const bytes = Buffer.from(payload.slice('wnp.'.length), 'base64url');
  const at = 1 + 8 + 12 + 3;
  bytes[at] = (bytes[at] ?? 0) ^ 0x10;
  return `wnp.${bytes.toString('base64url')}`;
}

/**
 * A server at `debug` for a test file's engine, and devices (keyed) made for each test, deleted
 * after it. Call inside the describe; `app` is there once the tests start.
 */
export function keyedSuite(databaseUrl?: string) {
  let server: Awaited<ReturnType<typeof loggedServer>> | undefined;
  const open: SimulatedDevice[] = [];
  beforeAll(async () => {
    server = await loggedServer(databaseUrl);
  });
  afterAll(async () => {
    await server?.app.close();
  });
  afterEach(async () => {
    for (const d of open.splice(0)) await d.close();
  });
  const started = () => {
    if (!server) throw new Error('the server starts in beforeAll');
    return server;
  };
  return {
    get app(): FastifyInstance {
      return started().app;
    },
    get dataDir(): string {
      return started().dataDir;
    },
    get log(): string[] {
      return started().log;
    },
    /** A new device on `userId`'s account (a new account when none is given). */
    async device(userId?: string) {
      const device = new SimulatedDevice(await testAccount(started().app, userId));
      open.push(device);
      return keyed(device);
    },
  };
}
