import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, testServer } from './test-support.js';

describe.each(ENGINES)('health check on $name', ({ name, databaseUrl }) => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await testServer(databaseUrl);
  });
  afterAll(async () => {
    await app.close();
  });

  it('answers 200 when the database answers a query', async () => {
    const res = await app.inject('/healthz');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      status: 'ok',
      database: name === 'SQLite' ? 'sqlite' : 'postgres',
    });
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('answers 503 with a JSON error when the database does not', async () => {
    await app.database.close();
    const res = await app.inject('/healthz');
    expect(res.statusCode).toBe(503);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.json()).toMatchObject({
      status: 'unavailable',
      error: 'The database is not answering.',
    });
  });
});
