import Dexie, { type EntityTable } from 'dexie';
import type { Draft, Moment, OutboxEntry } from './records';

/** A moment as stored, with the words the search index is built from. */
export interface StoredMoment extends Moment {
  terms: string[];
}

/** A settings row: one key, one JSON value. */
export interface SettingRow {
  key: string;
  value: unknown;
}

/** The Weeknotes IndexedDB database. Never edit a past version(): add the next one. */
export class WeeknotesDb extends Dexie {
  moments!: EntityTable<StoredMoment, 'id'>;
  settings!: EntityTable<SettingRow, 'key'>;
  outbox!: EntityTable<OutboxEntry, 'seq'>;
  drafts!: EntityTable<Draft, 'id'>;

  constructor(name = 'weeknotes') {
    super(name);
    this.version(1).stores({
      moments: 'id, localDate, createdAt, *tags, *people, *terms',
      settings: 'key',
      outbox: '++seq, recordId',
    });
    this.version(2).stores({
      drafts: 'id, weekStart, updatedAt',
    });
  }
}

let current: WeeknotesDb | null = null;

/** The app's database, created on first use. */
export function database(): WeeknotesDb {
  current ??= new WeeknotesDb();
  return current;
}

/** Points the module at another database (tests use one per case). */
export function useDatabase(db: WeeknotesDb): void {
  current = db;
}
