import { addDays, addWeeks, getISOWeek, getISOWeekYear, startOfWeek } from 'date-fns';
import { fromLocalDate, toLocalDate, toUtcNoon, type CalendarDate } from './calendar-date';
import type { WeekStartDay } from '../storage/records';
import { dateFormat } from '../text/dates';

/** One of the writer's weeks: seven days from its start day. */
export interface Week {
  /** First day of the week. */
  start: CalendarDate;
  /** The day after the last day (exclusive end). */
  end: CalendarDate;
  /** ISO 8601 week number of the week (1–53). */
  isoWeek: number;
  /** The ISO week-numbering year, which differs from the calendar year around 1 January. */
  isoYear: number;
}

/** ISO week number and week-year of a calendar date. */
export function isoWeekOf(date: CalendarDate): { week: number; year: number } {
  const d = toLocalDate(date);
  return { week: getISOWeek(d), year: getISOWeekYear(d) };
}

/**
 * The week containing a date, for a writer whose weeks start on `weekStartsOn`.
 * Its ISO number is that of its fourth day: for Monday weeks that is the Thursday, which is how
 * ISO 8601 itself decides, and for other start days it is the ISO week most of its days are in.
 */
export function weekContaining(date: CalendarDate, weekStartsOn: WeekStartDay): Week {
  const start = startOfWeek(toLocalDate(date), { weekStartsOn });
  const iso = isoWeekOf(fromLocalDate(addDays(start, 3)));
  return {
    start: fromLocalDate(start),
    end: fromLocalDate(addDays(start, 7)),
    isoWeek: iso.week,
    isoYear: iso.year,
  };
}

/** The week `count` weeks after (or before, if negative) the given week. */
export function shiftWeek(week: Week, count: number, weekStartsOn: WeekStartDay): Week {
  return weekContaining(fromLocalDate(addWeeks(toLocalDate(week.start), count)), weekStartsOn);
}

/** The seven days of a week, in order. */
export function daysOf(week: Week): CalendarDate[] {
  const start = toLocalDate(week.start);
  return Array.from({ length: 7 }, (_, i) => fromLocalDate(addDays(start, i)));
}

const dayMonth = dateFormat({
  timeZone: 'UTC',
  day: 'numeric',
  month: 'long',
});
const dayMonthYear = dateFormat({
  timeZone: 'UTC',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
});
const weekdayDayMonth = dateFormat({
  timeZone: 'UTC',
  weekday: 'long',
  day: 'numeric',
  month: 'long',
});

/** "Week beginning 22 November" (with the year when it is not `currentYear`). */
export function weekBeginningLabel(week: Week, currentYear?: number): string {
  const start = toUtcNoon(week.start);
  const sameYear = currentYear === undefined || start.getUTCFullYear() === currentYear;
  return `Week beginning ${(sameYear ? dayMonth : dayMonthYear).format(start)}`;
}

/** "Monday 16 November". */
export function dayLabel(date: CalendarDate): string {
  return weekdayDayMonth.format(toUtcNoon(date));
}
