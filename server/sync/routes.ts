import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { MAX_PULL_LIMIT, pullQuerySchema, pushRequestSchema } from '../../src/sync/protocol.js';
import { requireCaller } from '../auth/guard.js';
import type { Database } from '../db/schema.js';
import { parse } from '../http.js';
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
