import type { FastifyInstance } from 'fastify';

/**
 * Everything the server stores, table by table, in a stable order. Last-seen times are left out:
 * an authenticated request rightly moves them.
 */
export async function databaseSnapshot(app: FastifyInstance) {
  const { db } = app.database;
  return {
    users: await db.selectFrom('users').selectAll().orderBy('id').execute(),
    devices: await db
      .selectFrom('devices')
      .select(['id', 'user_id', 'name', 'created_at', 'revoked_at'])
      .orderBy('id')
      .execute(),
    sessions: await db
      .selectFrom('sessions')
      .select(['id_hash', 'user_id', 'device_id', 'created_at', 'expires_at'])
      .orderBy('id_hash')
      .execute(),
    credentials: await db.selectFrom('credentials').selectAll().orderBy('id').execute(),
    recoveryCodes: await db.selectFrom('recovery_codes').selectAll().orderBy('code_hash').execute(),
    linkCodes: await db.selectFrom('link_codes').selectAll().orderBy('code_hash').execute(),
    challenges: await db.selectFrom('challenges').selectAll().orderBy('id').execute(),
    records: await db.selectFrom('records').selectAll().orderBy('user_id').orderBy('id').execute(),
    mutations: await db
      .selectFrom('mutations')
      .selectAll()
      .orderBy('user_id')
      .orderBy('mutation_id')
      .execute(),
    dataKeys: await db
      .selectFrom('data_keys')
      .selectAll()
      .orderBy('user_id')
      .orderBy('key_id')
      .execute(),
    keyBoxes: await db.selectFrom('key_boxes').selectAll().orderBy('id').execute(),
    wrappedKeys: await db
      .selectFrom('wrapped_keys')
      .selectAll()
      .orderBy('box_id')
      .orderBy('key_id')
      .execute(),
    keyLinks: await db.selectFrom('key_links').selectAll().orderBy('id').execute(),
  };
}
