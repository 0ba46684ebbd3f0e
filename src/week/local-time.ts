import type { CalendarDate } from './calendar-date';

const dateParts = new Map<string, Intl.DateTimeFormat>();

function partsFormatter(timeZone: string): Intl.DateTimeFormat {
  let f = dateParts.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    });
    dateParts.set(timeZone, f);
  }
  return f;
}

/** A zone's wall clock at an instant: year, month, day, hour, minute and second. */
type WallClock = Record<string, number>;

function wallClock(instant: Date, timeZone: string): WallClock {
  const out: WallClock = {};
  for (const p of partsFormatter(timeZone).formatToParts(instant)) {
    if (p.type !== 'literal') out[p.type] = Number(p.value);
  }
  return out;
}

function calendarDate(w: WallClock): CalendarDate {
  const pad = (n: number | undefined, len = 2): string => String(n ?? 0).padStart(len, '0');
  return `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}`;
}

function offsetAt(w: WallClock, instant: Date): number {
  const asUtc = Date.UTC(w.year ?? 0, (w.month ?? 1) - 1, w.day ?? 1, w.hour, w.minute, w.second);
  const whole = Math.floor(instant.getTime() / 1000) * 1000;
  return Math.round((asUtc - whole) / 60000);
}

function isoAt(instant: Date, offset: number): string {
  const shifted = new Date(instant.getTime() + offset * 60000).toISOString().slice(0, -1);
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  const hh = String(Math.floor(abs / 60)).padStart(2, '0');
  const mm = String(abs % 60).padStart(2, '0');
  return `${shifted}${sign}${hh}:${mm}`;
}

/** The calendar day an instant falls on in a time zone. */
export function localDateIn(instant: Date, timeZone: string): CalendarDate {
  return calendarDate(wallClock(instant, timeZone));
}

/**
 * Today's calendar day on this device, from the clock's own local time: the day
 * `localDateIn(now, deviceTimeZone())` gives, without building a date formatter (the first one a
 * page builds costs a phone tens of milliseconds, and the capture screen asks for today at once).
 */
export function deviceToday(now = new Date()): CalendarDate {
  return calendarDate({ year: now.getFullYear(), month: now.getMonth() + 1, day: now.getDate() });
}

/** Minutes a time zone is ahead of UTC at an instant. */
export function offsetMinutes(instant: Date, timeZone: string): number {
  return offsetAt(wallClock(instant, timeZone), instant);
}

/** An ISO 8601 timestamp with the zone's UTC offset, e.g. 2026-11-22T09:05:00.000+01:00. */
export function isoWithOffset(instant: Date, timeZone: string): string {
  return isoAt(instant, offsetMinutes(instant, timeZone));
}

/**
 * Both of the above from one reading of the zone's wall clock: a save asks for both, and each
 * reading costs a fraction of a millisecond on a slow phone.
 */
export function localStamp(
  instant: Date,
  timeZone: string,
): { iso: string; localDate: CalendarDate } {
  const w = wallClock(instant, timeZone);
  return { iso: isoAt(instant, offsetAt(w, instant)), localDate: calendarDate(w) };
}

let zone: { name: string; at: number } | null = null;

/**
 * The device's IANA time zone. Asking costs about a millisecond on a slow phone (a formatter is
 * built each time), and every save asks, so the answer is kept for a minute: a writer who has
 * just landed in another zone gets it within the minute.
 */
export function deviceTimeZone(now = Date.now()): string {
  if (!zone || now - zone.at > 60_000) {
    zone = { name: Intl.DateTimeFormat().resolvedOptions().timeZone, at: now };
  }
  return zone.name;
}

const timeFormatters = new Map<string, Intl.DateTimeFormat>();

/** "14:05": the wall-clock time of an ISO timestamp in the zone it was captured in. */
export function formatTime(iso: string, timeZone: string): string {
  let f = timeFormatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit' });
    timeFormatters.set(timeZone, f);
  }
  return f.format(new Date(iso));
}
