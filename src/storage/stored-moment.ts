import type { StoredMoment } from './db';
import type { Moment } from './records';
import { searchTerms } from './search-terms';

/** A moment as stored, indexed for search now. */
export function storedMoment(moment: Moment): StoredMoment {
  return { ...moment, terms: searchTerms(moment.text) };
}

/**
 * A moment as pulled from the server at `syncVersion`, stored at once and indexed for search in
 * the background (see search-index.ts).
 */
export function pulledMoment(moment: Moment, syncVersion: number): StoredMoment {
  return { ...moment, terms: [], unindexed: 1, syncVersion };
}

/** The moment itself, without what storage keeps beside it (search words, sync version). */
export function visibleMoment(stored: StoredMoment | (Moment & { terms?: unknown })): Moment {
  const {
    terms: _terms,
    unindexed: _unindexed,
    syncVersion: _syncVersion,
    ...moment
  } = stored as StoredMoment;
  return moment;
}
