import type { StoredMoment, WeeknotesDb } from './db';
import { encodeRecord } from './record-payload';
import type { Moment } from './records';
import { searchTerms, type TextTerms } from './search-terms';

/**
 * A moment as stored, indexed for search now: with the words worked out ahead of time if they
 * are for this very text.
 */
export function storedMoment(moment: Moment, ahead?: TextTerms): StoredMoment {
  const terms = ahead?.text === moment.text ? ahead.terms : searchTerms(moment.text);
  return { ...moment, terms };
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

/**
 * Before pulled moments are changed here, keeps each one's pulled version as its merge base (a
 * syncBase row), unless it has one already. Call inside the transaction that changes them, with
 * the rows as they were; rows without a sync version are skipped.
 */
export async function keepMergeBases(db: WeeknotesDb, before: StoredMoment[]): Promise<void> {
  const pulled = before.filter((m) => m.syncVersion !== undefined);
  if (pulled.length === 0) return;
  const kept = new Set(
    await db.syncBase
      .where('id')
      .anyOf(pulled.map((m) => m.id))
      .primaryKeys(),
  );
  await db.syncBase.bulkPut(
    pulled
      .filter((m) => !kept.has(m.id))
      .map((m) => ({
        id: m.id,
        kind: 'moment' as const,
        version: m.syncVersion ?? 0,
        payload: encodeRecord(visibleMoment(m)),
      })),
  );
}
