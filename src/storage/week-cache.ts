import type { Moment } from './records';

/**
 * A small copy of the current week's moments, kept in localStorage so the week screen paints at
 * once when the app opens, before IndexedDB and its code have loaded; the live query replaces it
 * a moment later. Only the week that was current when written is kept, and only while small.
 * Reading it back, with validation, is in week-cache-read.ts, off the capture path.
 */
export const WEEK_CACHE_KEY = 'weeknotes:week-cache';
const MAX_CHARS = 200_000;

/** Keeps the moments of the week starting `weekStart` for the next opening (best effort). */
export function keepWeek(weekStart: string, moments: Moment[]): void {
  try {
    const raw = JSON.stringify({ weekStart, moments });
    if (raw.length > MAX_CHARS) localStorage.removeItem(WEEK_CACHE_KEY);
    else localStorage.setItem(WEEK_CACHE_KEY, raw);
  } catch {
    // A full or unavailable localStorage only costs the fast first paint.
  }
}

/** Forgets the copy (after a restore or when the device's data is cleared). */
export function forgetWeek(): void {
  try {
    localStorage.removeItem(WEEK_CACHE_KEY);
  } catch {
    // Nothing kept, nothing to forget.
  }
}
