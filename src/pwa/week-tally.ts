import { openDB } from 'idb';
import { fromLocalDate } from '../week/calendar-date';
import { weekContaining } from '../week/iso-week';
import type { Moment, WeekStartDay } from '../storage/records';
import { tallyWeek, type WeekTally } from './reminder-text';

/**
 * This week's numbers, read straight from the app's IndexedDB with `idb`, so the service worker
 * does not bundle Dexie. It reads only: the schema is the app's (src/storage/schema.ts), and the
 * connection is closed at once so it never holds up the app opening a newer version.
 */
export async function readWeekTally(now: Date, name = 'weeknotes'): Promise<WeekTally> {
  const today = fromLocalDate(now);
  const db = await openDB(name, undefined, {
    // No database yet: leave none behind (aborting its creation deletes it), Dexie makes it.
    upgrade: (_db, _old, _new, transaction) => {
      void transaction.done.catch(() => undefined);
      transaction.abort();
    },
  }).catch(() => null);
  if (!db) return tallyWeek(weekContaining(today, 1), []);
  try {
    const names = Array.from(db.objectStoreNames);
    if (!names.includes('moments') || !names.includes('settings'))
      return tallyWeek(weekContaining(today, 1), []);
    const tx = db.transaction(['settings', 'moments'], 'readonly');
    const row = (await tx.objectStore('settings').get('weekStartsOn')) as
      { value?: unknown } | undefined;
    const week = weekContaining(today, weekStartOf(row?.value));
    const moments = (await tx
      .objectStore('moments')
      .index('localDate')
      .getAll(IDBKeyRange.bound(week.start, week.end, false, true))) as Moment[];
    return tallyWeek(week, moments);
  } finally {
    db.close();
  }
}

function weekStartOf(value: unknown): WeekStartDay {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 6
    ? (value as WeekStartDay)
    : 1;
}
