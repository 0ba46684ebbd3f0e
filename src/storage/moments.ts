import type { StoredMoment } from './db';
import { read, write } from './errors';
import { openFully, putInOneTransaction } from './quick-write';
import type { Moment, MomentChanges, OutboxEntry } from './records';
import { searchTerms, type TextTerms } from './search-terms';
import { forgetWeek } from './week-cache';
import { keepMergeBases, storedMoment as stored, visibleMoment as visible } from './stored-moment';

function outboxEntry(recordId: string, at: string): OutboxEntry {
  return { kind: 'moment', recordId, op: 'put', queuedAt: at };
}

/**
 * Saves a newly captured moment and queues it for sync, in one transaction. This is Enter on the
 * capture screen, so it goes straight to IndexedDB (see quick-write.ts), with the search words
 * worked out while the writer paused when they are given for this text.
 */
export function addMoment(moment: Moment, ahead?: TextTerms): Promise<void> {
  return write(async (db) => {
    await openFully(db);
    await putInOneTransaction(db, [
      { store: 'moments', value: stored(moment, ahead), add: true },
      { store: 'outbox', value: outboxEntry(moment.id, moment.updatedAt), add: true },
    ]);
  });
}

async function change(id: string, at: string, changes: Partial<StoredMoment>): Promise<void> {
  // The week screen's quick copy must never show a moment as it was before an edit or delete.
  forgetWeek();
  await write((db) =>
    db.transaction('rw', db.moments, db.outbox, db.syncBase, async () => {
      const before = await db.moments.get(id);
      if (!before) throw new Error(`No moment with id ${id}`);
      // A moment pulled and not changed since is its own merge base: keep that base before
      // changing it, so a conflict later merges against what this device last saw.
      await keepMergeBases(db, [before]);
      await db.moments.update(id, { ...changes, updatedAt: at });
      await db.outbox.add(outboxEntry(id, at));
    }),
  );
}

/** Applies the writer's edits to a moment. */
export function editMoment(id: string, changes: MomentChanges, at: string): Promise<void> {
  const extra = changes.text === undefined ? {} : { terms: searchTerms(changes.text) };
  return change(id, at, { ...changes, ...extra });
}

/** Deletes a moment softly: it becomes a tombstone that undo can bring back. */
export function deleteMoment(id: string, at: string): Promise<void> {
  return change(id, at, { deletedAt: at });
}

/** Brings back a deleted moment (undo). */
export function restoreMoment(id: string, at: string): Promise<void> {
  return change(id, at, { deletedAt: null });
}

function byCreated(a: Moment, b: Moment): number {
  return Date.parse(a.createdAt) - Date.parse(b.createdAt) || a.id.localeCompare(b.id);
}

/** Live moments whose local day is in [fromDate, toDate), oldest first. */
export function momentsBetween(fromDate: string, toDate: string): Promise<Moment[]> {
  return read(async (db) => {
    const rows = await db.moments
      .where('localDate')
      .between(fromDate, toDate, true, false)
      .filter((m) => m.deletedAt === null)
      .toArray();
    return rows.map(visible).sort(byCreated);
  });
}

/** Live moments captured on one local day, newest first. */
export async function momentsOnDay(date: string): Promise<Moment[]> {
  const rows = await read((db) =>
    db.moments
      .where('localDate')
      .equals(date)
      .filter((m) => m.deletedAt === null)
      .toArray(),
  );
  return rows.map(visible).sort(byCreated).reverse();
}

/** One moment by id, deleted or not. */
export async function getMoment(id: string): Promise<Moment | undefined> {
  const row = await read((db) => db.moments.get(id));
  return row && visible(row);
}

/** Live moments with a word starting with each word of the query, newest first. */
export async function searchMoments(query: string, limit = 100): Promise<Moment[]> {
  // The longest word narrows the index scan the most; the others filter.
  const [first, ...rest] = searchTerms(query).sort((a, b) => b.length - a.length);
  if (first === undefined) return [];
  const words = [first, ...rest];
  const has = (terms: string[]) => (w: string) => terms.some((t) => t.startsWith(w));
  const matches = (m: StoredMoment): boolean => m.deletedAt === null && rest.every(has(m.terms));
  const rows = await read(async (db) => {
    const indexed = db.moments.where('terms').startsWith(first).distinct().filter(matches);
    // Moments just arrived by sync and not yet indexed are searched directly.
    const waiting = db.moments
      .where('unindexed')
      .equals(1)
      .filter((m) => m.deletedAt === null && words.every(has(searchTerms(m.text))));
    const [a, b] = await Promise.all([indexed.toArray(), waiting.toArray()]);
    const found = new Map<string, StoredMoment>();
    for (const m of [...a, ...b]) found.set(m.id, m);
    return [...found.values()];
  });
  return rows.map(visible).sort(byCreated).reverse().slice(0, limit);
}

/** How many live moments the device holds. */
export function countMoments(): Promise<number> {
  return read((db) => db.moments.filter((m) => m.deletedAt === null).count());
}

/** The live moments with these ids (deleted and missing ones left out). */
export function momentsByIds(ids: string[]): Promise<Moment[]> {
  return read(async (db) => {
    const found = await db.moments.bulkGet(ids);
    return found.filter((m) => m !== undefined && m.deletedAt === null).map((m) => visible(m!));
  });
}
