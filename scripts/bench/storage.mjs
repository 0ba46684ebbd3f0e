// What the server stores for a writer's draft: 1,000 autosaves of one weeknote pushed to the
// built server (in process, SQLite), then the bytes each table takes on disk.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { randomUUID } from 'node:crypto';
import SQLite from 'better-sqlite3';

const AUTOSAVES = 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

/** A week's draft as the app encodes it, its body growing as the writer types. */
function draft(i) {
  const words = 'Shipped the sync retention rule and wrote it down for next week'.split(' ');
  const body = Array.from({ length: 150 + Math.floor(i / 2) }, (_, w) => words[w % words.length])
    .join(' ')
    .replace(/(\S+ ){40}/g, (s) => `${s}\n\n`);
  return JSON.stringify({
    id: 'draft-2026-11-16',
    weekStart: '2026-11-16',
    title: 'Weeknote v10.47',
    body,
    status: 'draft',
    publishedOn: null,
    publishedUrl: null,
    momentIds: Array.from({ length: 40 }, (_, m) => `0193${String(m).padStart(28, '0')}`),
    dismissedMomentIds: [],
    checklist: [],
    createdAt: '2026-11-20T16:00:00.000Z',
    updatedAt: new Date(Date.UTC(2026, 10, 20, 16, 0, i)).toISOString(),
    deletedAt: null,
  });
}

/** Bytes per table (SQLite's dbstat), after a checkpoint and VACUUM so pages are packed. */
function tableBytes(file) {
  const db = new SQLite(file);
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.exec('VACUUM');
  const rows = db
    .prepare(
      `SELECT CASE WHEN name LIKE 'sqlite_autoindex_%' THEN tbl_name ELSE name END AS name,
              SUM(pgsize) AS bytes
         FROM dbstat JOIN sqlite_schema USING (name) GROUP BY 1`,
    )
    .all();
  db.close();
  const of = (prefix) =>
    rows.filter((r) => r.name.startsWith(prefix)).reduce((sum, r) => sum + r.bytes, 0);
  return { records: of('records'), mutations: of('mutations') };
}

/**
 * 1,000 autosaves of one draft, one push each, on a new SQLite server; returns the bytes its
 * records and mutations tables take, and the mutations after the replay window has passed.
 */
export async function benchStorage({ serverDir = resolve('build/node/server') } = {}) {
  const load = (path) => import(pathToFileURL(join(serverDir, path)).href);
  const { buildServer } = await load('app.js');
  const { addDevice, createUser } = await load('auth/accounts.js');
  const { createSession } = await load('auth/sessions.js');
  const records = await load('sync/expiry.js').catch(() => ({}));

  const dir = mkdtempSync(join(tmpdir(), 'weeknotes-bench-'));
  try {
    const app = await buildServer({ staticDir: dir, dataDir: dir, logLevel: 'silent' });
    const { db } = app.database;
    const now = new Date();
    const userId = randomUUID();
    await createUser(db, userId, now);
    const token = await createSession(db, await addDevice(db, userId, 'Laptop', now), now);
    const headers = { origin: 'http://localhost:80', cookie: `__Host-weeknotes=${token}` };
    let payloadBytes = 0;
    for (let i = 0; i < AUTOSAVES; i++) {
      const payload = draft(i);
      payloadBytes += Buffer.byteLength(payload);
      const res = await app.inject({
        method: 'POST',
        url: '/api/sync/push',
        headers,
        payload: {
          mutations: [
            {
              mutationId: randomUUID(),
              id: 'draft-2026-11-16',
              kind: 'draft',
              baseVersion: i,
              updatedAt: new Date().toISOString(),
              deleted: false,
              payload,
            },
          ],
        },
      });
      if (res.statusCode !== 200) throw new Error(`push ${i}: ${res.statusCode} ${res.body}`);
    }
    await app.close();
    const stored = tableBytes(join(dir, 'weeknotes.sqlite'));
    // Past the replay window, where this server version has one.
    let afterWindow = null;
    if (records.expireMutations && records.REPLAY_WINDOW_MS) {
      const later = await buildServer({ staticDir: dir, dataDir: dir, logLevel: 'silent' });
      const at = new Date(now.getTime() + records.REPLAY_WINDOW_MS + DAY_MS);
      await records.expireMutations(later.database.db, later.database.engine, at);
      await later.close();
      afterWindow = tableBytes(join(dir, 'weeknotes.sqlite')).mutations;
    }
    return { autosaves: AUTOSAVES, payloadBytes, ...stored, afterWindow };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  console.log(await benchStorage(process.argv[2] ? { serverDir: resolve(process.argv[2]) } : {}));
}
