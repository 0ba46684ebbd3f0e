import type { RangeSet } from 'dexie';
import type { WeeknotesDb } from './db';

/**
 * The capture path's write, straight to IndexedDB on Dexie's own connection (ADR 0013): a
 * moment saved with Enter is one native transaction, with none of Dexie's per-request layers,
 * and then Dexie's live queries are told, as Dexie tells them of another tab's write.
 */

const seenOpen = new WeakSet<WeeknotesDb>();

/**
 * Resolves once the database is open with its upgrade done. Once that has been seen, and while
 * it stays open, it answers without a Dexie promise, which costs a save more than the check.
 */
export async function openFully(db: WeeknotesDb): Promise<void> {
  if (seenOpen.has(db) && db.isOpen()) return;
  // Not `isOpen()` alone: that is true while the upgrade that creates the stores is still running.
  await db.open();
  seenOpen.add(db);
}

/** Puts rows into stores in one readwrite transaction; resolves once it has committed. */
export function putInOneTransaction(
  db: WeeknotesDb,
  rows: { store: string; value: object; add?: boolean }[],
): Promise<void> {
  const idb = db.backendDB();
  const stores = [...new Set(rows.map((r) => r.store))];
  return new Promise<void>((resolve, reject) => {
    const tx = idb.transaction(stores, 'readwrite');
    tx.oncomplete = () => resolve();
    // The first failing request aborts the whole transaction: nothing is half written.
    tx.onabort = () => reject(tx.error ?? new DOMException('The write was aborted', 'AbortError'));
    for (const { store, value, add } of rows) {
      if (add) tx.objectStore(store).add(value);
      else tx.objectStore(store).put(value);
    }
  }).then(() => {
    // Committed: the caller may go on at once; the lists on screen hear of it a task later.
    setTimeout(() => {
      tellLiveQueries(db, stores).catch((err: unknown) => {
        // The write itself is kept; only lists already on screen miss it until they read again.
        console.error('Weeknotes could not tell open lists of a save', err);
      });
    }, 0);
  });
}

/**
 * Tells live queries in this tab and others that these stores changed. Dexie propagates its own
 * writes between tabs through this event and channel (named in its source, versioned "-1"):
 * in this tab the event also drops Dexie's cached results for the tables, so queries read anew.
 */
async function tellLiveQueries(db: WeeknotesDb, stores: string[]): Promise<void> {
  // Loaded already (the database is open): imported here so that screens reading moments do not
  // wait for Dexie before their first frame.
  const { Dexie, RangeSet: Ranges } = await import('dexie');
  // Every key of a table: a change anywhere in it.
  const EVERYTHING = (): RangeSet => new Ranges(-Infinity, [[[]]]);
  // Every index of each store, as Dexie marks a table it has just created: a query over an index
  // (the day's moments, say) must hear of a row it did not read before.
  const parts: Record<string, RangeSet> = {};
  for (const store of stores) {
    const base = `idb://${db.name}/${store}/`;
    parts[base] = EVERYTHING();
    parts[`${base}:dels`] = EVERYTHING();
    for (const index of db.table(store).schema.indexes) {
      if (index.name) parts[base + index.name] = EVERYTHING();
    }
  }
  if (typeof dispatchEvent !== 'function') {
    // No window (Node, in tests): Dexie's public event reaches the live queries directly.
    Dexie.on('storagemutated').fire(parts);
    return;
  }
  dispatchEvent(new CustomEvent('x-storagemutated-1', { detail: parts }));
  if (typeof BroadcastChannel === 'undefined') return;
  const channel = new BroadcastChannel('x-storagemutated-1');
  channel.postMessage(parts);
  channel.close();
}
