import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { MAX_PULL_LIMIT, pullQuerySchema, pushRequestSchema } from '../../src/sync/protocol.js';
import { requireCaller } from '../auth/guard.js';
import type { Database } from '../db/schema.js';
import { HttpError, parse } from '../http.js';
import { announcePush } from './live.js';
import { groupCommittingPusher } from './group-commit.js';
import { pullChanges } from './records.js';

/** Largest push body: devices split their outbox into batches well under this. */
export const PUSH_BODY_LIMIT = 16 * 1024 * 1024;

/** Push and pull: the whole of the sync protocol on the server. */
export function registerSyncRoutes(
  app: FastifyInstance,
  db: Kysely<Database>,
  engine: 'sqlite' | 'postgres',
): void {
  // Pushes are committed in groups, on both engines (ADR 0009).
  const push = groupCommittingPusher(db, engine);
  app.post('/api/sync/push', { bodyLimit: PUSH_BODY_LIMIT }, async (request) => {
    const caller = requireCaller(request);
    const body = parse(pushRequestSchema, request.body);
    await refusePlaintext(db, caller.userId, body.mutations);
    const results = await push(caller.userId, body.mutations, new Date().toISOString());
    announcePush(app, caller, results);
    return { results };
  });

  app.get('/api/sync/pull', async (request) => {
    const caller = requireCaller(request);
    const query = parse(pullQuerySchema, request.query);
    return pullChanges(db, caller.userId, query.since, query.limit ?? MAX_PULL_LIMIT);
  });
}

/** Where a sealed payload begins (src/crypto/payload.ts). */
const SEALED = 'wnp.';

/**
 * Once an account has a data key, every payload it stores must be sealed (ADR 0015): a device
 * without the key (an old version, or one not yet unlocked) must not overwrite sealed records
 * with plaintext. Asked only when a push carries plaintext, so sealed pushes cost nothing more.
 */
async function refusePlaintext(
  db: Kysely<Database>,
  userId: string,
  mutations: { payload: string }[],
): Promise<void> {
  const plain = mutations.findIndex((m) => m.payload !== '' && !m.payload.startsWith(SEALED));
  if (plain < 0) return;
  const keyed = await db
    .selectFrom('data_keys')
    .select('key_id')
    .where('user_id', '=', userId)
    .limit(1)
    .executeTakeFirst();
  if (keyed) {
    throw new HttpError(
      409,
      `mutations.${plain}.payload: this account is end-to-end encrypted, so only encrypted changes are accepted. Update Weeknotes, or unlock this device with your passkey or recovery key.`,
      { path: `mutations.${plain}.payload` },
    );
  }
}
