// The sync server under load: 100 concurrent clients pushing, on SQLite and on PostgreSQL.
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { join } from 'node:path';
import autocannon from 'autocannon';
import SQLite from 'better-sqlite3';
import pg from 'pg';

/** A payload the size of a sealed short moment (`wnp.` and base64url, as payload.ts makes). */
const SEALED = `wnp.${randomBytes(110).toString('base64url')}`;

const CLIENTS = 100;

function account(now) {
  const token = randomBytes(32).toString('base64url');
  return {
    userId: randomUUID(),
    deviceId: randomUUID(),
    token,
    hash: createHash('sha256').update(token).digest('base64url'),
    now: now.toISOString(),
    expires: new Date(now.getTime() + 86400000).toISOString(),
  };
}

async function createAccounts(server, databaseUrl) {
  const now = new Date();
  const accounts = Array.from({ length: CLIENTS }, () => account(now));
  const rows = (a) => [
    ['INSERT INTO users (id, seq, created_at) VALUES (?, 0, ?)', [a.userId, a.now]],
    [
      'INSERT INTO devices (id, user_id, name, created_at, last_seen_at) VALUES (?, ?, ?, ?, ?)',
      [a.deviceId, a.userId, 'bench', a.now, a.now],
    ],
    [
      'INSERT INTO sessions (id_hash, user_id, device_id, created_at, last_seen_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)',
      [a.hash, a.userId, a.deviceId, a.now, a.now, a.expires],
    ],
  ];
  if (databaseUrl) {
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    for (const a of accounts) {
      for (const [sql, args] of rows(a)) {
        let n = 0;
        await client.query(
          sql.replace(/\?/g, () => `$${++n}`),
          args,
        );
      }
    }
    await client.end();
  } else {
    const db = new SQLite(join(server.dataDir, 'weeknotes.sqlite'));
    db.pragma('busy_timeout = 5000');
    for (const a of accounts) for (const [sql, args] of rows(a)) db.prepare(sql).run(...args);
    db.close();
  }
  return accounts;
}

export async function benchLoad(server, { databaseUrl, seconds = 10 } = {}) {
  const accounts = await createAccounts(server, databaseUrl);
  let next = 0;
  const result = await autocannon({
    url: server.url,
    connections: CLIENTS,
    duration: seconds,
    requests: [
      {
        method: 'POST',
        path: '/api/sync/push',
        setupRequest: (request, context) => {
          context.account ??= accounts[next++ % accounts.length];
          const a = context.account;
          return {
            ...request,
            headers: {
              'content-type': 'application/json',
              origin: server.url,
              cookie: `weeknotes=${a.token}`,
            },
            body: JSON.stringify({
              mutations: [
                {
                  mutationId: randomUUID(),
                  id: randomUUID(),
                  kind: 'moment',
                  baseVersion: 0,
                  updatedAt: new Date().toISOString(),
                  deleted: false,
                  // Sealed, as every device pushes since end-to-end encryption (ADR 0015): a
                  // plaintext push would cost the server a query to refuse it.
                  payload: SEALED,
                },
              ],
            }),
          };
        },
      },
    ],
  });
  return {
    pushesPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.non2xx,
    total: result.requests.total,
  };
}
