import type { FastifyInstance } from 'fastify';
import type { KyselyPlugin } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, testAccount, testServer } from '../test-support.js';
import { sessionLookup } from './session-lookup.js';

/** Counts the statements a Kysely instance runs. */
function counting() {
  const seen: string[] = [];
  const plugin: KyselyPlugin = {
    transformQuery: (args) => {
      seen.push(args.node.kind);
      return args.node;
    },
    transformResult: (args) => Promise.resolve(args.result),
  };
  return { seen, plugin };
}

describe.each(ENGINES)('session lookup on $name', ({ databaseUrl }) => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await testServer(databaseUrl);
  });
  afterAll(async () => {
    await app.close();
  });

  it('finds the callers of the requests read in one turn with one query', async () => {
    const a = await testAccount(app);
    const b = await testAccount(app);
    const revoked = await testAccount(app);
    await app.database.db
      .updateTable('devices')
      .set({ revoked_at: new Date().toISOString() })
      .where('id', '=', revoked.deviceId)
      .execute();
    const token = (device: { cookie: string }) => device.cookie.split('=')[1] ?? '';
    const { seen, plugin } = counting();
    const lookUp = sessionLookup(app.database.db.withPlugin(plugin));
    const now = new Date();
    const callers = await Promise.all([
      lookUp(token(a), now),
      lookUp(token(b), now),
      lookUp(token(revoked), now),
      lookUp('not-a-session', now),
      lookUp(token(a), now),
    ]);
    expect(callers).toEqual([
      { userId: a.userId, deviceId: a.deviceId },
      { userId: b.userId, deviceId: b.deviceId },
      null,
      null,
      { userId: a.userId, deviceId: a.deviceId },
    ]);
    expect(seen).toEqual(['SelectQueryNode']);
    // A later turn looks again: a device revoked since is refused at its very next request.
    await app.database.db
      .updateTable('devices')
      .set({ revoked_at: new Date().toISOString() })
      .where('id', '=', b.deviceId)
      .execute();
    expect(await lookUp(token(b), now)).toBeNull();
  });
});
