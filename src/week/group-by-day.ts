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

/**
 * The first `limit` moments of the groups, in order, keeping each group's day: what fills a
 * phone's first screen, drawn before the rest of a long week.
 */
export function firstMoments<G extends { moments: Moment[] }>(groups: G[], limit: number): G[] {
  const out: G[] = [];
  let left = limit;
  for (const g of groups) {
    if (left <= 0) break;
    out.push(g.moments.length <= left ? g : { ...g, moments: g.moments.slice(0, left) });
    left -= g.moments.length;
  }
  return out;
}
