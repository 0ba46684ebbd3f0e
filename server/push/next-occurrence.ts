/**
 * When a weekly reminder next happens, in the writer's own time zone (pure: the clock is an
 * argument). Only Intl is used, so the zone rules are the ones Node ships (ICU's tz data).
 */

/** A weekly moment in a writer's own time: weekday (0 Sunday … 6 Saturday) and HH:MM, in a zone. */
export interface WeeklyTime {
  weekday: number;
  time: string;
  timeZone: string;
}

const DAY_MS = 24 * 60 * 60 * 1000;
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** Whether Intl knows the zone (an IANA name such as Europe/London, or UTC). */
export function isTimeZone(timeZone: string): boolean {
  try {
    formatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The zone's own spelling of a name Intl accepts (`europe/london` is `Europe/London`). */
export function canonicalTimeZone(timeZone: string): string {
  return formatter(timeZone).resolvedOptions().timeZone;
}

/** The wall clock in a zone at an instant, as if it were UTC: milliseconds since the epoch. */
function wallClockAt(instant: number, timeZone: string): number {
  const parts: Record<string, number> = {};
  for (const p of formatter(timeZone).formatToParts(instant)) {
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  }
  const { year = 0, month = 1, day = 1, hour = 0, minute = 0, second = 0 } = parts;
  return Date.UTC(year, month - 1, day, hour, minute, second);
}

/** The zone's offset from UTC at an instant, in milliseconds (London in summer: +3,600,000). */
function offsetAt(instant: number, timeZone: string): number {
  return wallClockAt(instant, timeZone) - Math.floor(instant / 1000) * 1000;
}

/**
 * The instant a local date and time happen in a zone (`wall` is that date and time as if UTC).
 * The rule where the clocks change is Temporal's 'compatible' one: a time the clocks skip when
 * they go forward happens the length of the gap later (01:30 on the March Sunday in London is
 * 02:30 BST), and a time that happens twice when they go back is its first (01:30 BST, not
 * 01:30 GMT), so a reminder is never lost and never doubled.
 */
export function instantOfWallClock(wall: number, timeZone: string): Date {
  const before = offsetAt(wall - DAY_MS, timeZone);
  const after = offsetAt(wall + DAY_MS, timeZone);
  const real = [wall - before, wall - after]
    .filter((t) => offsetAt(t, timeZone) === wall - t)
    .sort((a, b) => a - b);
  return new Date(real[0] ?? wall - before);
}

/** Hours and minutes of an HH:MM time. */
export function parseClockTime(time: string): { hour: number; minute: number } {
  const m = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(time);
  if (!m) throw new RangeError(`Not a time HH:MM: ${time}`);
  return { hour: Number(m[1]), minute: Number(m[2]) };
}

/** The first instant strictly after `after` at which the weekly time happens. */
export function nextOccurrence(weekly: WeeklyTime, after: Date): Date {
  const { hour, minute } = parseClockTime(weekly.time);
  const today = new Date(wallClockAt(after.getTime(), weekly.timeZone));
  // From yesterday (a skipped time can move a day on) to a fortnight: two matching weekdays.
  for (let k = -1; k <= 14; k++) {
    const day = new Date(
      Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate() + k, hour, minute),
    );
    if (day.getUTCDay() !== weekly.weekday) continue;
    const at = instantOfWallClock(day.getTime(), weekly.timeZone);
    if (at.getTime() > after.getTime()) return at;
  }
  throw new RangeError(`No weekday ${weekly.weekday} in the next fortnight`);
}
