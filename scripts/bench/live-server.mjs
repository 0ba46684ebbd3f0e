// The built server in a process of its own, for measuring what open event streams cost it. Run
// with --expose-gc as a child with IPC: it says { type: 'ready', url }, then answers
// { type: 'devices', accounts, perAccount } with cookies, { type: 'memory' } with
// process.memoryUsage() after collecting garbage, and { type: 'stop' } by closing.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildServer } from '../../build/node/server/app.js';
import { addDevice, createUser } from '../../build/node/server/auth/accounts.js';
import { createSession } from '../../build/node/server/auth/sessions.js';

const dir = mkdtempSync(join(tmpdir(), 'weeknotes-live-bench-'));
const app = await buildServer({
  staticDir: dir,
  dataDir: join(dir, 'data'),
  logLevel: 'silent',
  ...(process.env.DATABASE_URL ? { databaseUrl: process.env.DATABASE_URL } : {}),
});
await app.listen({ port: 0, host: '127.0.0.1' });
const { port } = app.server.address();

async function devices(accounts, perAccount) {
  const db = app.database.db;
  const now = new Date();
  const cookies = [];
  for (let a = 0; a < accounts; a++) {
    const userId = crypto.randomUUID();
    await createUser(db, userId, now);
    for (let d = 0; d < perAccount; d++) {
      const caller = await addDevice(db, userId, `bench ${d}`, now);
      cookies.push(`weeknotes=${await createSession(db, caller, now)}`);
    }
  }
  return cookies;
}

process.on('message', async (message) => {
  if (message.type === 'devices') {
    process.send({ type: 'devices', cookies: await devices(message.accounts, message.perAccount) });
  } else if (message.type === 'memory') {
    for (let i = 0; i < 3; i++) {
      globalThis.gc?.();
      await new Promise((r) => setTimeout(r, 50));
    }
    process.send({ type: 'memory', memory: process.memoryUsage() });
  } else if (message.type === 'stop') {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
    process.exit(0);
  }
});
process.send({ type: 'ready', url: `http://127.0.0.1:${port}` });
