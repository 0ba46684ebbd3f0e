import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { migrateToLatest } from './migrations.js';
import type { Database } from './schema.js';

/** An open, migrated database and which engine it is. */
export interface Db {
  db: Kysely<Database>;
  engine: 'sqlite' | 'postgres';
  close: () => Promise<void>;
}

/**
 * better-sqlite3 with its prepared statements kept for reuse: Kysely prepares every query it
 * runs, and preparing was a fifth of the server's time under load. The few hundred most recent
 * are kept (bulk inserts of different sizes are different statements).
 */
function reusingStatements(file: SQLite.Database, keep = 300) {
  const statements = new Map<string, SQLite.Statement>();
  return {
    close: () => file.close(),
    prepare(query: string): SQLite.Statement {
      let statement = statements.get(query);
      if (statement) {
        statements.delete(query);
      } else {
        statement = file.prepare(query);
        if (statements.size >= keep) statements.delete(statements.keys().next().value as string);
      }
      statements.set(query, statement);
      return statement;
    },
  };
}

/**
 * PostgreSQL when `databaseUrl` is given (for hosting many writers, several server processes
 * may share it); otherwise embedded SQLite in `dataDir`, in WAL mode.
 */
export async function openDatabase(options: {
  dataDir: string;
  databaseUrl?: string;
}): Promise<Db> {
  let db: Kysely<Database>;
  let engine: Db['engine'];
  if (options.databaseUrl) {
    engine = 'postgres';
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: 10 });
    db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  } else {
    engine = 'sqlite';
    mkdirSync(options.dataDir, { recursive: true });
    const file = new SQLite(join(options.dataDir, 'weeknotes.sqlite'));
    file.pragma('journal_mode = WAL');
    // NORMAL in WAL mode keeps every committed transaction across a process crash; only a power
    // cut can lose the last few, which FULL would also guard against at a large cost in speed.
    file.pragma('synchronous = NORMAL');
    file.pragma('foreign_keys = ON');
    file.pragma('busy_timeout = 5000');
    // Deleted and overwritten content is zeroed, not left in free pages of the file: a record
    // re-sealed after an account's first data key leaves no plaintext behind (ADR 0015).
    file.pragma('secure_delete = ON');
    db = new Kysely<Database>({
      dialect: new SqliteDialect({ database: reusingStatements(file) }),
    });
  }
  await migrateToLatest(db as Kysely<unknown>);
  return { db, engine, close: () => db.destroy() };
}
