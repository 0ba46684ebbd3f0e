import { Migrator, sql, type Kysely, type Migration, type MigrationProvider } from 'kysely';

/** Every schema change, in order. Never edit one that has shipped: add the next. */
const migrations: Record<string, Migration> = {
  '0001-accounts-and-records': {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('users')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('seq', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('devices')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('last_seen_at', 'text', (c) => c.notNull())
        .addColumn('revoked_at', 'text')
        .execute();
      await db.schema.createIndex('devices_user').on('devices').column('user_id').execute();
      await db.schema
        .createTable('sessions')
        .addColumn('id_hash', 'text', (c) => c.primaryKey())
        .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
        .addColumn('device_id', 'text', (c) => c.notNull().references('devices.id'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('last_seen_at', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('sessions_device').on('sessions').column('device_id').execute();
      await db.schema
        .createTable('credentials')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
        .addColumn('public_key', 'text', (c) => c.notNull())
        .addColumn('counter', 'integer', (c) => c.notNull())
        .addColumn('transports', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('last_used_at', 'text')
        .execute();
      await db.schema
        .createTable('recovery_codes')
        .addColumn('code_hash', 'text', (c) => c.primaryKey())
        .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
        .addColumn('used_at', 'text')
        .execute();
      await db.schema
        .createTable('link_codes')
        .addColumn('code_hash', 'text', (c) => c.primaryKey())
        .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
        .addColumn('expires_at', 'text', (c) => c.notNull())
        .addColumn('used_at', 'text')
        .execute();
      await db.schema
        .createTable('challenges')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('challenge', 'text', (c) => c.notNull())
        .addColumn('purpose', 'text', (c) => c.notNull())
        .addColumn('user_id', 'text')
        .addColumn('expires_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('records')
        .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
        .addColumn('id', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('seq', 'integer', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addColumn('deleted', 'integer', (c) => c.notNull())
        .addColumn('payload', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('records_pk', ['user_id', 'id'])
        .execute();
      await db.schema
        .createIndex('records_user_seq')
        .on('records')
        .columns(['user_id', 'seq'])
        .unique()
        .execute();
      await db.schema
        .createTable('mutations')
        .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
        .addColumn('mutation_id', 'text', (c) => c.notNull())
        .addColumn('result', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('mutations_pk', ['user_id', 'mutation_id'])
        .execute();
    },
  },
  '0002-mutations-expire': {
    // Mutation ids are forgotten after the replay window (server/sync/expiry.ts), oldest first.
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createIndex('mutations_created')
        .on('mutations')
        .column('created_at')
        .execute();
    },
  },
  '0003-push-reminders': {
    // Web Push reminders (server/push/, ADR 0012).
    async up(db: Kysely<unknown>): Promise<void> {
      // The server's VAPID key pair: one row (id 1), made by whichever process starts first.
      await db.schema
        .createTable('vapid_keys')
        .addColumn('id', 'integer', (c) => c.primaryKey())
        .addColumn('public_key', 'text', (c) => c.notNull())
        .addColumn('private_key', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      // A browser's push subscription: its endpoint is unique, and belongs to one device.
      await db.schema
        .createTable('push_subscriptions')
        .addColumn('endpoint', 'text', (c) => c.primaryKey())
        .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
        .addColumn('device_id', 'text', (c) => c.notNull().references('devices.id'))
        .addColumn('p256dh', 'text', (c) => c.notNull())
        .addColumn('auth', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('push_subscriptions_user')
        .on('push_subscriptions')
        .column('user_id')
        .execute();
      await db.schema
        .createIndex('push_subscriptions_device')
        .on('push_subscriptions')
        .column('device_id')
        .execute();
      await db.schema
        .createTable('reminder_settings')
        .addColumn('user_id', 'text', (c) => c.primaryKey().references('users.id'))
        .addColumn('enabled', 'integer', (c) => c.notNull())
        .addColumn('weekday', 'integer', (c) => c.notNull())
        .addColumn('time', 'text', (c) => c.notNull())
        .addColumn('time_zone', 'text', (c) => c.notNull())
        // The mid-week nudge, all three null when off. The server cannot count moments (their
        // content is end-to-end encrypted), so the nudge is always sent with its threshold and
        // the device decides whether to show it.
        .addColumn('nudge_weekday', 'integer')
        .addColumn('nudge_time', 'text')
        .addColumn('nudge_fewer_than', 'integer')
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      // The next instant (UTC, ISO 8601) each reminder of each writer is due.
      await db.schema
        .createTable('reminder_schedule')
        .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('due_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('reminder_schedule_pk', ['user_id', 'kind'])
        .execute();
      await db.schema
        .createIndex('reminder_schedule_due')
        .on('reminder_schedule')
        .column('due_at')
        .execute();
    },
  },
  '0004-key-store': {
    // End-to-end encryption's key store and link relay (server/auth/key-store.ts, ADR 0015).
    // Every value is opaque to the server: public keys, wrapped keys, sealed boxes.
    async up(db: Kysely<unknown>): Promise<void> {
      // The account's data keys by id, in the order made; the newest not replaced is current.
      await db.schema
        .createTable('data_keys')
        .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
        .addColumn('key_id', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('replaced_at', 'text')
        .addPrimaryKeyConstraint('data_keys_pk', ['user_id', 'key_id'])
        .execute();
      // At most one current key per account, whichever engine.
      await db.schema
        .createIndex('data_keys_one_current')
        .on('data_keys')
        .column('user_id')
        .unique()
        .where(sql.ref('replaced_at'), 'is', null)
        .execute();
      // The ways in: a device's box, a passkey's (sealed with its PRF) or the recovery key's.
      await db.schema
        .createTable('key_boxes')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('public_key', 'text', (c) => c.notNull())
        .addColumn('sealed', 'text')
        .addColumn('device_id', 'text', (c) => c.references('devices.id').unique())
        .addColumn('credential_id', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addUniqueConstraint('key_boxes_public_key', ['user_id', 'public_key'])
        .execute();
      // A copy of a data key wrapped for a box.
      await db.schema
        .createTable('wrapped_keys')
        .addColumn('box_id', 'text', (c) => c.notNull().references('key_boxes.id'))
        .addColumn('key_id', 'text', (c) => c.notNull())
        .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
        .addColumn('sender', 'text', (c) => c.notNull())
        .addColumn('wrapped', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('wrapped_keys_pk', ['box_id', 'key_id'])
        .execute();
      await db.schema
        .createIndex('wrapped_keys_user')
        .on('wrapped_keys')
        .column('user_id')
        .execute();
      // A link's relay: short-lived, each step written once, by the device whose step it is.
      await db.schema
        .createTable('key_links')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
        .addColumn('code_hash', 'text', (c) => c.notNull().unique())
        .addColumn('old_device_id', 'text', (c) => c.notNull())
        .addColumn('new_device_id', 'text')
        .addColumn('commitment', 'text')
        .addColumn('old_public_key', 'text')
        .addColumn('new_public_key', 'text')
        .addColumn('wrapped', 'text')
        .addColumn('expires_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('key_links_expires')
        .on('key_links')
        .column('expires_at')
        .execute();
    },
  },
};

const provider: MigrationProvider = { getMigrations: () => Promise.resolve(migrations) };

/** Brings the database up to the latest schema; safe for several processes starting at once. */
export async function migrateToLatest(db: Kysely<unknown>): Promise<void> {
  const { error, results } = await new Migrator({ db, provider }).migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) {
    throw new Error(`Database migration ${failed?.migrationName ?? ''} failed`, { cause: error });
  }
}
