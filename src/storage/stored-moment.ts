import type { StoredMoment } from './db';
import type { Moment } from './records';
import { searchTerms } from './search-terms';

/** A moment as stored, indexed for search now. */
export function storedMoment(moment: Moment): StoredMoment {
  return { ...moment, terms: searchTerms(moment.text) };
}

/** A moment as stored, to be indexed for search in the background (see search-index.ts). */
export function unindexedMoment(moment: Moment): StoredMoment {
  return { ...moment, terms: [], unindexed: 1 };
}

/** The moment itself, without what storage keeps beside it for search. */
export function visibleMoment(stored: StoredMoment | (Moment & { terms?: unknown })): Moment {
  const { terms: _terms, unindexed: _unindexed, ...moment } = stored as StoredMoment;
  return moment;
}
