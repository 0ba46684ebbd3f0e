import { database, loadedDatabase, type WeeknotesDb } from './db';

/** A storage failure the writer must be told about, with words they can act on. */
export class StorageProblem extends Error {
  constructor(
    message: string,
    readonly kind: 'unavailable' | 'quota' | 'blocked' | 'write-failed',
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'StorageProblem';
  }
}

function errorNames(err: unknown): string[] {
  if (typeof err !== 'object' || err === null) return [];
  const e = err as { name?: unknown; inner?: unknown };
  return [...(typeof e.name === 'string' ? [e.name] : []), ...errorNames(e.inner)];
}

/** Turns an IndexedDB or Dexie error into a StorageProblem the writer can understand. */
export function toStorageProblem(err: unknown, during: 'open' | 'write' | 'read'): StorageProblem {
  if (err instanceof StorageProblem) return err;
  const names = errorNames(err);
  const name = names[0] ?? '';
  if (names.includes('QuotaExceededError')) {
    return new StorageProblem(
      'This device is out of storage space for Weeknotes, so the last change was not saved. Free some space, or copy your text somewhere safe.',
      'quota',
      { cause: err },
    );
  }
  // Dexie reports a database that never opened on every later query, too.
  if (during === 'open' || name === 'OpenFailedError' || name === 'MissingAPIError') {
    if (names.some((n) => ['VersionError', 'BlockedError', 'UpgradeError'].includes(n))) {
      return new StorageProblem(
        'Weeknotes is open in another tab with an older version, so it cannot open its storage here. Close the other tabs and reload.',
        'blocked',
        { cause: err },
      );
    }
    return new StorageProblem(
      'This browser will not let Weeknotes store anything (private browsing can do this). You can still type, but nothing will be kept: copy your text somewhere safe.',
      'unavailable',
      { cause: err },
    );
  }
  if (during === 'read') {
    return new StorageProblem(
      'Weeknotes could not read your saved moments just now. Reload to try again; nothing has been deleted.',
      'unavailable',
      { cause: err },
    );
  }
  return new StorageProblem(
    'Weeknotes could not save your last change. Your text is still on screen: copy it somewhere safe, then try again.',
    'write-failed',
    { cause: err },
  );
}

/** Runs a write on the app's database, turning any failure into a StorageProblem. */
export async function write<T>(work: (db: WeeknotesDb) => Promise<T>): Promise<T> {
  try {
    return await work(loadedDatabase() ?? (await database()));
  } catch (err) {
    throw toStorageProblem(err, 'write');
  }
}

/** Runs a read on the app's database, turning any failure into a StorageProblem. */
export async function read<T>(work: (db: WeeknotesDb) => Promise<T>): Promise<T> {
  try {
    return await work(loadedDatabase() ?? (await database()));
  } catch (err) {
    throw toStorageProblem(err, 'read');
  }
}
