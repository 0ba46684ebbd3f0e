import { write } from './errors';
import { searchTerms } from './search-terms';

/**
 * Works out the search words of up to `limit` moments that arrived by sync without them, in one
 * transaction. Returns how many it indexed: 0 when none are waiting.
 */
export function indexWaitingMoments(limit = 300): Promise<number> {
  return write((db) =>
    db.transaction('rw', db.moments, async () => {
      const waiting = await db.moments.where('unindexed').equals(1).limit(limit).toArray();
      // Only the words change: the sync version the row may carry stays.
      await db.moments.bulkPut(
        waiting.map(({ unindexed: _unindexed, ...m }) => ({ ...m, terms: searchTerms(m.text) })),
      );
      return waiting.length;
    }),
  );
}

let running: Promise<void> | null = null;

/**
 * Indexes every waiting moment, a batch at a time, giving the page a turn between batches.
 * One run at a time: a call while one runs joins it.
 */
export function indexInBackground(pause = () => new Promise<void>((r) => setTimeout(r, 0))) {
  running ??= (async () => {
    try {
      while ((await indexWaitingMoments()) > 0) await pause();
    } finally {
      running = null;
    }
  })();
  return running;
}
