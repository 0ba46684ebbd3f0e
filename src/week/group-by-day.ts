import type { Moment } from '../storage/records';
import type { CalendarDate } from './calendar-date';

/** Moments grouped by their own local day, in the order of `days`, leaving out empty days. */
export function groupByDay(
  moments: Moment[],
  days: CalendarDate[],
): { date: CalendarDate; moments: Moment[] }[] {
  return days
    .map((date) => ({ date, moments: moments.filter((m) => m.localDate === date) }))
    .filter((g) => g.moments.length > 0);
}
