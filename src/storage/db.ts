import type { WeeknotesDb } from './schema';

export type {
  InflightBatch,
  OutgoingMutation,
  SettingRow,
  StoredMoment,
  SyncBase,
  WeeknotesDb,
} from './schema';

let opened: Promise<WeeknotesDb> | null = null;
let loaded: WeeknotesDb | null = null;
let chosen: WeeknotesDb | null = null;

/**
 * The app's database. Dexie is loaded on first use, not with the page, so the capture box is
 * ready before the storage code has even arrived.
 */
export function database(): Promise<WeeknotesDb> {
  if (chosen) return Promise.resolve(chosen);
  opened ??= import('./schema').then((m) => (loaded = new m.WeeknotesDb()));
  return opened;
}

/**
 * The database if it is already loaded. Queries start synchronously with it, so Dexie's
 * liveQuery sees every read (an `await` on another promise first would hide them).
 */
export function loadedDatabase(): WeeknotesDb | null {
  return chosen ?? loaded;
}

/** Points the module at another database (tests use one per case). */
export function setDatabase(db: WeeknotesDb): void {
  chosen = db;
}
