import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import type { Db } from './db/connect.js';

/** How long the health check waits for the database before saying it is unavailable. */
export const HEALTH_TIMEOUT_MS = 3000;

function within<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`No answer within ${ms} ms`)), ms);
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

/**
 * `GET /healthz`: 200 when the database answers a query, else 503 with a JSON error, so a load
 * balancer or supervisor stops sending writers to a server that cannot store their notes.
 */
export function registerHealthCheck(app: FastifyInstance, database: Db): void {
  app.get('/healthz', async (request, reply) => {
    void reply.header('Cache-Control', 'no-store');
    try {
      await within(sql`select 1`.execute(database.db), HEALTH_TIMEOUT_MS);
      return { status: 'ok', database: database.engine };
    } catch (err) {
      request.log.error({ err }, 'Health check: the database did not answer');
      return reply.code(503).send({
        status: 'unavailable',
        database: database.engine,
        error: 'The database is not answering.',
      });
    }
  });
}
